// A journey drawn as a diagram (`journey graph`, docs/graph.md): nodes for the entry, each
// step, the journey-level exits and the end; edges for the ways from one to the next, labelled
// with the author's own text. Writers turn it into DOT or Mermaid; the SVG is Graphviz's
// rendering of the DOT.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "compiler/graph/phrase.h"

namespace journey::graph {

enum class NodeKind : uint8_t {
  Entry,           // the entry clause, with the header clauses that shape every instance
  Exits,           // `exit on`, `exit when` and `timeout`: they end an instance at any step
  Send,
  Wait,            // `wait D`, `wait until …`
  WaitFor,
  If,
  Split,
  Call,
  Set,
  Let,
  Emit,
  Goto,
  End,             // an `end` step
  Finish,          // past the last step: the instance ends with reason `end`
  OtherJourney,    // a `goto` target that is not drawn (`--journey` left it out)
};

enum class EdgeKind : uint8_t {
  Flow,     // from a step to the next, or into a branch
  Error,    // `call … on error`
  Goto,     // `goto J` to J's entry
  AnyTime,  // from the entry to the exits: they apply wherever the instance is
};

// Where a node stands: in the cluster of one drawn journey, or outside any.
inline constexpr size_t kNoCluster = SIZE_MAX;

struct Node {
  NodeKind kind = NodeKind::Send;
  uint32_t journey = 0;  // index of its journey among the program's (for OtherJourney: the target)
  std::string journeyName;
  // Unique within the journey: "entry", "exits", "end", or the step's number ("1", "2", …,
  // counted in source order, nested steps included).
  std::string key;
  Label label;
  std::string location;  // `file:line:col` of the clause or step; empty for the end
  size_t cluster = kNoCluster;  // index into Diagram::journeys
};

struct Edge {
  size_t from = 0, to = 0;  // indices into Diagram::nodes
  Label label;
  EdgeKind kind = EdgeKind::Flow;
};

struct DrawnJourney {
  std::string name;
  uint32_t index = 0;  // among the program's journeys
};

struct Diagram {
  std::vector<DrawnJourney> journeys;
  std::vector<Node> nodes;
  std::vector<Edge> edges;
};

// Each cluster's nodes in order, found in one pass (writers draw cluster by cluster: a scan of
// every node per cluster made thousands of journeys quadratic to write).
inline std::vector<std::vector<const Node*>> nodesByCluster(const Diagram& diagram) {
  std::vector<std::vector<const Node*>> clustered(diagram.journeys.size());
  for (const Node& n : diagram.nodes) {
    if (n.cluster != kNoCluster) clustered[n.cluster].push_back(&n);
  }
  return clustered;
}

}  // namespace journey::graph
