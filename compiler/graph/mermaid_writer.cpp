#include "compiler/graph/mermaid_writer.h"

#include <fmt/format.h>

#include <map>

#include "compiler/graph/node_style.h"

namespace journey::graph {

namespace {

// Text inside Mermaid's double quotes: characters its parser or the HTML label would read are
// written as entity codes; lines are joined by `<br/>`.
std::string mermaidText(const Label& lines) {
  std::string out = "\"";
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += "<br/>";
    const std::string& line = lines[i];
    for (size_t at = 0; at < line.size(); ++at) {
      char c = line[at];
      std::string_view rest = std::string_view(line).substr(at);
      // Words Mermaid rewrites inside a label: a line with `style` or `classDef` loses its
      // last `;` (taken for a style's end, so `#quot;` showed as `#quot`), and `fa:fa-car`
      // becomes an icon. One character of each is written as a code.
      if (rest.starts_with("style") || rest.starts_with("classDef") || rest.starts_with(":fa-")) {
        out += fmt::format("#{};", static_cast<int>(static_cast<unsigned char>(c)));
        continue;
      }
      switch (c) {
        case '"': out += "#quot;"; break;
        case '#': out += "#35;"; break;
        case '<': out += "#lt;"; break;
        case '>': out += "#gt;"; break;
        case '&': out += "#amp;"; break;
        case '|': out += "#124;"; break;
        case '`': out += "#96;"; break;
        case '\\': out += "#92;"; break;  // `\n` in a string would break the line
        // `%%{…}%%` anywhere is a directive to Mermaid (its configuration, or a parse error):
        // a `%` beside another is written as a code (a lone one, `50%`, as it is).
        case '%': {
          bool paired = (at > 0 && line[at - 1] == '%') ||
                        (at + 1 < line.size() && line[at + 1] == '%');
          out += paired ? "#37;" : "%";
          break;
        }
        case '\n': out += "<br/>"; break;
        case '\r': break;
        default:
          if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));  // shown, as DOT's
          } else {
            out += c;
          }
      }
    }
  }
  return out + "\"";
}

std::string mermaidId(const Node& n) { return fmt::format("j{}_{}", n.journey, n.key); }

void writeMermaidNode(std::string& out, const Node& n, std::string_view indent) {
  const NodeStyle& s = nodeStyle(n.kind);
  out += fmt::format("{}{}{}{}{}\n", indent, mermaidId(n), s.mermaidOpen, mermaidText(n.label),
                     s.mermaidClose);
}

}  // namespace

std::string writeMermaid(const Diagram& diagram) {
  std::string out = "flowchart TB\n";
  std::vector<std::vector<const Node*>> clustered = nodesByCluster(diagram);
  for (size_t c = 0; c < diagram.journeys.size(); ++c) {
    const DrawnJourney& j = diagram.journeys[c];
    out += fmt::format("  subgraph j{} [{}]\n", j.index, mermaidText({"journey " + j.name}));
    for (const Node* n : clustered[c]) writeMermaidNode(out, *n, "    ");
    out += "  end\n";
  }
  for (const Node& n : diagram.nodes) {
    if (n.cluster == kNoCluster) writeMermaidNode(out, n, "  ");
  }
  for (const Edge& e : diagram.edges) {
    const char* arrow = e.kind == EdgeKind::Flow ? "-->" : "-.->";
    std::string label = e.label.empty() ? "" : "|" + mermaidText(e.label) + "|";
    out += fmt::format("  {} {}{} {}\n", mermaidId(diagram.nodes[e.from]), arrow, label,
                       mermaidId(diagram.nodes[e.to]));
  }
  // Styles, then which nodes take them, in the order the kinds first appear.
  std::map<NodeKind, std::string> members;
  std::vector<NodeKind> order;
  for (const Node& n : diagram.nodes) {
    std::string& list = members[n.kind];
    if (list.empty()) order.push_back(n.kind);
    list += (list.empty() ? "" : ",") + mermaidId(n);
  }
  for (NodeKind kind : order) {
    const NodeStyle& s = nodeStyle(kind);
    out += fmt::format("  classDef {} fill:{},stroke:{}{}\n", s.mermaidClass, s.fill, s.stroke,
                       s.dashed ? ",stroke-dasharray:4 3" : "");
    out += fmt::format("  class {} {}\n", members[kind], s.mermaidClass);
  }
  return out;
}

}  // namespace journey::graph
