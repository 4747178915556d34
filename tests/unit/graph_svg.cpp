// SVG through the Graphviz library: its messages come back to us, never straight to stderr.
#include <doctest/doctest.h>

#include <string>

#include "compiler/graph/svg_renderer.h"

TEST_SUITE("graph") {

TEST_CASE("Graphviz renders DOT to SVG") {
  journey::graph::SvgResult r = journey::graph::renderSvg("digraph g { \"a/1\" -> \"a/2\" [label=\"x\"] }");
  REQUIRE(r.ok);
  CHECK(r.messages.empty());
  CHECK(r.svg.find("<svg") != std::string::npos);
  CHECK(r.svg.find("<title>a/1</title>") != std::string::npos);
  CHECK(r.svg.find("<title>a/2</title>") != std::string::npos);
}

TEST_CASE("Graphviz's warnings are returned with the SVG") {
  journey::graph::SvgResult r = journey::graph::renderSvg("digraph g { a [shape=nonsense] }");
  REQUIRE(r.ok);
  REQUIRE(r.messages.size() == 1);
  CHECK(r.messages[0].find("nonsense") != std::string::npos);
}

TEST_CASE("a DOT syntax error fails with Graphviz's message") {
  journey::graph::SvgResult r = journey::graph::renderSvg("digraph g { a -> }");
  CHECK_FALSE(r.ok);
  CHECK(r.svg.empty());
  REQUIRE_FALSE(r.messages.empty());
  CHECK(r.messages[0].find("syntax error") != std::string::npos);
}

TEST_CASE("the same DOT gives the same SVG") {
  std::string dot =
      "digraph g { subgraph cluster_b { b1 -> b2 } subgraph cluster_a { a1 -> a2 } a2 -> b1 }";
  journey::graph::SvgResult first = journey::graph::renderSvg(dot);
  journey::graph::SvgResult second = journey::graph::renderSvg(dot);
  REQUIRE(first.ok);
  CHECK(first.svg == second.svg);
  // Clusters come out in the order the text names them.
  CHECK(first.svg.find("cluster_b") < first.svg.find("cluster_a"));
}

}  // TEST_SUITE
