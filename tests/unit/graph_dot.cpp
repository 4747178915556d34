// The DOT writer's quoting, read back by Graphviz: what the author wrote is what the SVG shows.
#include <doctest/doctest.h>

#include <string>

#include "compiler/graph/dot_writer.h"
#include "compiler/graph/svg_renderer.h"

namespace journey::graph_dot_test {

using graph::Diagram;
using graph::Node;

// One journey named `name` with an entry and an end, each located in `file`.
Diagram twoSteps(const std::string& name, const std::string& file) {
  Diagram d;
  d.journeys.push_back({name, 0});
  d.nodes.push_back(Node{.kind = graph::NodeKind::Entry, .journeyName = name, .key = "entry",
                         .label = {"entry on E"}, .location = file + ":3:3", .cluster = 0});
  d.nodes.push_back(Node{.kind = graph::NodeKind::Finish, .journeyName = name, .key = "done",
                         .label = {"end"}, .location = file + ":2:9", .cluster = 0});
  d.edges.push_back({.from = 0, .to = 1, .label = {}, .kind = graph::EdgeKind::Flow});
  return d;
}

}  // namespace journey::graph_dot_test

TEST_SUITE("graph") {

using journey::graph_dot_test::twoSteps;

TEST_CASE("DOT: a name longer than Graphviz reads in one quoted string is written in pieces") {
  // Graphviz's scanner refuses a quoted string over 16,384 bytes; a journey's name is in the id
  // of each of its nodes. Multi-byte characters must not be cut between pieces.
  std::string name = "J" + std::string(12000, 'a');
  for (int i = 0; i < 3000; ++i) name += "\xc3\xa9";  // é, two bytes each
  std::string dot = journey::graph::writeDot(twoSteps(name, "t.journey"));
  CHECK(dot.find("\" + \"") != std::string::npos);
  journey::graph::SvgResult svg = journey::graph::renderSvg(dot);
  REQUIRE(svg.ok);
  CHECK(svg.messages.empty());
  // The node's id (its SVG title) comes back whole.
  CHECK(svg.svg.find("<title>" + name + "/entry</title>") != std::string::npos);
  // The cluster's label is cut as a step's is, with `…`.
  CHECK(svg.svg.find(">journey J" + std::string(151, 'a') + "…<") != std::string::npos);
}

TEST_CASE("DOT: a backslash in a tooltip's path is shown as written") {
  // In a tooltip Graphviz reads `\N` as the node's name even after `\\`.
  std::string file = "/tmp/a\\New\\G\\\\x/t.journey";
  std::string dot = journey::graph::writeDot(twoSteps("J", file));
  journey::graph::SvgResult svg = journey::graph::renderSvg(dot);
  REQUIRE(svg.ok);
  CHECK(svg.svg.find("xlink:title=\"" + file + ":3:3\"") != std::string::npos);
  CHECK(svg.svg.find("xlink:title=\"" + file + ":2:9\"") != std::string::npos);
}

}  // TEST_SUITE
