#include "compiler/graph/svg_renderer.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>

#include <memory>

#include "compiler/graph/graphviz_reader.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#define JOURNEY_LEAK_SANITIZER 1
#endif

// The two plugins we need, linked in (CMakeLists.txt). Built-in plugins only, with demand loading
// off: Graphviz then neither reads its plugin configuration nor loads the Pango text layout
// plugin (and with it fontconfig and Cairo); text sizes come from its own font metrics, so the
// same DOT gives the same SVG on every machine.
extern "C" {
extern gvplugin_library_t gvplugin_dot_layout_LTX_library;
extern gvplugin_library_t gvplugin_core_LTX_library;
}

namespace journey::graph {

namespace {

const lt_symlist_t kGraphvizPlugins[] = {
    {"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library},
    {"gvplugin_core_LTX_library", &gvplugin_core_LTX_library},
    {nullptr, nullptr},
};

// Graphviz reports through one process-wide callback without a user pointer, in pieces
// ("Warning", ": ", the message): they are gathered here while a rendering runs.
std::string* graphvizReport = nullptr;

int collectGraphvizReport(char* text) {
  if (graphvizReport != nullptr) *graphvizReport += text;
  return 0;
}

// Routes Graphviz's messages, warnings included, to `report` for its lifetime, instead of stderr.
class GraphvizReportScope {
 public:
  explicit GraphvizReportScope(std::string& report)
      : previousLevel_(agseterr(AGWARN)), previousHandler_(agseterrf(collectGraphvizReport)) {
    graphvizReport = &report;
  }
  ~GraphvizReportScope() {
    graphvizReport = nullptr;
    agseterrf(previousHandler_);
    agseterr(previousLevel_);
  }
  GraphvizReportScope(const GraphvizReportScope&) = delete;
  GraphvizReportScope& operator=(const GraphvizReportScope&) = delete;

 private:
  agerrlevel_t previousLevel_;
  agusererrf previousHandler_;
};

// Graphviz 2.42's `dot` layout does not free the virtual nodes and edges it makes for clusters
// (dot_mincross, dot_rank; an upstream bug known since 2015): gvFreeLayout and agclose leave
// them. Under LeakSanitizer, what gvLayout allocates is therefore not reported, and only that:
// a graph, context or rendering of ours left unfreed still is.
class LayoutLeaksIgnored {
 public:
#ifdef JOURNEY_LEAK_SANITIZER
  LayoutLeaksIgnored() { __lsan_disable(); }
  ~LayoutLeaksIgnored() { __lsan_enable(); }
#else
  LayoutLeaksIgnored() = default;
#endif
  LayoutLeaksIgnored(const LayoutLeaksIgnored&) = delete;
  LayoutLeaksIgnored& operator=(const LayoutLeaksIgnored&) = delete;
};

int layOut(GVC_t* context, Agraph_t* graph) {
  [[maybe_unused]] LayoutLeaksIgnored ignored;
  return gvLayout(context, graph, "dot");
}

std::vector<std::string> reportLines(const std::string& report) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < report.size()) {
    size_t end = report.find('\n', start);
    if (end == std::string::npos) end = report.size();
    if (end > start) lines.push_back(report.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

}  // namespace

SvgResult renderSvg(std::string_view dot) {
  SvgResult result;
  std::string report;
  {
    GraphvizReportScope scope(report);
    std::unique_ptr<GVC_t, int (*)(GVC_t*)> context(gvContextPlugins(kGraphvizPlugins, 0),
                                                      gvFreeContext);
    std::unique_ptr<Agraph_t, int (*)(Agraph_t*)> graph(readGraphvizGraph(dot), agclose);
    if (context && graph && layOut(context.get(), graph.get()) == 0) {
      char* data = nullptr;
      unsigned int length = 0;
      if (gvRenderData(context.get(), graph.get(), "svg", &data, &length) == 0 && data != nullptr) {
        result.svg.assign(data, length);
        result.ok = true;
      }
      gvFreeRenderData(data);
      gvFreeLayout(context.get(), graph.get());
    }
  }
  result.messages = reportLines(report);
  if (!result.ok && result.messages.empty()) result.messages.push_back("Graphviz could not lay out the graph");
  return result;
}

}  // namespace journey::graph
