// Warnings about journeys that are valid but surely not what was meant: steps that can never
// run, and waits the journey's timeout cuts short. (Unguarded reads of optional fields are
// warned about by the expression checker.)
#include <cctype>

#include "compiler/sema/program_checker.h"

namespace journey::sema {
namespace {

struct Linter {
  ProgramChecker& checker;
  int64_t timeout;

  // The step's leading keyword (`send`), the narrowest span that names a step.
  SourceRange keyword(SourceRange step) const {
    if (!step.valid()) return step;
    const std::string& text = checker.sources.text(step.file);
    uint32_t end = step.begin;
    while (end < step.end && end < text.size() &&
           (std::isalpha(static_cast<unsigned char>(text[end])) || text[end] == '_')) {
      ++end;
    }
    return SourceRange{step.file, step.begin, end > step.begin ? end : step.end};
  }

  void longerThanTimeout(ast::ExprId e, std::string_view what) {
    if (e == ast::kNoExpr) return;
    std::optional<ConstantValue> v = checker.constantValue(e);
    if (!v || v->kind != ConstantValue::Kind::Duration || v->value <= timeout) return;
    Diagnostic& d = checker.report(DiagKind::WaitExceedsTimeout, checker.ast[e].range,
                                   std::string(what) + " (" + formatDuration(v->value) +
                                       ") is longer than the journey's timeout (" +
                                       formatDuration(timeout) + ")");
    d.notes.push_back("the instance ends with reason `timeout` before the wait is over");
  }

  void block(const ast::Block& steps) {
    for (size_t i = 0; i < steps.size(); ++i) {
      step(steps[i]);
      if (i + 1 < steps.size() && stepAlwaysEnds(steps[i])) {
        Diagnostic& d = checker.report(DiagKind::UnreachableStep, keyword(steps[i + 1].range),
                                       "this step can never run");
        d.secondary.push_back({keyword(steps[i].range), "the instance always ends here"});
        return;  // one warning per block; the rest is as unreachable
      }
    }
  }

  void step(const ast::Step& s) {
    std::visit(
        [&](const auto& k) {
          using T = std::decay_t<decltype(k)>;
          if constexpr (std::is_same_v<T, ast::WaitStep>) {
            longerThanTimeout(k.duration, "this wait");
          } else if constexpr (std::is_same_v<T, ast::WaitForStep>) {
            longerThanTimeout(k.within, "this `within`");
            for (const ast::OnHandler& h : k.handlers) block(h.body);
            if (k.timeout && k.within == ast::kNoExpr) {
              // Without `within` the wait lasts until the journey's timeout, which ends the
              // instance: the block never runs.
              Diagnostic& d = checker.report(DiagKind::UnreachableStep,
                                             keyword(k.timeoutRange),
                                             "this `timeout` block can never run");
              d.notes.push_back("without `within`, the wait lasts until the journey's timeout, "
                                "which ends the instance");
              d.helps.push_back("give the wait a time limit: `wait for … within 2d { … }`");
            } else if (k.timeout) {
              block(*k.timeout);
            }
          } else if constexpr (std::is_same_v<T, ast::IfStep>) {
            for (const ast::IfBranch& b : k.branches) block(b.body);
            if (k.elseBody) block(*k.elseBody);
          } else if constexpr (std::is_same_v<T, ast::SplitStep>) {
            for (const ast::SplitArm& a : k.arms) block(a.body);
          } else if constexpr (std::is_same_v<T, ast::CallStep>) {
            if (k.onError) block(*k.onError);
          }
        },
        s.kind);
  }
};

}  // namespace

void ProgramChecker::lintJourney(const ast::JourneyDecl& j, int64_t timeout) {
  Linter{*this, timeout}.block(j.steps);
}

}  // namespace journey::sema
