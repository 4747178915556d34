// How hard a diagram is for Graphviz's `dot` layout. An arrow that skips ranks (the `else` of
// an `if` nested deep, joining the step after the outermost one) is laid out as a chain of
// virtual nodes, one per rank it passes, and placing them takes time that grows much faster than
// their number: 60 nested `if`s made 5,000 of them and took 3.5 s, 100 took two and a half
// minutes. Past a limit the DOT asks for a cheaper drawing (dot_writer.cpp).
#pragma once

#include <cstddef>

#include "compiler/graph/diagram.h"

namespace journey::graph {

// The ranks the diagram's arrows skip, summed: each node ranked by its longest path of arrows
// from the nodes nothing leads to (`goto` arrows left out: they may close loops).
size_t skippedRanks(const Diagram& diagram);

}  // namespace journey::graph
