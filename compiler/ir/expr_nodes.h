// Every node of one lowered expression: for analyses that look at each call or field wherever it
// sits (comprehension parts included).
#pragma once

#include <vector>

#include "compiler/ir/expr_ir.h"

namespace journey::ir {

// The operands of a node, comprehension parts included.
std::vector<NodeId> operandsOf(const Node& n);

// Every node of the expression rooted at `root`, each once, parents before their operands.
std::vector<NodeId> nodesOf(const ExprPool& pool, NodeId root);

}  // namespace journey::ir
