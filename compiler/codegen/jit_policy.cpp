#include "compiler/codegen/jit_policy.h"

#include <cstdint>

#include "compiler/ir/expr_nodes.h"

namespace journey::codegen {

bool jitInterprets(const ir::ExprPool& pool, const ir::LoweredExpr& expr, size_t largest) {
  return largest < SIZE_MAX && ir::visitedNodes(pool, expr.root, largest + 1) > largest;
}

}  // namespace journey::codegen
