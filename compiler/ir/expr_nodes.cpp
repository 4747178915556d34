#include "compiler/ir/expr_nodes.h"

#include <unordered_set>

namespace journey::ir {

std::vector<NodeId> operandsOf(const Node& n) {
  std::vector<NodeId> kids = n.kids;
  if (n.kind == NodeKind::Comprehension) {
    for (NodeId part : {n.loop.range, n.loop.init, n.loop.condition, n.loop.filter, n.loop.step,
                        n.loop.result}) {
      if (part != kNoNode) kids.push_back(part);
    }
  }
  return kids;
}

std::vector<NodeId> nodesOf(const ExprPool& pool, NodeId root) {
  std::vector<NodeId> nodes, work{root};
  std::unordered_set<NodeId> seen;
  while (!work.empty()) {
    NodeId id = work.back();
    work.pop_back();
    if (id == kNoNode || !seen.insert(id).second) continue;
    nodes.push_back(id);
    for (NodeId kid : operandsOf(pool[id])) work.push_back(kid);
  }
  return nodes;
}

size_t visitedNodes(const ExprPool& pool, NodeId root, size_t cap) {
  size_t count = 0;
  std::vector<NodeId> work{root};
  while (!work.empty() && count < cap) {
    NodeId id = work.back();
    work.pop_back();
    if (id == kNoNode) continue;
    ++count;
    for (NodeId kid : operandsOf(pool[id])) work.push_back(kid);
  }
  return count;
}

std::vector<uint32_t> inputSlotsRead(const ExprPool& pool, NodeId root, uint32_t inputCount) {
  std::vector<bool> read(inputCount, false);
  for (NodeId id : nodesOf(pool, root)) {
    const Node& n = pool[id];
    if (n.kind == NodeKind::Variable && n.index < inputCount) read[n.index] = true;
  }
  std::vector<uint32_t> slots;
  for (uint32_t s = 0; s < inputCount; ++s) {
    if (read[s]) slots.push_back(s);
  }
  return slots;
}

}  // namespace journey::ir
