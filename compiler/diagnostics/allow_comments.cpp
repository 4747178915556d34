#include "compiler/diagnostics/allow_comments.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>

namespace journey {
namespace {

using AllowedLines = std::map<std::pair<FileId, uint32_t>, std::set<std::string, std::less<>>>;

// Consumes `word` (after any spaces) from the front of `s`.
bool take(std::string_view& s, std::string_view word) {
  size_t from = s.find_first_not_of(" \t");
  if (from == std::string_view::npos || s.substr(from, word.size()) != word) return false;
  s.remove_prefix(from + word.size());
  return true;
}

// The warnings each file's allow comments leave out, by (file, 1-based line of code); a bad
// code is reported where it stands.
AllowedLines allowedLines(DiagnosticSink& sink, const SourceManager& sources) {
  AllowedLines allowed;
  for (FileId f = 0; f < sources.size(); ++f) {
    std::string_view text = sources.text(f);
    std::set<std::string, std::less<>> pending;
    uint32_t line = 1;
    for (size_t start = 0; start < text.size(); ++line) {
      size_t end = std::min(text.find('\n', start), text.size());
      std::string_view rest = text.substr(start, end - start);
      start = end + 1;
      size_t first = rest.find_first_not_of(" \t\r");
      if (first == std::string_view::npos) continue;  // blank
      if (rest.substr(first, 2) != "//") {
        if (!pending.empty()) allowed[{f, line}] = std::exchange(pending, {});
        continue;
      }
      rest.remove_prefix(first + 2);
      if (!take(rest, "journey:") || !take(rest, "allow") || rest.empty() || !std::isspace(static_cast<unsigned char>(rest[0]))) {
        continue;  // another comment
      }
      for (size_t at = 0; (at = rest.find_first_not_of(", \t\r", at)) != std::string_view::npos;) {
        size_t stop = std::min(rest.find_first_of(", \t\r", at), rest.size());
        std::string_view code = rest.substr(at, stop - at);
        const DiagKindInfo* kind = findDiagKind(code);
        if (kind && kind->severity == Severity::Warning) {
          pending.insert(std::string(kind->code));
        } else {
          auto offset = static_cast<uint32_t>(code.data() - text.data());
          sink.report(DiagKind::UnknownAllowedWarning,
                      SourceRange{f, offset, offset + static_cast<uint32_t>(code.size())},
                      kind ? fmt::format("`{}` is an error, and only warnings can be allowed", kind->code)
                           : fmt::format("`{}` is not the code of any warning", code));
        }
        at = stop;
      }
    }
  }
  return allowed;
}

}  // namespace

void applyAllowComments(DiagnosticSink& sink, const SourceManager& sources) {
  AllowedLines allowed = allowedLines(sink, sources);
  if (allowed.empty()) return;
  sink.retain([&](Diagnostic& d) {
    if (d.severity() != Severity::Warning || !d.range.valid()) return true;
    auto it = allowed.find({d.range.file, sources.lineCol(d.range.file, d.range.begin).line});
    return it == allowed.end() || !it->second.contains(info(d.kind).code);
  });
}

}  // namespace journey
