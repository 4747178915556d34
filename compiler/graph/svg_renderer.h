// DOT to SVG in-process with the Graphviz library (`dot` layout, `svg` renderer).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace journey::graph {

struct SvgResult {
  bool ok = false;
  std::string svg;
  // What Graphviz reported: the errors when it failed, its warnings when it did not. Our DOT
  // should give none, so the caller shows them rather than hide a bug.
  std::vector<std::string> messages;
};

SvgResult renderSvg(std::string_view dot);

}  // namespace journey::graph
