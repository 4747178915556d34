// Which expressions the JIT compiles and which it leaves to the interpreter, for the code
// generator (llvm_codegen.cpp, llvm_columns.cpp) and for `--engine auto`'s estimate of what
// compiling costs (vm/runtime/engine_choice.cpp), which must agree.
#pragma once

#include <cstddef>

#include "compiler/ir/expr_ir.h"

namespace journey::codegen {

// LLVM's time to compile one function grows faster than its size: about 0.28 ms a node plus
// the nodes squared times 1.1e-8 s (docs/jit.md, "Large expressions"), 4 s for 10,000 nodes.
// An expression larger than this (a condition grown by inlined `fn`s) is not compiled: its
// function calls the interpreter, which runs it from bytecode with the same semantics.
inline constexpr size_t kLargestCompiledNodes = 1024;

// Whether the JIT leaves `expr` to the interpreter when it compiles expressions of up to
// `largest` nodes (jit::JitOptions::largestCompiledNodes: tests move the limit).
bool jitInterprets(const ir::ExprPool& pool, const ir::LoweredExpr& expr,
                   size_t largest = kLargestCompiledNodes);

}  // namespace journey::codegen
