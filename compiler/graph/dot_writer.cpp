#include "compiler/graph/dot_writer.h"

#include <fmt/format.h>

#include <cctype>
#include <limits>
#include <map>
#include <tuple>
#include <vector>

#include "compiler/graph/layout_effort.h"
#include "compiler/graph/node_style.h"
#include "compiler/graph/phrase.h"

namespace journey::graph {

namespace {

// Whether `&` before `rest` starts what Graphviz reads as an entity: `&name;`, `&#nn;`.
bool startsEntity(std::string_view rest) {
  size_t n = 0;
  while (n < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[n])) || rest[n] == '#')) {
    ++n;
  }
  return n > 0 && n < rest.size() && rest[n] == ';';
}

// Graphviz's scanner reads at most 16,384 bytes in one quoted string; DOT joins quoted strings
// written `"…" + "…"`, so a longer text (a journey's name is its node ids' prefix) is written
// in pieces of at most this many bytes, each ending between two characters and their escapes.
constexpr size_t kDotPieceBytes = 16000;

// Text as DOT double-quoted strings, piece by piece.
class DotString {
 public:
  // `backslash`: how an author's backslash is written (labels and tooltips differ).
  explicit DotString(std::string_view backslash) : backslash_(backslash) {}

  // Backslashes are written so that Graphviz's escapes (`\N`, `\G`, …) never apply to the
  // author's text, and an `&` that starts an entity is written `&amp;`, since Graphviz reads
  // entities in labels (`&copy;`, and `&#1;`, which no SVG may hold). Control characters and
  // the noncharacters U+FFFE and U+FFFF, which XML forbids, are shown as escapes (`\x0c`).
  void append(std::string_view text) {
    for (size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      auto byte = static_cast<unsigned char>(c);
      if ((byte & 0xc0) != 0x80) startPieceIfFull();
      if (c == '\\') {
        out_ += backslash_;
      } else if (c == '"') {
        out_ += "\\\"";
      } else if (c == '\n') {
        out_ += "\\n";
      } else if (c == '\r') {
        continue;
      } else if (c == '&' && startsEntity(text.substr(i + 1))) {
        out_ += "&amp;";
      } else if (byte < 0x20 || byte == 0x7f) {
        out_ += fmt::format("\\\\x{:02x}", byte);
      } else if (byte == 0xef && i + 2 < text.size() && text[i + 1] == '\xbf' &&
                 (text[i + 2] == '\xbe' || text[i + 2] == '\xbf')) {
        out_ += text[i + 2] == '\xbe' ? "\\\\uFFFE" : "\\\\uFFFF";
        i += 2;
      } else {
        out_ += c;
      }
    }
  }
  // DOT's centred line break.
  void lineBreak() {
    startPieceIfFull();
    out_ += "\\n";
  }
  std::string finish() && { return std::move(out_) + "\""; }

 private:
  void startPieceIfFull() {
    if (out_.size() - pieceStart_ < kDotPieceBytes) return;
    out_ += "\" + \"";
    pieceStart_ = out_.size();
  }

  std::string_view backslash_;
  std::string out_ = "\"";
  size_t pieceStart_ = 0;
};

// Labels and names: a backslash is written `\\`, which Graphviz shows as one.
constexpr std::string_view kLabelBackslash = "\\\\";
// Graphviz reads a tooltip's escapes again after the string's (`\\N` in a tooltip is still
// the node's name): a backslash there is written as four.
constexpr std::string_view kTooltipBackslash = "\\\\\\\\";

std::string dotQuoted(std::string_view text, std::string_view backslash = kLabelBackslash) {
  DotString quoted(backslash);
  quoted.append(text);
  return std::move(quoted).finish();
}

// Lines joined by DOT's centred line break, inside quotes.
std::string dotLabel(const Label& lines) {
  DotString quoted(kLabelBackslash);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) quoted.lineBreak();
    quoted.append(lines[i]);
  }
  return std::move(quoted).finish();
}

std::string dotId(const Node& n) { return dotQuoted(n.journeyName + "/" + n.key); }

void writeNode(std::string& out, const Node& n, std::string_view indent) {
  const NodeStyle& s = nodeStyle(n.kind);
  std::string style = std::string(s.rounded ? "rounded," : "") + "filled" + (s.dashed ? ",dashed" : "");
  out += fmt::format("{}{} [label={} shape={} style=\"{}\" fillcolor=\"{}\" color=\"{}\"", indent,
                     dotId(n), dotLabel(n.label), s.dotShape, style, s.fill, s.stroke);
  if (!n.location.empty()) out += " tooltip=" + dotQuoted(n.location, kTooltipBackslash);
  out += "]\n";
}

const char* edgeAttributes(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::Flow: return "";
    case EdgeKind::Error: return " style=dashed color=\"#a33c3c\" fontcolor=\"#a33c3c\"";
    case EdgeKind::Goto: return " style=dashed color=\"#3a62a0\" penwidth=1.5";
    case EdgeKind::AnyTime: return " style=dotted arrowhead=vee";
  }
  return "";
}

// Arrows of one kind between the same two steps as one, its label the lines of theirs: with
// `concentrate` Graphviz merges such arrows itself and drops all their labels but one (an empty
// `if` body and its `else` both lead to the next step).
std::vector<Edge> mergedParallel(const std::vector<Edge>& edges) {
  std::vector<Edge> merged;
  std::map<std::tuple<size_t, size_t, EdgeKind>, size_t> at;
  for (const Edge& e : edges) {
    auto [it, fresh] = at.try_emplace({e.from, e.to, e.kind}, merged.size());
    if (fresh) {
      merged.push_back(e);
    } else {
      Label& label = merged[it->second].label;
      label.insert(label.end(), e.label.begin(), e.label.end());
    }
  }
  return merged;
}

}  // namespace

std::string writeDot(const Diagram& diagram) {
  // Past this many skipped ranks (layout_effort.h) arrows into one step share their way
  // (`concentrate`), and their labels sit where they leave (`taillabel`, as a flowchart labels
  // a decision's branches): a label midway would keep each arrow apart. 60 nested `if`s then
  // lay out in a tenth of a second instead of seconds; a journey of everyday depth stays below.
  constexpr size_t kShareArrowsAbove = 400;
  bool shared = skippedRanks(diagram) > kShareArrowsAbove;
  std::string out = fmt::format(
      "digraph journeys {{\n"
      "  graph [fontname=\"Helvetica\" fontsize=12 rankdir=TB nodesep=0.5 ranksep=0.4{}]\n"
      "  node [fontname=\"Helvetica\" fontsize=10 margin=\"0.2,0.06\"]\n"
      "  edge [fontname=\"Helvetica\" fontsize=9 color=\"#555555\"]\n",
      shared ? " concentrate=true" : "");
  std::vector<std::vector<const Node*>> clustered = nodesByCluster(diagram);
  for (size_t c = 0; c < diagram.journeys.size(); ++c) {
    const std::string& name = diagram.journeys[c].name;
    out += fmt::format("\n  subgraph {} {{\n", dotQuoted("cluster_" + name));
    // Cut as a step's label is (phrase.h): the name itself may run to any length.
    Label label = Phrase("journey").add(name).wrap(std::numeric_limits<size_t>::max());
    out += fmt::format(
        "    graph [label={} labeljust=l style=\"rounded,dashed\" color=\"#999999\"]\n",
        dotLabel(label));
    for (const Node* n : clustered[c]) writeNode(out, *n, "    ");
    out += "  }\n";
  }
  bool outsiders = false;
  for (const Node& n : diagram.nodes) {
    if (n.cluster != kNoCluster) continue;
    if (!outsiders) out += "\n";
    outsiders = true;
    writeNode(out, n, "  ");
  }
  out += "\n";
  std::vector<Edge> merged;
  const std::vector<Edge>& edges =
      shared ? (merged = mergedParallel(diagram.edges)) : diagram.edges;
  for (const Edge& e : edges) {
    out += fmt::format("  {} -> {}", dotId(diagram.nodes[e.from]), dotId(diagram.nodes[e.to]));
    std::string attributes = edgeAttributes(e.kind);
    if (!e.label.empty()) {
      attributes = (shared ? " taillabel=" : " label=") + dotLabel(e.label) + attributes;
    }
    if (!attributes.empty()) out += " [" + attributes.substr(1) + "]";
    out += "\n";
  }
  return out + "}\n";
}

}  // namespace journey::graph
