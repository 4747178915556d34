// Calls: the non-strict operators, the program's `fn`s (inlined), the journey builtins whose
// arguments are declared names, and stdlib calls with their overload candidates.
#include "compiler/ir/lower_impl.h"
#include "stdlib/overloads.h"

namespace journey::ir {

std::vector<uint32_t> Lowerer::Impl::candidates(ast::ExprId e, std::string_view function,
                                                bool receiver, size_t arity) const {
  std::vector<uint32_t> out;
  if (options.checked && e < program.facts.overloads.size()) {
    for (std::string_view id : program.facts.overloads[e]) {
      if (std::optional<uint32_t> index = stdlib::overloadWithId(id)) out.push_back(*index);
    }
    if (!out.empty()) return out;
  }
  const auto& all = stdlib::standardOverloads();
  for (uint32_t i : stdlib::overloadsNamed(function)) {
    if (all[i].receiver == receiver && all[i].params.size() == arity) out.push_back(i);
  }
  return out;
}

NodeId Lowerer::Impl::lowerCall(const ast::Call& call, ast::ExprId e, const LowerScope& scope) {
  bool receiver = call.target != ast::kNoExpr;
  std::string function = call.function;
  if (!receiver) {
    if ((function == "_&&_" || function == "_||_") && call.args.size() == 2) {
      Node n = make(function == "_&&_" ? NodeKind::And : NodeKind::Or, e);
      n.kids = {lower(call.args[0], scope), lower(call.args[1], scope)};
      return add(std::move(n));
    }
    if (function == "_?_:_" && call.args.size() == 3) {
      Node n = make(NodeKind::Conditional, e);
      n.kids = {lower(call.args[0], scope), lower(call.args[1], scope), lower(call.args[2], scope)};
      return add(std::move(n));
    }
    if (auto it = symbols.fns.find(function); it != symbols.fns.end()) {
      return inlineFn(it->second, it->first, call, e, scope);
    }
  } else {
    // `math.abs(x)` read as a method on `math`: the qualified function when `math` is not a
    // value in scope (the parser already does this for the library namespaces it knows).
    std::string target = ast::dottedName(ast, call.target);
    if (!target.empty()) {
      std::string qualified = target + "." + function;
      if (!isValueName(target.substr(0, target.find('.')), scope) &&
          !stdlib::overloadsNamed(qualified).empty()) {
        receiver = false;
        function = qualified;
      }
    }
  }

  if (function == "size") {
    if (std::optional<NodeId> count = lowerHistoryCount(call, e, scope)) return *count;
  }

  std::vector<NodeId> args;
  if (receiver) args.push_back(lower(call.target, scope));
  for (size_t i = 0; i < call.args.size(); ++i) {
    args.push_back(receiver ? lower(call.args[i], scope)
                            : lowerArgument(function, i, call.args[i], scope));
  }

  // math.greatest(a, b, c, ...) is math.greatest([a, b, c, ...]): there are no overloads of
  // three or more arguments, the checker chose the list overload.
  if (!receiver && (function == "math.greatest" || function == "math.least") && args.size() >= 3) {
    Node list = make(NodeKind::List, ast::kNoExpr);
    list.range = ast[e].range;
    list.staticKind = ValueKind::List;
    list.kids = std::move(args);
    args = {add(std::move(list))};
  }

  std::vector<uint32_t> found = candidates(e, function, receiver, args.size());
  if (found.empty()) {
    if (stdlib::overloadsNamed(function).empty()) {
      return errorNode("unbound function `" + function + "`", e);
    }
    size_t given = args.size() - (receiver ? 1 : 0);
    std::string count = std::to_string(given) + (given == 1 ? " argument" : " arguments");
    return errorNode("`" + function + "` cannot be called " + (receiver ? "as a method " : "") +
                         "with " + count,
                     e);
  }
  Node n = make(NodeKind::Call, e);
  n.name = function;
  n.kids = std::move(args);
  n.candidates = std::move(found);
  return add(std::move(n));
}

NodeId Lowerer::Impl::lowerArgument(std::string_view function, size_t i, ast::ExprId a,
                                    const LowerScope& scope) {
  // Declared names passed as arguments: the audience's name, the event's type.
  if (function == "inAudience" || (function == "history" && i == 0)) {
    if (auto* id = std::get_if<ast::Ident>(&ast[a].node)) {
      if (function == "inAudience" && symbols.audiences.count(id->name)) {
        return constant(Value::string(id->name), a);
      }
      if (function == "history" && symbols.events.count(id->name)) {
        return constant(Value::type(id->name), a);
      }
    }
  }
  return lower(a, scope);
}

// `f(a, b)` with `fn f(x: T, y: U) = body`: Let(x = a, Let(y = b, body)), where the body sees
// only its parameters (fn bodies are pure) and the arguments are lowered in the caller's scope.
NodeId Lowerer::Impl::inlineFn(const sema::FnSymbol& fn, std::string_view name,
                               const ast::Call& call, ast::ExprId e, const LowerScope& scope) {
  if (!fn.decl || call.args.size() != fn.decl->params.size()) {
    return errorNode("`" + std::string(name) + "` takes " +
                         std::to_string(fn.decl ? fn.decl->params.size() : 0) + " arguments",
                     e);
  }
  if (inlining.count(name)) return errorNode("`" + std::string(name) + "` calls itself", e);
  std::vector<NodeId> args;
  for (ast::ExprId a : call.args) args.push_back(lower(a, scope));
  LowerScope body;
  std::vector<uint32_t> slots;
  for (const ast::Param& p : fn.decl->params) {
    slots.push_back(newSlot());
    body.bind(p.name.text, slots.back());
  }
  inlining.emplace(name);
  NodeId result = lower(fn.decl->body, body);
  inlining.erase(inlining.find(name));
  for (size_t i = args.size(); i-- > 0;) {
    Node let = make(NodeKind::Let, e);
    let.index = slots[i];
    let.name = fn.decl->params[i].name.text;
    let.kids = {args[i], result};
    result = add(std::move(let));
  }
  return result;
}

}  // namespace journey::ir
