// Expressions the lowering cannot inline whole: a `fn` calling another twice, level after level,
// or a chain of a thousand `const`s each naming the one before, is exponential or too deep once
// inlined. The lowering puts an error in its place, which every run would meet; so the check
// reports it (E0229) where the expression is written.
#pragma once

#include "compiler/ast/ast.h"
#include "compiler/diagnostics/diagnostic.h"
#include "compiler/sema/checker.h"
#include "compiler/source/source_manager.h"

namespace journey {

// Lowers the program as a run would; `program` must have checked without errors.
void checkLoweredSizes(const SourceManager& sources, const ast::Ast& ast,
                       const sema::CheckedProgram& program, DiagnosticSink& diags);

}  // namespace journey
