#include "vm/interp/expression_runner.h"

#include "compiler/codegen/bytecode_compiler.h"

namespace journey::interp {

ExpressionRunner::ExpressionRunner(const ir::ExprPool& pool, const ir::LoweredExpr& expr,
                                   const ir::RecordLayouts& layouts, Limits limits)
    : chunk_(codegen::compileExpr(pool, expr, layouts)), interpreter_(chunk_, limits) {}

Value ExpressionRunner::runShared(const Value* inputs, stdlib::CallContext& ctx) {
  if (busy_.exchange(true, std::memory_order_acquire)) {
    Interpreter own(chunk_, interpreter_.limits());
    return own.runWithInputs(inputs, ctx);
  }
  Value v = run(inputs, ctx);
  busy_.store(false, std::memory_order_release);
  return v;
}

}  // namespace journey::interp
