#include "compiler/diagnostics/diagnostic.h"

#include <algorithm>
#include <cctype>
#include <tuple>

#include "vm/value/value_convert.h"

namespace journey {

const std::vector<DiagKindInfo>& allDiagKinds() {
  static const std::vector<DiagKindInfo> kinds = {
#define DIAG(name, code, severity, summary, explanation) \
  {DiagKind::name, #name, code, Severity::severity, summary, explanation},
#include "compiler/diagnostics/kinds/all.def"
#undef DIAG
  };
  return kinds;
}

const DiagKindInfo& info(DiagKind kind) { return allDiagKinds()[static_cast<size_t>(kind)]; }

const DiagKindInfo* findDiagKind(std::string_view code) {
  for (const DiagKindInfo& k : allDiagKinds()) {
    if (k.code.size() == code.size() &&
        std::equal(k.code.begin(), k.code.end(), code.begin(), [](char a, char b) {
          return std::toupper(static_cast<unsigned char>(a)) == std::toupper(static_cast<unsigned char>(b));
        })) {
      return &k;
    }
  }
  return nullptr;
}

namespace {

// A message quotes names from the source in backticks; a runaway one (a line-long identifier)
// is cut to its first kQuoted bytes, at a character's start, where the message would be as
// long as the file.
std::string shortenQuotes(std::string message) {
  constexpr size_t kQuoted = 100;
  if (message.size() <= 2 * kQuoted) return message;
  std::string out;
  size_t at = 0;
  while (at < message.size()) {
    size_t open = message.find('`', at);
    size_t close = open == std::string::npos ? open : message.find('`', open + 1);
    if (close == std::string::npos) break;
    out.append(message, at, open + 1 - at);
    out += cutShort(std::string_view(message).substr(open + 1, close - open - 1), kQuoted);
    out += '`';
    at = close + 1;
  }
  out.append(message, std::min(at, message.size()));
  return out;
}

}  // namespace

Diagnostic& DiagnosticSink::report(DiagKind kind, SourceRange range, std::string message) {
  if (info(kind).severity == Severity::Error) ++errors_;
  diagnostics_.push_back(
      Diagnostic{kind, range, shortenQuotes(std::move(message)), {}, {}, {}, {}, false});
  return diagnostics_.back();
}

void DiagnosticSink::retain(const std::function<bool(Diagnostic&)>& keep) {
  std::erase_if(diagnostics_, [&](Diagnostic& d) { return !keep(d); });
  errors_ = static_cast<size_t>(std::count_if(
      diagnostics_.begin(), diagnostics_.end(),
      [](const Diagnostic& d) { return d.severity() == Severity::Error; }));
}

void DiagnosticSink::sortBySource() {
  std::stable_sort(diagnostics_.begin(), diagnostics_.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.range.file, a.range.begin) <
                            std::tie(b.range.file, b.range.begin);
                   });
}

}  // namespace journey
