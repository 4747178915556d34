// Macros as CEL expands them (langdef "Macros"), with the collection-building ones as direct
// ListOf / MapOf / MapEntries loops:
//
//   e.all(x, p)            fold  accu = true;  while !(accu is false): accu = accu && p
//   e.exists(x, p)         fold  accu = false; while !(accu is true):  accu = accu || p
//   e.exists_one(x, p)     fold  accu = 0;     accu = p ? accu + 1 : accu;  result accu == 1
//   e.map(x, [p,] t)       list of t (where p)
//   e.filter(x, p)         list of x where p
//   e.transformList(i, v, [p,] t)      list of t (where p)
//   e.transformMap(k, v, [p,] t)       map of k: t (where p)
//   e.transformMapEntry(k, v, [p,] t)  map merging the entries t (where p)
//   cel.bind(x, init, body)            let x = init in body
//   o.optMap(x, t)         let $o = o in $o.hasValue() ? optional.of(let x = $o.value() in t)
//                                                      : optional.none()
//   o.optFlatMap(x, t)     let $o = o in $o.hasValue() ? (let x = $o.value() in t)
//                                                      : optional.none()
#include "compiler/ir/lower_impl.h"

namespace journey::ir {

namespace {

using ast::MacroKind;

bool twoVariables(MacroKind k) {
  switch (k) {
    case MacroKind::All2:
    case MacroKind::Exists2:
    case MacroKind::ExistsOne2:
    case MacroKind::TransformList:
    case MacroKind::TransformMap:
    case MacroKind::TransformMapEntry: return true;
    default: return false;
  }
}

}  // namespace

NodeId Lowerer::Impl::lowerOptMap(const ast::Macro& m, ast::ExprId e, const LowerScope& scope) {
  NodeId target = lower(m.target, scope);
  uint32_t held = newSlot();
  uint32_t var = newSlot();
  LowerScope inner(&scope);
  inner.bind(m.vars[0].text, var);

  NodeId hasValue = call("optional_hasValue", {variable(held, "$optional", m.target)}, e);
  Node bind = make(NodeKind::Let, ast::kNoExpr);
  bind.range = ast[e].range;
  bind.index = var;
  bind.name = m.vars[0].text;
  bind.kids = {call("optional_value", {variable(held, "$optional", m.target)}, e),
               lower(m.args.back(), inner)};
  NodeId mapped = add(std::move(bind));
  if (m.kind == MacroKind::OptMap) mapped = call("optional_of", {mapped}, e);

  Node choose = make(NodeKind::Conditional, e);
  choose.kids = {hasValue, mapped, call("optional_none", {}, e)};
  Node let = make(NodeKind::Let, e);
  let.index = held;
  let.name = "$optional";
  let.kids = {target, add(std::move(choose))};
  return add(std::move(let));
}

NodeId Lowerer::Impl::lowerMacro(const ast::Macro& m, ast::ExprId e, const LowerScope& scope) {
  if (m.kind == MacroKind::Has) return lowerHas(m, e, scope);
  size_t vars = twoVariables(m.kind) ? 2 : 1;
  if (m.vars.size() != vars || m.args.empty()) return errorNode("malformed macro", e);

  if (m.kind == MacroKind::Bind) {
    if (m.args.size() != 2) return errorNode("malformed `cel.bind`", e);
    NodeId init = lower(m.args[0], scope);
    uint32_t slot = newSlot();
    LowerScope inner(&scope);
    inner.bind(m.vars[0].text, slot);
    Node let = make(NodeKind::Let, e);
    let.index = slot;
    let.name = m.vars[0].text;
    let.kids = {init, lower(m.args[1], inner)};
    return add(std::move(let));
  }
  if (m.kind == MacroKind::OptMap || m.kind == MacroKind::OptFlatMap) return lowerOptMap(m, e, scope);

  Node n = make(NodeKind::Comprehension, e);
  Comprehension& loop = n.loop;
  loop.range = lower(m.target, scope);
  LowerScope inner(&scope);
  loop.iterVar = newSlot();
  inner.bind(m.vars[0].text, loop.iterVar);
  if (vars == 2) {
    loop.iterVar2 = newSlot();
    inner.bind(m.vars[1].text, loop.iterVar2);
  }
  auto accuRef = [&] { return variable(loop.accuVar, "$accu", ast::kNoExpr); };
  auto boolConst = [&](bool b) { return constant(Value::boolean(b), ast::kNoExpr); };
  auto notStrictlyFalse = [&](NodeId x) {
    Node c = make(NodeKind::NotStrictlyFalse, ast::kNoExpr);
    c.staticKind = ValueKind::Bool;
    c.kids = {x};
    return add(std::move(c));
  };
  // A condition that may not be a bool at run time (`dyn`) is checked by name, so that its
  // error names the macro rather than the `&&` or `?:` it expands to.
  auto condition = [&](ast::ExprId at) {
    NodeId x = lower(at, inner);
    if (pool.nodes[x].staticKind == ValueKind::Bool) return x;
    return call("macro_condition", {x, constant(Value::string(ast::macroName(m.kind)), at)}, at);
  };
  // The optional filter (`map(x, p, t)`, `transform*(k, v, p, t)`) and the main argument (the
  // condition of `all`, `exists`, `exists_one` and `filter`).
  NodeId filter = m.args.size() >= 2 ? condition(m.args[0]) : kNoNode;
  bool decides = m.kind == MacroKind::All || m.kind == MacroKind::All2 ||
                 m.kind == MacroKind::Exists || m.kind == MacroKind::Exists2 ||
                 m.kind == MacroKind::ExistsOne || m.kind == MacroKind::ExistsOne2 ||
                 m.kind == MacroKind::Filter;
  NodeId last = decides ? condition(m.args.back()) : lower(m.args.back(), inner);

  switch (m.kind) {
    case MacroKind::All:
    case MacroKind::All2:
    case MacroKind::Exists:
    case MacroKind::Exists2: {
      bool all = m.kind == MacroKind::All || m.kind == MacroKind::All2;
      loop.kind = LoopKind::Fold;
      loop.accuVar = newSlot();
      loop.init = boolConst(all);
      NodeId accu = accuRef();
      loop.condition =
          notStrictlyFalse(all ? accu : call("logical_not", {accu}, ast::kNoExpr));
      Node step = make(all ? NodeKind::And : NodeKind::Or, ast::kNoExpr);
      step.staticKind = ValueKind::Bool;
      step.kids = {accuRef(), last};
      loop.step = add(std::move(step));
      loop.result = accuRef();
      break;
    }
    case MacroKind::ExistsOne:
    case MacroKind::ExistsOne2: {
      loop.kind = LoopKind::Fold;
      loop.accuVar = newSlot();
      loop.init = constant(Value::integer(0), ast::kNoExpr);
      Node step = make(NodeKind::Conditional, ast::kNoExpr);
      step.staticKind = ValueKind::Int;
      step.kids = {last,
                   call("add_int64", {accuRef(), constant(Value::integer(1), ast::kNoExpr)},
                        ast::kNoExpr),
                   accuRef()};
      loop.step = add(std::move(step));
      loop.result = call("equals", {accuRef(), constant(Value::integer(1), ast::kNoExpr)}, e);
      break;
    }
    case MacroKind::Filter:
      loop.kind = LoopKind::ListOf;
      loop.filter = last;
      loop.step = variable(loop.iterVar, m.vars[0].text, ast::kNoExpr);
      break;
    case MacroKind::Map:
    case MacroKind::TransformList:
      loop.kind = LoopKind::ListOf;
      loop.filter = filter;
      loop.step = last;
      break;
    case MacroKind::TransformMap:
      loop.kind = LoopKind::MapOf;
      loop.filter = filter;
      loop.step = last;
      break;
    case MacroKind::TransformMapEntry:
      loop.kind = LoopKind::MapEntries;
      loop.filter = filter;
      loop.step = last;
      break;
    default: return errorNode("malformed macro", e);
  }
  return add(std::move(n));
}

}  // namespace journey::ir
