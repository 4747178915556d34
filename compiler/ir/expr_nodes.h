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

// The input slots (those below `inputCount`) the expression rooted at `root` reads, in order.
std::vector<uint32_t> inputSlotsRead(const ExprPool& pool, NodeId root, uint32_t inputCount);

// The nodes a code generator visits for the expression rooted at `root`: a node reached from
// two parents counts twice, as it is compiled twice. Counting stops at `cap`.
size_t visitedNodes(const ExprPool& pool, NodeId root, size_t cap);

}  // namespace journey::ir
