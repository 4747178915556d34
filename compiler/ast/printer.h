// Prints the AST as an indented tree (`--emit ast`), optionally with each expression's type
// (`--emit typed`).
#pragma once

#include <functional>
#include <string>

#include "compiler/ast/ast.h"
#include "compiler/source/source_manager.h"

namespace journey::ast {

// Returns a type's printed form for an expression, or "" to print none.
using TypeAnnotator = std::function<std::string(ExprId)>;

// A string's text as a literal that reads back as it: quotes, backslashes and control bytes
// escaped (`bytes`: `b"…"`, bytes from 0x80 escaped too).
std::string quoted(const std::string& s, bool bytes = false);

std::string printModule(const Ast& ast, const Module& module, const SourceManager& sources,
                        const TypeAnnotator& annotate = {});
std::string printExpr(const Ast& ast, ExprId e, const SourceManager& sources,
                      const TypeAnnotator& annotate = {});

}  // namespace journey::ast
