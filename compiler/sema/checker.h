// The checker: names, declarations, expression types and journey rules over a whole program.
#pragma once

#include "compiler/ast/ast.h"
#include "compiler/diagnostics/diagnostic.h"
#include "compiler/sema/expr_checker.h"
#include "compiler/sema/symbols.h"
#include "compiler/sema/types.h"

namespace journey::sema {

// The result of checking: declarations by name, the type table, and per-expression facts.
// Symbols point into the Ast, which must outlive this.
struct CheckedProgram {
  TypeTable types;
  ProgramSymbols symbols;
  ExprFacts facts;
};

// Checks all modules of `ast` as one program. Reports to `diags`; fills `out` as far as the
// program could be understood (so tools can still print what is known after errors).
void checkProgram(const SourceManager& sources, const ast::Ast& ast, DiagnosticSink& diags,
                  CheckedProgram& out);

}  // namespace journey::sema
