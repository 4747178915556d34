// Expressions the lowering cannot inline whole: a `fn` calling another twice, level after level,
// or a chain of a thousand `const`s each naming the one before, is exponential or too deep once
// inlined. The lowering puts an error in its place, which every run would meet; so the check
// reports it (E0229) where the expression is written.
#pragma once

#include "compiler/diagnostics/diagnostic.h"
#include "compiler/ir/program_ir.h"

namespace journey {

// Reports what the lowering of a program that checked without errors could not inline.
void checkLoweredSizes(const ir::ProgramIr& lowered, DiagnosticSink& diags);

}  // namespace journey
