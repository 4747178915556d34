// How the runtime evaluates the program's expressions. The interpreter is one engine; the JIT
// will be another. The step logic only ever asks "the value of expression e over these inputs".
#pragma once

#include <cstddef>

#include "compiler/ir/program_ir.h"
#include "stdlib/function.h"
#include "vm/value/value.h"

namespace journey::runtime {

class ExpressionEngine {
 public:
  virtual ~ExpressionEngine() = default;
  // The value of `expr` (an error value when evaluation fails). `inputs` holds at least as
  // many values as the expression has inputs (a journey's frame, or just the profile).
  virtual Value evaluate(ir::ExprIndex expr, const Value* inputs, stdlib::CallContext& ctx) = 0;
};

}  // namespace journey::runtime
