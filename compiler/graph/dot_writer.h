// The diagram in Graphviz's DOT language: one `cluster_` subgraph per journey, nodes named
// `"Journey/key"` (`"CartRecovery/3"`: the third step) with their source location as tooltip.
#pragma once

#include <string>

#include "compiler/graph/diagram.h"

namespace journey::graph {

std::string writeDot(const Diagram& diagram);

}  // namespace journey::graph
