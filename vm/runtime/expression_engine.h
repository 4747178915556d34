// How the runtime evaluates the program's expressions. The interpreter is one engine; the JIT
// is another. The step logic asks "the value of expression e over these inputs", and, of an
// engine that compiles them, to run a journey's pure steps (below).
#pragma once

#include <cstddef>
#include <string_view>

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

  // Where running a journey's pure steps stopped: `pc` is the first step that needs the
  // runtime (a wait, a send, …, or kEndOfJourney), `at` the last step run. When `failed`, the
  // step `pc` stopped the instance with `stopped` (an error, or a condition that is no bool).
  struct PureSteps {
    ir::StepIndex pc = ir::kEndOfJourney;
    ir::StepIndex at = ir::kEndOfJourney;
    bool failed = false;
    Value stopped;
  };
  // Runs the steps of `journey` whose only effect is on the frame (`if`, `let`, `split`) from
  // `pc` on, as compiled code. An engine without compiled steps runs none: it returns `pc` and
  // the runtime walks the steps itself, with the same result.
  virtual PureSteps runPureSteps(uint32_t journey, ir::StepIndex pc, ir::StepIndex at,
                                 Value* frame, std::string_view key, stdlib::CallContext& ctx) {
    (void)journey, (void)frame, (void)key, (void)ctx;
    return {pc, at, false, Value()};
  }

  // A column kernel (docs/jit.md, "Column kernels"): the `planned`th expression of the column
  // plan the engine was made with, compiled as a loop over a batch's columns
  // (vm/audience/column_batch.h: `columns` is its data(), one verdict byte per row). Null when
  // the engine has none for it; the caller then evaluates the rows one at a time.
  using ColumnKernel = void (*)(const void* columns, uint64_t rows, uint8_t* verdicts);
  virtual ColumnKernel columnKernel(size_t planned) const {
    (void)planned;
    return nullptr;
  }
};

}  // namespace journey::runtime
