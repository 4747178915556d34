#include "compiler/diagnostics/warning_policy.h"

#include <fmt/format.h>

namespace journey {

std::string warningCodeProblem(std::string_view code, bool deny) {
  if (deny && code == "warnings") return "";
  const DiagKindInfo* kind = findDiagKind(code);
  if (!kind) return fmt::format("`{}` is not the code of any diagnostic", code);
  if (kind->severity == Severity::Error) {
    return fmt::format("`{}` is an error, and only warnings can be {}", kind->code,
                       deny ? "made errors" : "allowed");
  }
  return "";
}

void applyWarningPolicy(DiagnosticSink& sink, const WarningPolicy& policy) {
  if (policy.allowed.empty() && policy.denied.empty()) return;
  sink.retain([&](Diagnostic& d) {
    if (d.severity() != Severity::Warning) return true;
    std::string_view code = info(d.kind).code;
    if (policy.allowed.contains(code)) return false;
    std::string_view flag = policy.denied.contains(code) ? code
                            : policy.denied.contains("warnings") ? "warnings"
                                                                 : "";
    if (!flag.empty()) {
      d.denied = true;
      d.notes.push_back(fmt::format("`--deny {}` makes this warning an error", flag));
    }
    return true;
  });
}

}  // namespace journey
