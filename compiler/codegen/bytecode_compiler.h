// IR -> bytecode: one lowered expression to one Chunk (see bytecode.h).
#pragma once

#include <string_view>

#include "compiler/codegen/bytecode.h"
#include "compiler/ir/expr_ir.h"
#include "compiler/ir/record_layouts.h"

namespace journey::codegen {

// The chunk computes `expr`; its first `expr.slotCount` registers are the IR's slots (the
// inputs among them are set by the caller). `layouts` must outlive the chunk (records built by
// it point to their layouts). An expression beyond the register space compiles to a chunk that
// returns an error.
Chunk compileExpr(const ir::ExprPool& pool, const ir::LoweredExpr& expr,
                  const ir::RecordLayouts& layouts);

// The error value of such a chunk.
inline constexpr std::string_view kTooLargeToCompile = "the expression is too large to compile";

// Whether compileExpr gives up on `expr` for its size. Registers are at most its slots,
// constants and temporaries, so only an expression whose slots and nodes could exceed them is
// compiled to see.
bool tooLargeToCompile(const ir::ExprPool& pool, const ir::LoweredExpr& expr,
                       const ir::RecordLayouts& layouts);

}  // namespace journey::codegen
