#include "compiler/diagnostics/renderer.h"

#include <fmt/format.h>

#include <algorithm>

namespace journey {
namespace {

struct Style {
  bool on;
  std::string_view operator()(std::string_view code) const { return on ? code : ""; }
};
constexpr std::string_view kBold = "\x1b[1m", kRed = "\x1b[1;31m", kYellow = "\x1b[1;33m",
                           kBlue = "\x1b[1;34m", kReset = "\x1b[0m";

// Tabs are shown as one space so that the caret line stays aligned with the source line.
std::string untab(std::string_view s) {
  std::string out(s);
  std::replace(out.begin(), out.end(), '\t', ' ');
  return out;
}

// The code points [from, to) of `line`, found from `anchor`, the byte where code point
// `anchorIndex` starts (a span's start, at or after `from`): a window of a long line costs the
// window's length, not the line's.
std::string_view codePoints(std::string_view line, size_t anchor, uint32_t anchorIndex,
                            uint32_t from, uint32_t to) {
  auto continues = [&](size_t i) { return (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80; };
  size_t begin = std::min(anchor, line.size());
  for (uint32_t index = anchorIndex; index > from && begin > 0;) {
    --begin;
    if (!continues(begin)) --index;
  }
  size_t end = begin;
  for (uint32_t index = from; index < to && end < line.size(); ++index) {
    ++end;
    while (end < line.size() && continues(end)) ++end;
  }
  return line.substr(begin, end - begin);
}

// A line longer than this many columns is shown as a window around the span, cut with `…`
// (a generated or minified line would otherwise print whole, under every diagnostic on it).
constexpr uint32_t kShownColumns = 120;
constexpr uint32_t kColumnsBeforeSpan = 40;

// One source line with a marker (`^` primary, `-` secondary) under the part the range covers.
void renderSpan(std::string& out, const SourceManager& sources, SourceRange range, char marker,
                std::string_view label, size_t gutter, const Style& s, std::string_view color) {
  LineCol start = sources.lineCol(range.file, range.begin);
  LineCol stop = sources.lineCol(range.file, std::max(range.end, range.begin));
  std::string_view line = sources.lineText(range.file, start.line);
  uint32_t lineLength = sources.lineLength(range.file, start.line);
  uint32_t first = start.column;
  // A span reaching past its first line is underlined to that line's end.
  uint32_t last = stop.line == start.line ? stop.column : lineLength + 1;
  // The columns shown, [from, to): the whole line, or a window from a little before the span.
  uint32_t from = 1, to = lineLength + 1;
  if (lineLength > kShownColumns) {
    from = first > kColumnsBeforeSpan ? first - kColumnsBeforeSpan : 1;
    to = std::min(lineLength + 1, from + kShownColumns);
    from = std::max<uint32_t>(1, std::min(from, to - kShownColumns));
  }
  size_t lineStart = static_cast<size_t>(line.data() - sources.text(range.file).data());
  size_t spanByte = range.begin > lineStart ? range.begin - lineStart : 0;
  std::string shown = untab(lineLength > kShownColumns
                                ? codePoints(line, spanByte, first - 1, from - 1, to - 1)
                                : line);
  uint32_t indent = first - from;
  if (from > 1) {
    shown = "…" + shown;
    ++indent;
  }
  if (to <= lineLength) shown += "…";
  last = std::min(last, to);
  uint32_t width = last > first ? last - first : 1;
  std::string number = std::to_string(start.line);
  out += fmt::format("{}{:>{}} |{} {}\n", s(kBlue), number, gutter, s(kReset), shown);
  out += fmt::format("{}{:>{}} |{} {}{}{}", s(kBlue), "", gutter, s(kReset),
                     std::string(indent, ' '), s(color), std::string(width, marker));
  if (!label.empty()) out += fmt::format(" {}", label);
  out += fmt::format("{}\n", s(kReset));
}

}  // namespace

std::string render(const Diagnostic& d, const SourceManager& sources, RenderOptions opts) {
  Style s{opts.color};
  bool error = d.severity() == Severity::Error;
  std::string_view color = error ? kRed : kYellow;
  const DiagKindInfo& k = info(d.kind);
  std::string out;
  std::string where = d.range.valid() ? sources.location(d.range) + ": " : "";
  out += fmt::format("{}{}{}{}[{}]:{} {}{}{}\n", s(kBold), where, s(color),
                     error ? "error" : "warning", k.code, s(kReset), s(kBold), d.message, s(kReset));
  if (d.range.valid()) {
    size_t gutter = std::to_string(sources.lineCol(d.range.file, d.range.begin).line).size();
    for (const Label& l : d.secondary) {
      if (l.range.valid()) gutter = std::max(gutter, std::to_string(sources.lineCol(l.range.file, l.range.begin).line).size());
    }
    renderSpan(out, sources, d.range, '^', d.label, gutter, s, color);
    for (const Label& l : d.secondary) {
      if (!l.range.valid()) continue;
      if (l.range.file != d.range.file) {
        out += fmt::format("{:>{}} {}--> {}{}\n", "", gutter, s(kBlue), s(kReset), sources.location(l.range));
      }
      renderSpan(out, sources, l.range, '-', l.text, gutter, s, kBlue);
    }
  }
  for (const std::string& n : d.notes) out += fmt::format("{}note:{} {}\n", s(kBold), s(kReset), n);
  for (const std::string& h : d.helps) out += fmt::format("{}help:{} {}\n", s(kBold), s(kReset), h);
  return out;
}

std::string renderSummary(const DiagnosticSink& sink) {
  auto plural = [](size_t n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
  };
  if (sink.errorCount() && sink.warningCount())
    return plural(sink.errorCount(), "error") + ", " + plural(sink.warningCount(), "warning");
  if (sink.errorCount()) return plural(sink.errorCount(), "error");
  if (sink.warningCount()) return plural(sink.warningCount(), "warning");
  return "";
}

}  // namespace journey
