#include "compiler/graph/layout_effort.h"

#include <vector>

namespace journey::graph {

size_t skippedRanks(const Diagram& diagram) {
  size_t n = diagram.nodes.size();
  std::vector<std::vector<size_t>> next(n);
  std::vector<size_t> into(n, 0);
  for (const Edge& e : diagram.edges) {
    if (e.kind == EdgeKind::Goto || e.from >= n || e.to >= n) continue;
    next[e.from].push_back(e.to);
    ++into[e.to];
  }
  // Longest paths in topological order; nodes on a cycle (none without `goto`) keep rank 0.
  std::vector<size_t> rank(n, 0), ready;
  for (size_t i = 0; i < n; ++i) {
    if (into[i] == 0) ready.push_back(i);
  }
  while (!ready.empty()) {
    size_t node = ready.back();
    ready.pop_back();
    for (size_t to : next[node]) {
      if (rank[to] < rank[node] + 1) rank[to] = rank[node] + 1;
      if (--into[to] == 0) ready.push_back(to);
    }
  }
  size_t skipped = 0;
  for (size_t from = 0; from < n; ++from) {
    for (size_t to : next[from]) {
      if (rank[to] > rank[from] + 1) skipped += rank[to] - rank[from] - 1;
    }
  }
  return skipped;
}

}  // namespace journey::graph
