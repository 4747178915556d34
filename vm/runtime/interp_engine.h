// The interpreter as the runtime's expression engine: every expression of the program is
// compiled to bytecode when the engine is made, and each gets an Interpreter of its own.
#pragma once

#include <memory>

#include "vm/runtime/expression_engine.h"

namespace journey::runtime {

// `program` must outlive the engine.
std::unique_ptr<ExpressionEngine> makeInterpEngine(const ir::ProgramIr& program);

}  // namespace journey::runtime
