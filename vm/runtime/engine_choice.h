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

// The seconds linking an artifact's native code (an object of `objectBytes`) is expected to
// take: LLVM 19's linker grows faster than the object (docs/jit.md, "Native code").
double nativeLoadSeconds(uint64_t objectBytes);

// Whether compiling for `compileSeconds` (or loading native code for as long) pays for a run
// over inputs of `inputBytes` (the size of the profiles and events together).
bool jitPaysForRun(double compileSeconds, uint64_t inputBytes);

}  // namespace journey::runtime
