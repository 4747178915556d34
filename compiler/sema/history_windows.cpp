// `history(E, D)` against what the runtime keeps of E (its `retain`): a history of an event not
// retained is always empty (a warning, whatever the window); a window that is not positive is an
// error, one longer than `retain` (cut short) a warning. This judges windows written with
// literals; compiler/driver/constant_values.cpp judges those computed from constants.
#include "compiler/sema/program_checker.h"

namespace journey::sema {

void ProgramChecker::checkHistoryWindows() {
  for (ast::ExprId e = 0; e < ast.exprs.size(); ++e) {
    auto* call = std::get_if<ast::Call>(&ast[e].node);
    if (!call || call->function != "history" || call->target != ast::kNoExpr ||
        call->args.size() != 2) {
      continue;
    }
    auto* name = std::get_if<ast::Ident>(&ast[call->args[0]].node);
    auto event = name ? symbols.events.find(name->name) : symbols.events.end();
    if (event == symbols.events.end()) continue;  // reported by the expression checker
    std::optional<ConstantValue> window = constantValue(call->args[1]);
    if (window && window->kind != ConstantValue::Kind::Duration) window.reset();
    if (window && window->value <= 0) {
      report(DiagKind::NonPositiveValue, ast[call->args[1]].range,
             "the window of `history` must be positive, not `" + formatDuration(window->value) +
                 "`");
      continue;
    }
    const ast::EventDecl& decl = *event->second.decl;
    if (decl.retain == ast::kNoExpr) {
      std::string keep = window ? "keep its records: `event " + name->name + " retain " +
                                      formatDuration(window->value) + " { … }`"
                                : "keep its records as long as the longest window read: `event " +
                                      name->name + " retain 30d { … }`";
      report(DiagKind::HistoryNotKept, ast[e].range,
             "`" + name->name + "` is not retained, so this history is always empty")
          .helps.push_back(keep);
      continue;
    }
    // A window computed from constants (`duration("1h")`) is judged once it is evaluated.
    if (!window) continue;
    std::optional<ConstantValue> retain = constantValue(decl.retain);
    if (retain && retain->kind == ConstantValue::Kind::Duration &&
        retain->value > 0 && window->value > retain->value) {
      report(DiagKind::HistoryNotKept, ast[call->args[1]].range,
             "the window " + formatDuration(window->value) + " is longer than `" + name->name +
                 "`'s `retain " + formatDuration(retain->value) + "`: it holds " +
                 formatDuration(retain->value) + " at most")
          .secondary.push_back({ast[decl.retain].range, "kept this long"});
    }
  }
}

}  // namespace journey::sema
