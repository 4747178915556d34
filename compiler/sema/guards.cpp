// Flow facts used by the journey walk and the lints: which optional fields a condition proves
// present (`has(profile.email)`), and which blocks always end the instance.
#include <optional>

#include "compiler/sema/program_checker.h"

namespace journey::sema {
namespace {

// `profile.consents.email` for a chain of selections from a variable; nothing otherwise.
std::optional<std::string> selectPath(const ast::Ast& ast, ast::ExprId e) {
  if (e == ast::kNoExpr || e >= ast.exprs.size()) return std::nullopt;
  const ast::ExprNode& node = ast[e].node;
  if (auto* id = std::get_if<ast::Ident>(&node)) return id->name;
  if (auto* sel = std::get_if<ast::Select>(&node)) {
    if (sel->optional) return std::nullopt;
    std::optional<std::string> base = selectPath(ast, sel->operand);
    if (!base) return std::nullopt;
    return *base + "." + sel->field.text;
  }
  return std::nullopt;
}

void collect(const ast::Ast& ast, ast::ExprId e, bool whenTrue, std::vector<std::string>& out) {
  if (e == ast::kNoExpr || e >= ast.exprs.size()) return;
  const ast::ExprNode& node = ast[e].node;
  if (auto* m = std::get_if<ast::Macro>(&node)) {
    if (m->kind == ast::MacroKind::Has && whenTrue && m->args.size() == 1) {
      if (std::optional<std::string> path = selectPath(ast, m->args[0])) out.push_back(*path);
    }
    return;
  }
  auto* call = std::get_if<ast::Call>(&node);
  if (!call || call->target != ast::kNoExpr) return;
  if (call->function == "!_" && call->args.size() == 1) {
    collect(ast, call->args[0], !whenTrue, out);
  } else if (call->args.size() == 2 &&
             ((call->function == "_&&_" && whenTrue) || (call->function == "_||_" && !whenTrue))) {
    // `a && b` true: both are; `a || b` false: both are false.
    collect(ast, call->args[0], whenTrue, out);
    collect(ast, call->args[1], whenTrue, out);
  }
}

// A wait-for handler's name: the binding, or the event's name when it has none.
std::string awaitedName(const ast::AwaitedEvent& e) {
  return e.binding ? e.binding->text : e.event.text;
}

}  // namespace

std::vector<std::string> provenPresent(const ast::Ast& ast, ast::ExprId condition, bool whenTrue) {
  std::vector<std::string> out;
  collect(ast, condition, whenTrue, out);
  return out;
}

bool stepAlwaysEnds(const ast::Step& step) {
  return std::visit(
      [](const auto& k) -> bool {
        using T = std::decay_t<decltype(k)>;
        if constexpr (std::is_same_v<T, ast::EndStep> || std::is_same_v<T, ast::GotoStep>) {
          return true;
        } else if constexpr (std::is_same_v<T, ast::IfStep>) {
          if (!k.elseBody || !alwaysEnds(*k.elseBody)) return false;
          for (const ast::IfBranch& b : k.branches) {
            if (!alwaysEnds(b.body)) return false;
          }
          return true;
        } else if constexpr (std::is_same_v<T, ast::SplitStep>) {
          if (k.arms.empty()) return false;
          for (const ast::SplitArm& a : k.arms) {
            if (!alwaysEnds(a.body)) return false;
          }
          return true;
        } else if constexpr (std::is_same_v<T, ast::WaitForStep>) {
          // Ends only when every way out of the wait ends: each awaited event's handler and the
          // timeout (an awaited event without a handler continues after the wait).
          if (!k.timeout || !alwaysEnds(*k.timeout)) return false;
          for (const ast::AwaitedEvent& e : k.events) {
            bool handled = false;
            for (const ast::OnHandler& h : k.handlers) {
              if (h.binding.text == awaitedName(e)) handled = alwaysEnds(h.body);
            }
            if (!handled) return false;
          }
          return true;
        } else {
          return false;
        }
      },
      step.kind);
}

bool alwaysEnds(const ast::Block& block) {
  for (const ast::Step& s : block) {
    if (stepAlwaysEnds(s)) return true;
  }
  return false;
}

}  // namespace journey::sema
