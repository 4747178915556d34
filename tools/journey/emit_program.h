// `journey check --emit ir|bytecode|llvm`: the lowered program (compiler/ir/program_printer.h),
// its expressions as IR trees or as bytecode, or the LLVM module the JIT compiles.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/driver/frontend.h"
#include "compiler/ir/expr_ir.h"
#include "compiler/ir/record_layouts.h"

namespace journey::cli {

// `stage` is "ir", "bytecode" or "llvm". The program must have checked without errors.
// Nothing for "llvm" in a build without LLVM.
std::optional<std::string> emitProgram(const Frontend& fe, std::string_view stage);

// `check --emit` and `build --emit` after parsing (`ast`) or checking (`typed`, `ir`,
// `bytecode`, `llvm`; the last three only when the program checked): prints the stage on
// stdout. False, with the error printed, when it cannot (`llvm` in a build without LLVM).
bool printStage(const Frontend& fe, std::string_view stage);

// The LLVM IR (before optimisation) of the one module the JIT makes of `exprs`; nothing in a
// build without LLVM.
std::optional<std::string> llvmModuleText(const ir::ExprPool& pool,
                                          const std::vector<ir::LoweredExpr>& exprs,
                                          const ir::RecordLayouts& layouts);

}  // namespace journey::cli
