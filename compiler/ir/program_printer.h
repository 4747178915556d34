// `journey check --emit ir|bytecode`: the lowered program. Declarations with their expressions,
// then each journey's frame, clauses and step graph (`s3  wait e7 -> s4`), then every
// expression the journey uses, printed by the caller (as an IR tree or as bytecode).
#pragma once

#include <functional>
#include <string>

#include "compiler/ir/program_ir.h"

namespace journey::ir {

using ExprPrinter = std::function<std::string(ExprIndex)>;

std::string printProgram(const ProgramIr& program, const ExprPrinter& printExpr);

}  // namespace journey::ir
