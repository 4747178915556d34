// `--emit ir`: the lowered expression as an indented tree, one node per line, with the kind of
// value each node is statically known to produce (`: int`), slots as `$n`, calls with their
// overload candidates.
#pragma once

#include <string>

#include "compiler/ir/expr_ir.h"
#include "compiler/ir/record_layouts.h"

namespace journey::ir {

std::string printExpr(const ExprPool& pool, const LoweredExpr& expr, const RecordLayouts* layouts);

}  // namespace journey::ir
