// Type relations of CEL's gradual typing, and overload resolution on top of them.
//
// `dyn` fits anything in both directions: a dyn argument may turn out to be of any type at run
// time, so the checker keeps every overload it could select and lets the engines dispatch. The
// Error type fits anything too, so that one mistake is reported once. Type values compare
// loosely (`type(x)` only knows the coarse run-time type: `list`, not `list<int>`).
#include "compiler/sema/expr_checker_impl.h"

namespace journey::sema {

bool ExprChecker::Impl::unify(TypeId arg, TypeId pattern, Bindings& bindings) {
  const TypeData p = types.get(pattern);  // a copy: interning may grow the table
  if (p.kind == TypeKind::Param) {
    auto it = bindings.find(p.name);
    if (it == bindings.end()) {
      bindings.emplace(p.name, arg);
      return true;
    }
    TypeId merged;
    if (!compatible(arg, it->second, merged)) return false;
    it->second = merged;
    return true;
  }
  const TypeData a = types.get(arg);
  if (a.kind == TypeKind::Error || a.kind == TypeKind::Dyn || a.kind == TypeKind::Param)
    return true;
  if (p.kind == TypeKind::Dyn || p.kind == TypeKind::Error) return true;
  if (a.kind != p.kind) return false;
  switch (p.kind) {
    case TypeKind::List:
    case TypeKind::Optional: return unify(a.params[0], p.params[0], bindings);
    case TypeKind::Map:
      return unify(a.params[0], p.params[0], bindings) && unify(a.params[1], p.params[1], bindings);
    case TypeKind::Type:
      // Bind what the pattern names (`type<A>` in history()); otherwise any type value fits.
      unify(a.params[0], p.params[0], bindings);
      return true;
    case TypeKind::Record: return a.record == p.record;
    default: return true;  // the same scalar kind
  }
}

bool ExprChecker::Impl::compatible(TypeId a, TypeId b, TypeId& merged) {
  if (a == b) {
    merged = a;
    return true;
  }
  const TypeData da = types.get(a);
  const TypeData db = types.get(b);
  auto loose = [](TypeKind k) { return k == TypeKind::Dyn || k == TypeKind::Param; };
  if (da.kind == TypeKind::Error) {
    merged = b;
    return true;
  }
  if (db.kind == TypeKind::Error) {
    merged = a;
    return true;
  }
  if (loose(da.kind) || loose(db.kind)) {
    merged = types.dyn();
    return true;
  }
  if (da.kind != db.kind) return false;
  switch (da.kind) {
    case TypeKind::List: {
      TypeId element;
      if (!compatible(da.params[0], db.params[0], element)) return false;
      merged = types.list(element);
      return true;
    }
    case TypeKind::Optional: {
      TypeId inner;
      if (!compatible(da.params[0], db.params[0], inner)) return false;
      merged = types.optional(inner);
      return true;
    }
    case TypeKind::Map: {
      TypeId key, value;
      if (!compatible(da.params[0], db.params[0], key)) return false;
      if (!compatible(da.params[1], db.params[1], value)) return false;
      merged = types.map(key, value);
      return true;
    }
    case TypeKind::Type: merged = types.typeOf(types.dyn()); return true;
    default: return false;  // distinct records (equal scalars were caught by a == b)
  }
}

TypeId ExprChecker::Impl::join(TypeId a, TypeId b) {
  if (a == b) return a;
  const TypeData da = types.get(a);
  const TypeData db = types.get(b);
  if (da.kind == TypeKind::Error) return b;
  if (db.kind == TypeKind::Error) return a;
  if (da.kind != db.kind) return types.dyn();
  switch (da.kind) {
    case TypeKind::List: return types.list(join(da.params[0], db.params[0]));
    case TypeKind::Optional: return types.optional(join(da.params[0], db.params[0]));
    case TypeKind::Map:
      return types.map(join(da.params[0], db.params[0]), join(da.params[1], db.params[1]));
    case TypeKind::Type: return types.typeOf(types.dyn());
    default: return types.dyn();
  }
}

TypeId ExprChecker::Impl::substitute(TypeId pattern, const Bindings& bindings) {
  const TypeData p = types.get(pattern);  // a copy: interning may grow the table
  switch (p.kind) {
    case TypeKind::Param: {
      auto it = bindings.find(p.name);
      return it == bindings.end() ? types.dyn() : it->second;
    }
    case TypeKind::List: return types.list(substitute(p.params[0], bindings));
    case TypeKind::Optional: return types.optional(substitute(p.params[0], bindings));
    case TypeKind::Type: return types.typeOf(substitute(p.params[0], bindings));
    case TypeKind::Map: {
      TypeId key = substitute(p.params[0], bindings);
      TypeId value = substitute(p.params[1], bindings);
      return types.map(key, value);
    }
    default: return pattern;
  }
}

bool ExprChecker::Impl::assignable(TypeId from, TypeId to) {
  Bindings bindings;
  return unify(from, to, bindings);
}

Resolution ExprChecker::Impl::resolve(std::string_view function, bool receiver,
                                      const std::vector<TypeId>& args) {
  Resolution r;
  r.result = types.error();
  auto it = overloads.find(function);
  if (it == overloads.end()) return r;
  std::optional<TypeId> common;
  bool agree = true;
  for (const ParsedOverload& o : it->second) {
    if (o.decl->receiver != receiver || o.params.size() != args.size()) continue;
    Bindings bindings;
    bool fits = true;
    for (size_t i = 0; i < args.size() && fits; ++i) fits = unify(args[i], o.params[i], bindings);
    if (!fits) continue;
    r.matches.push_back(&o);
    TypeId result = substitute(o.result, bindings);
    if (!common)
      common = result;
    else if (*common != result)
      agree = false;
  }
  if (!r.matches.empty()) r.result = agree ? *common : types.dyn();
  return r;
}

}  // namespace journey::sema
