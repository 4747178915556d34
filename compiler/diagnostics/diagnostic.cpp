#include "compiler/diagnostics/diagnostic.h"

#include <algorithm>
#include <cctype>
#include <tuple>

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

Diagnostic& DiagnosticSink::report(DiagKind kind, SourceRange range, std::string message) {
  if (info(kind).severity == Severity::Error) ++errors_;
  diagnostics_.push_back(Diagnostic{kind, range, std::move(message), {}, {}, {}, {}, false});
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
