// Journey steps -> LLVM IR: the pure steps of each journey (`if`, `let`, `split`, which only
// read and write the instance's frame) become one transition function per journey, added to
// the module of the program's expressions (docs/jit.md, the ABI in vm/jit/jit_abi.h). The
// runtime calls it where an instance resumes and takes over at the first step that waits,
// sends, calls or ends.
//
// Built into journey_jit, like llvm_codegen.
#pragma once

#include <string>
#include <vector>

#include "compiler/codegen/llvm_codegen.h"
#include "compiler/ir/program_ir.h"

namespace journey::codegen {

// Adds `prefix`_jJ for every journey J with a pure step to `unit`, whose expressions
// generateLlvm made; fills unit.transitions (an empty name: the journey has no pure step).
// Returns false, with `whyNot`, when the IR is invalid.
bool generateTransitions(const std::vector<ir::JourneyIr>& journeys, const std::string& prefix,
                         LlvmUnit& unit, std::string& whyNot);

}  // namespace journey::codegen
