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

std::string printModule(const Ast& ast, const Module& module, const SourceManager& sources,
                        const TypeAnnotator& annotate = {});
std::string printExpr(const Ast& ast, ExprId e, const SourceManager& sources,
                      const TypeAnnotator& annotate = {});

}  // namespace journey::ast
