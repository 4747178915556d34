#include "compiler/ir/dependency_order.h"

#include <utility>

namespace journey::ir {

std::vector<uint32_t> dependenciesFirst(const std::vector<std::vector<uint32_t>>& reads) {
  std::vector<uint32_t> order;
  order.reserve(reads.size());
  enum class Mark : uint8_t { New, Open, Done };
  std::vector<Mark> mark(reads.size(), Mark::New);
  // Depth first without recursion (a chain may be long): a node and the next of its reads.
  std::vector<std::pair<uint32_t, size_t>> stack;
  for (uint32_t start = 0; start < reads.size(); ++start) {
    if (mark[start] != Mark::New) continue;
    mark[start] = Mark::Open;
    stack.push_back({start, 0});
    while (!stack.empty()) {
      auto& [node, next] = stack.back();
      if (next < reads[node].size()) {
        uint32_t read = reads[node][next++];
        if (read < reads.size() && mark[read] == Mark::New) {
          mark[read] = Mark::Open;
          stack.push_back({read, 0});
        }
        continue;
      }
      mark[node] = Mark::Done;
      order.push_back(node);
      stack.pop_back();
    }
  }
  return order;
}

}  // namespace journey::ir
