// A rule's verdicts over a column batch: by the engine's column kernel when it has one (the
// rows the batch marked are then evaluated alone), else one row at a time. Both ways give the
// verdicts evaluating each profile alone gives (docs/jit.md, "Column kernels").
#pragma once

#include <cstdint>
#include <vector>

#include "vm/audience/column_batch.h"
#include "vm/runtime/expression_engine.h"

namespace journey::audience {

// A rule's value as a verdict: kTrue, kFalse, or kError for an error or a value not a bool.
uint8_t verdictOf(const Value& v);

// verdicts[row] for every row of `batch`: kTrue, kFalse, or kError (an error, or a value that
// is not a bool). `expr` is the `planned`th expression of the batch's plan.
void evaluateOverBatch(runtime::ExpressionEngine& engine, ir::ExprIndex expr, size_t planned,
                       ColumnBatch& batch, std::vector<uint8_t>& verdicts,
                       stdlib::CallContext& ctx);

}  // namespace journey::audience
