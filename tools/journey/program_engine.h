// The expression engine a program runs on, by name: what `journey run --engine` and the REPL's
// `:engine` share.
#pragma once

#include <memory>
#include <string_view>

#include "compiler/ir/program_ir.h"
#include "vm/runtime/expression_engine.h"

namespace journey::cli {

// "interp": the bytecode interpreter; "jit": LLVM, or (after a warning on stderr, unless
// `quiet`: a caller making one engine per thread warns once) the interpreter when the JIT
// cannot compile the program or the build has no LLVM.
std::unique_ptr<runtime::ExpressionEngine> makeProgramEngine(const ir::ProgramIr& program,
                                                             std::string_view engine,
                                                             bool quiet = false);

}  // namespace journey::cli
