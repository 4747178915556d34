// `journey graph FILE… [--journey NAME]… [--format dot|svg|mermaid] [-o OUT]`: draws the
// program's journeys (all of them, or those named) as a diagram (docs/graph.md).
#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/driver/frontend.h"
#include "compiler/graph/diagram_builder.h"
#include "compiler/graph/dot_writer.h"
#include "compiler/graph/mermaid_writer.h"
#include "compiler/graph/svg_renderer.h"
#include "tools/journey/commands.h"
#include "tools/journey/diagnostics_output.h"
#include "tools/journey/output_clash.h"
#include "tools/journey/replace_file.h"

namespace journey::cli {
namespace {

struct GraphOptions {
  std::vector<std::string> files;
  std::vector<std::string> journeys;
  std::string format = "dot";
  std::string out;
  DiagnosticOptions diagnostics;
};

// Indices of the journeys to draw, in the order named (all, in declaration order, when none is);
// an unknown name is bad usage and lists the known ones.
std::optional<std::vector<size_t>> selectJourneys(const std::vector<const ast::JourneyDecl*>& all,
                                                  const std::vector<std::string>& names) {
  std::vector<size_t> selected;
  if (names.empty()) {
    for (size_t i = 0; i < all.size(); ++i) selected.push_back(i);
    return selected;
  }
  for (const std::string& name : names) {
    size_t i = 0;
    while (i < all.size() && all[i]->name.text != name) ++i;
    if (i == all.size()) {
      std::string known;
      for (const ast::JourneyDecl* j : all) known += (known.empty() ? "" : ", ") + j->name.text;
      fmt::print(stderr, "error: --journey: the program declares no journey `{}`; {}\n", name,
                 all.empty() ? "it declares none" : "its journeys are " + known);
      return std::nullopt;
    }
    if (std::find(selected.begin(), selected.end(), i) == selected.end()) selected.push_back(i);
  }
  return selected;
}

int runGraph(const GraphOptions& opt) {
  Frontend fe;
  if (!loadCheckedProgram(fe, opt.files, opt.diagnostics)) return kInputErrors;

  std::vector<const ast::JourneyDecl*> journeys = graph::programJourneys(fe.ast);
  std::optional<std::vector<size_t>> selected = selectJourneys(journeys, opt.journeys);
  if (!selected) return kUsage;
  graph::Diagram diagram = graph::buildDiagram(fe.sources, fe.ast, *selected);

  std::string text;
  if (opt.format == "mermaid") {
    text = graph::writeMermaid(diagram);
    // Mermaid's defaults (`maxTextSize`, `maxEdges`), which a diagram cannot raise: past them
    // a viewer shows an error instead of the drawing.
    constexpr size_t kMaxText = 50'000, kMaxEdges = 500;
    if (text.size() > kMaxText || diagram.edges.size() > kMaxEdges) {
      fmt::print(stderr,
                 "warning: the diagram has {} characters and {} arrows; Mermaid draws at most {} "
                 "and {} by default\nhelp: draw fewer journeys (--journey NAME), or use --format "
                 "svg\n",
                 text.size(), diagram.edges.size(), kMaxText, kMaxEdges);
    }
  } else if (opt.format == "svg") {
    graph::SvgResult svg = graph::renderSvg(graph::writeDot(diagram));
    for (const std::string& m : svg.messages) {
      fmt::print(stderr, "{}: Graphviz: {}\n", svg.ok ? "warning" : "error", m);
    }
    if (!svg.ok) return kInputErrors;
    text = std::move(svg.svg);
  } else {
    text = graph::writeDot(diagram);
  }
  if (std::optional<std::string> clash = outputClash({{"-o", opt.out}}, programFiles(fe.sources))) {
    fmt::print(stderr, "error: {}\n", *clash);
    return kUsage;
  }
  if (opt.out.empty() || opt.out == "-") {
    fmt::print("{}", text);  // a failed write is reported as every verb's (main.cpp)
  } else if (std::optional<std::string> error = replaceFile(opt.out, text)) {
    fmt::print(stderr, "error: cannot write {}: {}\n", opt.out, *error);
    return kInputErrors;
  }
  return kSuccess;
}

}  // namespace

Action addGraphCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("graph", "draw journeys as a diagram (DOT, SVG or Mermaid)");
  auto opt = std::make_shared<GraphOptions>();
  cmd->add_option("files", opt->files, "the program's .journey files")->required();
  cmd->add_option("--journey", opt->journeys,
                  "draw this journey (repeat for several; default: every journey)");
  cmd->add_option("--format", opt->format, "dot (default), svg or mermaid")
      ->check(CLI::IsMember({"dot", "svg", "mermaid"}));
  cmd->add_option("-o,--out", opt->out, "write the diagram to this file (default: stdout)")
      ->check(nonEmpty());
  addDiagnosticOptions(*cmd, opt->diagnostics);
  return [opt]() { return runGraph(*opt); };
}

}  // namespace journey::cli
