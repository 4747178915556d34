// `journey run --engine auto`: whether compiling the program with the JIT pays for a run of this
// size, from measured costs (docs/jit.md, "Optimisation levels").
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "compiler/ir/expr_ir.h"

namespace journey::runtime {

// The seconds the JIT is expected to take to compile `exprs` (all of a program's: it compiles
// them before the first record), from their sizes: a large expression costs more than its
// share, LLVM's back end being superlinear in a function's size, up to the largest it compiles
// (docs/jit.md, "Large expressions").
double jitCompileSeconds(const ir::ExprPool& pool, const std::vector<ir::LoweredExpr>& exprs);

// Whether compiling for `compileSeconds` pays for a run over inputs of `inputBytes` (the size of
// the profiles and events together).
bool jitPaysForRun(double compileSeconds, uint64_t inputBytes);

}  // namespace journey::runtime
