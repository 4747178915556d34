// How each kind of node looks in every output format, in one table: a reader who learnt the
// DOT or SVG diagram reads the Mermaid one (docs/graph.md lists the shapes).
#pragma once

#include "compiler/graph/diagram.h"

namespace journey::graph {

struct NodeStyle {
  // `#rrggbb`: green entry, red exits and ends, yellow waits, blue messages and `goto`, grey
  // logic, violet splits, orange external calls, teal events.
  const char* fill;
  const char* stroke;   // a darker shade of the fill
  const char* dotShape;  // Graphviz's shape name
  bool rounded;          // rounded corners (DOT)
  bool dashed;           // a dashed outline: the node is not a step
  const char* mermaidOpen;  // the brackets around the text that give Mermaid's shape
  const char* mermaidClose;
  // Mermaid `classDef` name. A plain `call` or `end` would be read as Mermaid's keywords: the
  // suffix keeps every name clear of them.
  const char* mermaidClass;
};

const NodeStyle& nodeStyle(NodeKind kind);

}  // namespace journey::graph
