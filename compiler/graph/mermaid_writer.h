// The diagram as a Mermaid flowchart (for Markdown that renders Mermaid: GitHub, GitLab, wikis):
// one subgraph per journey, nodes named `j<journey>_<key>` (`j0_3`: the third step of the
// program's first journey), since Mermaid ids must be plain words.
#pragma once

#include <string>

#include "compiler/graph/diagram.h"

namespace journey::graph {

std::string writeMermaid(const Diagram& diagram);

}  // namespace journey::graph
