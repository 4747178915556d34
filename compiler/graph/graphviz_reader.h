// DOT text to a Graphviz (cgraph) graph whose object ids follow the text, not the heap.
//
// cgraph's default id discipline uses the address of each interned name as the object's id, and
// orders subgraphs by id: the order of the clusters, and with it the layout, then depends on the
// allocator (the optimised and the sanitizer builds drew the same DOT differently). Here a name's
// id is its rank of first appearance, so the same DOT always gives the same SVG.
#pragma once

#include <graphviz/cgraph.h>

#include <string_view>

namespace journey::graph {

// Null after a syntax error (reported through Graphviz's error handler). Close with agclose.
Agraph_t* readGraphvizGraph(std::string_view dot);

}  // namespace journey::graph
