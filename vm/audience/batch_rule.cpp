#include "vm/audience/batch_rule.h"

namespace journey::audience {

uint8_t verdictOf(const Value& v) {
  if (v.kind() != ValueKind::Bool) return kError;
  return v.asBool() ? kTrue : kFalse;
}

void evaluateOverBatch(runtime::ExpressionEngine& engine, ir::ExprIndex expr, size_t planned,
                       ColumnBatch& batch, std::vector<uint8_t>& verdicts,
                       stdlib::CallContext& ctx) {
  size_t rows = batch.rows();
  verdicts.resize(rows);
  runtime::ExpressionEngine::ColumnKernel kernel = engine.columnKernel(planned);
  if (kernel) {
    kernel(batch.data(), rows, verdicts.data());
    if (!batch.anyPerRow()) return;
  }
  for (size_t row = 0; row < rows; ++row) {
    if (kernel && !batch.perRow(row)) continue;
    verdicts[row] = verdictOf(engine.evaluate(expr, &batch.profile(row), ctx));
  }
}

}  // namespace journey::audience
