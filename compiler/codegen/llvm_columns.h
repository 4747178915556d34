// Column plans -> LLVM IR: each expression a column plan accepted (compiler/ir/column_plan.h)
// becomes a loop over a batch's columns (vm/audience/column_batch.h), added to the module of
// the program's expressions (docs/jit.md, "Column kernels"):
//
//   void PREFIX_kN(const ColumnData* columns, uint64_t rows, uint8_t* verdicts)
//
// which writes each row's verdict: false, true, or an error (a field absent where the rule
// reads it), with CEL's rules for errors under &&, || and the macros. Every construct a plan
// accepts is exact for any row the batch did not mark for the per-row engine.
//
// Built into journey_jit, like llvm_codegen.
#pragma once

#include <string>
#include <vector>

#include "compiler/codegen/llvm_codegen.h"
#include "compiler/ir/column_plan.h"

namespace journey::codegen {

// Adds `prefix`_kN for the Nth expression of `plan.exprs` when the plan accepted it and it has
// at most `largestCompiled` nodes (jit_policy.h), and fills unit.kernels. Returns false, with
// `whyNot`, when the IR is invalid.
bool generateColumnKernels(const ir::ExprPool& pool, const std::vector<ir::LoweredExpr>& exprs,
                           const ir::ColumnPlan& plan, const std::string& prefix, LlvmUnit& unit,
                           std::string& whyNot, size_t largestCompiled = kLargestCompiledNodes);

}  // namespace journey::codegen
