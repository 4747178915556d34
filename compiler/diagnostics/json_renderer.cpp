#include "compiler/diagnostics/json_renderer.h"

#include <fmt/format.h>

#include "vm/value/json_string.h"

namespace journey {
namespace {

// Texts go through appendJsonText: a file's name (and a message quoting it) need not be UTF-8.

// `"file": …, "line": …, "column": …, "end_line": …, "end_column": …` of a range.
void appendPlace(std::string& out, const SourceManager& sources, SourceRange range) {
  if (!range.valid()) {
    out += R"("file": null, "line": null, "column": null, "end_line": null, "end_column": null)";
    return;
  }
  LineCol begin = sources.lineCol(range.file, range.begin);
  LineCol end = sources.lineCol(range.file, range.end);
  out += "\"file\": ";
  appendJsonText(out, sources.path(range.file));
  out += fmt::format(R"(, "line": {}, "column": {}, "end_line": {}, "end_column": {})", begin.line,
                     begin.column, end.line, end.column);
}

void appendTexts(std::string& out, const std::vector<std::string>& texts) {
  out += '[';
  for (size_t i = 0; i < texts.size(); ++i) {
    if (i) out += ", ";
    appendJsonText(out, texts[i]);
  }
  out += ']';
}

}  // namespace

std::string renderJson(const Diagnostic& d, const SourceManager& sources) {
  std::string out = fmt::format(R"({{"severity": "{}", "code": "{}", "message": )",
                                d.severity() == Severity::Error ? "error" : "warning", info(d.kind).code);
  appendJsonText(out, d.message);
  out += ", ";
  appendPlace(out, sources, d.range);
  out += ", \"label\": ";
  appendJsonText(out, d.label);
  out += ", \"secondary\": [";
  for (size_t i = 0; i < d.secondary.size(); ++i) {
    out += i ? ", {" : "{";
    appendPlace(out, sources, d.secondary[i].range);
    out += ", \"label\": ";
    appendJsonText(out, d.secondary[i].text);
    out += '}';
  }
  out += "], \"notes\": ";
  appendTexts(out, d.notes);
  out += ", \"helps\": ";
  appendTexts(out, d.helps);
  out += '}';
  return out;
}

}  // namespace journey
