// `size(history(E, D))` and `history(E, D).size()`: one call of the counting overload. An
// audience such as `size(history(Purchase, 180d)) >= 3` is evaluated again after every record
// of the profile; the host counts the retained records in the window instead of copying them
// into a list that `size` would throw away.
#include "compiler/ir/lower_impl.h"

namespace journey::ir {

std::optional<NodeId> Lowerer::Impl::lowerHistoryCount(const ast::Call& size, ast::ExprId e,
                                                       const LowerScope& scope) {
  bool receiver = size.target != ast::kNoExpr;
  if (receiver ? !size.args.empty() : size.args.size() != 1) return std::nullopt;
  ast::ExprId listed = receiver ? size.target : size.args[0];
  auto* history = std::get_if<ast::Call>(&ast[listed].node);
  if (!history || history->function != "history" || history->target != ast::kNoExpr ||
      history->args.size() != 2 || symbols.fns.count("history")) {
    return std::nullopt;
  }
  // Only with a window known to be a duration: a window of another kind at run time must fail
  // with `history`'s own error, naming `history`.
  std::optional<sema::TypeId> window = checkedType(history->args[1]);
  if (!window || kindOf(types, *window) != ValueKind::Duration) return std::nullopt;

  std::vector<NodeId> args;
  for (size_t i = 0; i < history->args.size(); ++i) {
    args.push_back(lowerArgument("history", i, history->args[i], scope));
  }
  NodeId count = call("history_count", std::move(args), e);
  if (pool[count].kind == NodeKind::Call) pool[count].staticKind = ValueKind::Int;
  return count;
}

}  // namespace journey::ir
