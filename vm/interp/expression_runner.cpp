#include "vm/interp/expression_runner.h"

#include "compiler/codegen/bytecode_compiler.h"
#include "compiler/ir/expr_nodes.h"

namespace journey::interp {

namespace {

// The input slots `e` reads (the variables among its inputs), in order.
std::vector<uint32_t> inputsRead(const ir::ExprPool& pool, const ir::LoweredExpr& e) {
  std::vector<bool> read(e.inputs.size(), false);
  for (ir::NodeId id : ir::nodesOf(pool, e.root)) {
    const ir::Node& n = pool[id];
    if (n.kind == ir::NodeKind::Variable && n.index < read.size()) read[n.index] = true;
  }
  std::vector<uint32_t> slots;
  for (uint32_t s = 0; s < read.size(); ++s) {
    if (read[s]) slots.push_back(s);
  }
  return slots;
}

}  // namespace

ExpressionRunner::ExpressionRunner(const ir::ExprPool& pool, const ir::LoweredExpr& expr,
                                   const ir::RecordLayouts& layouts, Limits limits)
    : chunk_(codegen::compileExpr(pool, expr, layouts)),
      inputsRead_(inputsRead(pool, expr)),
      interpreter_(chunk_, limits) {}

Value ExpressionRunner::runShared(const Value* inputs, stdlib::CallContext& ctx) {
  if (busy_.exchange(true, std::memory_order_acquire)) {
    Interpreter own(chunk_, interpreter_.limits());
    return own.runWithInputs(inputs, inputsRead_, ctx);
  }
  Value v = run(inputs, ctx);
  busy_.store(false, std::memory_order_release);
  return v;
}

}  // namespace journey::interp
