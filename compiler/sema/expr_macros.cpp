// Macros: `has()`, the comprehensions over lists and maps (one- and two-variable forms),
// `cel.bind`, and the optional macros `optMap` / `optFlatMap`. Their variables are declared in
// a child scope of the macro's scope.
#include "compiler/sema/expr_checker_impl.h"

namespace journey::sema {

namespace {

using ast::MacroKind;

size_t variableCount(MacroKind k) {
  switch (k) {
    case MacroKind::Has: return 0;
    case MacroKind::All2:
    case MacroKind::Exists2:
    case MacroKind::ExistsOne2:
    case MacroKind::TransformList:
    case MacroKind::TransformMap:
    case MacroKind::TransformMapEntry: return 2;
    default: return 1;
  }
}

}  // namespace

// `has(e.f)`: whether the field (or map key) is present. The parser only builds it around a
// plain selection.
TypeId ExprChecker::Impl::checkHas(const ast::Macro& m, const Scope& scope) {
  if (m.args.size() != 1) return types.error();  // the parser has reported it
  ast::ExprId arg = m.args[0];
  auto* sel = std::get_if<ast::Select>(&ast[arg].node);
  if (!sel || sel->optional) return types.error();  // the parser reports a malformed `has()`
  TypeId field = set(arg, checkSelect(arg, *sel, scope, /*inHas=*/true));
  return isError(field) ? types.error() : types.boolean();
}

TypeId ExprChecker::Impl::checkMacro(ast::ExprId e, const ast::Macro& m, const Scope& scope) {
  if (m.kind == MacroKind::Has) return checkHas(m, scope);
  size_t vars = variableCount(m.kind);
  if (m.vars.size() != vars || m.args.empty()) return types.error();  // reported by the parser
  std::string name = ast::macroName(m.kind);
  if (vars == 2 && m.vars[0].text == m.vars[1].text) {
    report(DiagKind::DuplicateMacroVariable, m.vars[1].range,
           "`" + m.vars[1].text + "` is declared twice in `" + name + "`");
    return types.error();
  }
  Scope inner(&scope);

  // cel.bind(x, init, body)
  if (m.kind == MacroKind::Bind) {
    if (m.args.size() != 2) return types.error();
    TypeId init = check(m.args[0], scope);
    inner.declare(m.vars[0].text, init);
    TypeId body = check(m.args[1], inner);
    return isError(init) ? types.error() : body;
  }

  // o.optMap(x, e), o.optFlatMap(x, e)
  if (m.kind == MacroKind::OptMap || m.kind == MacroKind::OptFlatMap) {
    TypeId target = check(m.target, scope);
    TypeId value = types.error();
    if (types.kind(target) == TypeKind::Optional) {
      value = types.param(target, 0);
    } else if (isDyn(target)) {
      value = types.dyn();
    } else if (!isError(target)) {
      report(DiagKind::OptionalExpected, ast[m.target].range,
             "`" + name + "` needs an optional value, found " + quoted(target));
    }
    inner.declare(m.vars[0].text, value);
    TypeId body = check(m.args.back(), inner);
    if (isError(value) || isError(body)) return types.error();
    if (m.kind == MacroKind::OptMap) return types.optional(body);
    if (types.kind(body) == TypeKind::Optional) return body;
    if (isDyn(body)) return types.optional(types.dyn());
    Diagnostic& d = report(DiagKind::OptionalExpected, ast[m.args.back()].range,
                           "the result of `optFlatMap` must be optional, found " + quoted(body));
    d.helps.push_back("use `optMap` to transform into a plain value");
    return types.error();
  }

  // Comprehensions: the variables range over a list (index, element) or a map (key, value).
  TypeId range = check(m.target, scope);
  TypeId first = types.error(), second = types.error();
  switch (types.kind(range)) {
    case TypeKind::List:
      first = vars == 2 ? types.int64() : types.param(range, 0);
      second = types.param(range, 0);
      break;
    case TypeKind::Map:
      first = types.param(range, 0);
      second = types.param(range, 1);
      break;
    case TypeKind::Dyn: first = second = types.dyn(); break;
    case TypeKind::Error: break;
    default: {
      Diagnostic& d = report(DiagKind::NotARange, ast[m.target].range,
                             "`" + name + "` needs a list or a map, found " + quoted(range));
      // `opt.map(x, …)`, as other languages map an option: CEL's optionals have their own.
      if (types.kind(range) == TypeKind::Optional && name == "map" && m.args.size() == 1) {
        d.helps.push_back("an optional value is mapped with `optMap`: `" +
                          std::string(ctx.sources.slice(ast[m.target].range)) + ".optMap(" +
                          m.vars[0].text + ", " +
                          std::string(ctx.sources.slice(ast[m.args[0]].range)) + ")`");
      }
      break;
    }
  }
  inner.declare(m.vars[0].text, first);
  if (vars == 2) inner.declare(m.vars[1].text, second);

  // The optional filter of map/transform*, then the main argument.
  bool failed = isError(first);
  auto predicate = [&](ast::ExprId p) {
    TypeId t = check(p, inner);
    failed |= isError(t) || !requireType(p, t, types.boolean(), "the condition of `" + name + "`");
  };
  switch (m.kind) {
    case MacroKind::All:
    case MacroKind::Exists:
    case MacroKind::ExistsOne:
    case MacroKind::All2:
    case MacroKind::Exists2:
    case MacroKind::ExistsOne2:
      predicate(m.args[0]);
      return failed ? types.error() : types.boolean();
    case MacroKind::Filter: predicate(m.args[0]); return failed ? types.error() : types.list(first);
    case MacroKind::Map:
    case MacroKind::TransformList:
    case MacroKind::TransformMap:
    case MacroKind::TransformMapEntry: {
      if (m.args.size() == 2) predicate(m.args[0]);
      TypeId t = check(m.args.back(), inner);
      if (failed || isError(t)) return types.error();
      if (m.kind == MacroKind::TransformMap) return types.map(first, t);
      if (m.kind != MacroKind::TransformMapEntry) return types.list(t);
      if (types.kind(t) == TypeKind::Map) return t;
      if (isDyn(t)) return types.map(types.dyn(), types.dyn());
      report(DiagKind::TypeMismatch, ast[m.args.back()].range,
             "the entry of `transformMapEntry` must be a map like `{k: v}`, found " + quoted(t));
      return types.error();
    }
    default: return types.error();
  }
}

}  // namespace journey::sema
