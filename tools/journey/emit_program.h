// `journey check --emit ir|bytecode`: the lowered program (compiler/ir/program_printer.h), its
// expressions as IR trees or as bytecode.
#pragma once

#include <string>
#include <string_view>

#include "compiler/driver/frontend.h"

namespace journey::cli {

// `stage` is "ir" or "bytecode". The program must have checked without errors.
std::string emitProgram(const Frontend& fe, std::string_view stage);

}  // namespace journey::cli
