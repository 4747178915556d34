// The expression pool and the lowered expressions. Calls name their overload candidates by
// the overloads' stable ids (a table of the ids used, written once) rather than by their index
// in this build's stdlib table, so an artifact survives a stdlib that gains overloads, and a
// journey that lacks one refuses the artifact by name.
#pragma once

#include <vector>

#include "compiler/artifact/byte_reader.h"
#include "compiler/artifact/byte_writer.h"
#include "compiler/ir/expr_ir.h"

namespace journey::artifact {

void writeExpressions(ByteWriter& out, const ir::ExprPool& pool,
                      const std::vector<ir::LoweredExpr>& exprs);
// `formatVersion`: the artifact's (version 1 stored no input count: every input was listed).
void readExpressions(ByteReader& in, ir::ExprPool& pool, std::vector<ir::LoweredExpr>& exprs,
                     uint32_t formatVersion);

}  // namespace journey::artifact
