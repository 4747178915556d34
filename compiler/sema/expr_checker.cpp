// The expression checker's entry points and the simple cases: literals, identifiers, list and
// map literals. Calls, selections, macros and record literals have their own files.
#include "compiler/sema/expr_checker.h"

#include "compiler/sema/expr_checker_impl.h"
#include "compiler/sema/foreign_names.h"
#include "compiler/sema/suggest.h"

namespace journey::sema {

ExprChecker::Impl::Impl(CheckContext& ctx) : ctx(ctx), types(ctx.types), ast(ctx.ast) {
  for (const stdlib::Overload& o : stdlib::standardOverloads()) {
    ParsedOverload parsed;
    parsed.decl = &o;
    for (std::string_view p : o.params) parsed.params.push_back(types.parsePattern(p));
    parsed.result = types.parsePattern(o.result);
    overloads[std::string(o.function)].push_back(std::move(parsed));
  }
}

ExprChecker::ExprChecker(CheckContext& ctx) : impl_(new Impl(ctx)) {}
ExprChecker::~ExprChecker() { delete impl_; }

TypeId ExprChecker::check(ast::ExprId e, const Scope& scope) {
  ExprFacts& facts = impl_->ctx.facts;
  size_t n = impl_->ast.exprs.size();
  if (facts.types.size() < n) facts.types.resize(n, impl_->types.error());
  if (facts.overloads.size() < n) facts.overloads.resize(n);
  return impl_->check(e, scope);
}

TypeId ExprChecker::expect(ast::ExprId e, const Scope& scope, TypeId want, std::string_view what) {
  TypeId t = check(e, scope);
  impl_->requireType(e, t, want, what);
  return t;
}

bool ExprChecker::assignable(TypeId from, TypeId to) { return impl_->assignable(from, to); }

// ---------------------------------------------------------------------------------------------

TypeId ExprChecker::Impl::set(ast::ExprId e, TypeId t) {
  ctx.facts.types[e] = t;
  return t;
}

Diagnostic& ExprChecker::Impl::report(DiagKind kind, SourceRange range, std::string message) {
  return ctx.diags.report(kind, range, std::move(message));
}

bool ExprChecker::Impl::requireType(ast::ExprId e, TypeId t, TypeId want, std::string_view what) {
  if (isError(t) || isError(want) || assignable(t, want)) return true;
  Diagnostic& d = report(DiagKind::TypeMismatch, ast[e].range,
                         std::string(what) + " must be " + quoted(want) + ", found " + quoted(t));
  TypeKind have = types.kind(t), need = types.kind(want);
  auto numeric = [](TypeKind k) {
    return k == TypeKind::Int || k == TypeKind::Uint || k == TypeKind::Double;
  };
  if (numeric(have) && numeric(need)) {
    std::string literal = numericLiteralFix(e, need);
    if (!literal.empty()) {
      d.helps.push_back("write " + literal);
    } else {
      d.helps.push_back("numbers are not converted implicitly: write `" + types.print(want) +
                        "(" + std::string(ctx.sources.slice(ast[e].range)) + ")`");
    }
  } else if (need == TypeKind::Duration && have == TypeKind::Int) {
    d.helps.push_back("write a duration with its unit, like `30s`, `15m`, `2h` or `7d`");
  } else if (std::string fix = need == TypeKind::Timestamp ? timestampLiteralFix(e) : "";
             !fix.empty()) {
    d.helps.push_back(fix);  // `wait until "2026-03-01"`
  } else if (need == TypeKind::Record && have == TypeKind::Map &&
             types.recordInfo(types.get(want).record).origin == sema::RecordOrigin::Inline) {
    // An inline record type (`loyalty: { tier: string }`) has no name to write a value with.
    d.helps.push_back(quoted(want) + " is declared inline, with no name to build a value "
                      "with: declare it as a `type` and write `Name{field: …}`, or, in a `set`, "
                      "give its fields one at a time");
  }
  return false;
}

TypeId ExprChecker::Impl::check(ast::ExprId e, const Scope& scope) {
  if (e == ast::kNoExpr || e >= ast.exprs.size()) return types.error();
  const ast::Expr& expr = ast[e];
  TypeId t = std::visit(
      [&](const auto& node) -> TypeId {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, ast::Literal>)
          return checkLiteral(node);
        else if constexpr (std::is_same_v<T, ast::Ident>)
          return checkIdent(e, node, scope);
        else if constexpr (std::is_same_v<T, ast::Select>)
          return checkSelect(e, node, scope, false);
        else if constexpr (std::is_same_v<T, ast::Index>)
          return checkIndex(e, node, scope);
        else if constexpr (std::is_same_v<T, ast::Call>)
          return checkCall(e, node, scope);
        else if constexpr (std::is_same_v<T, ast::ListLit>)
          return checkList(node, scope);
        else if constexpr (std::is_same_v<T, ast::MapLit>)
          return checkMap(node, scope);
        else if constexpr (std::is_same_v<T, ast::RecordLit>)
          return checkRecordLit(e, node, scope);
        else if constexpr (std::is_same_v<T, ast::Macro>)
          return checkMacro(e, node, scope);
        else
          return types.error();  // ErrorExpr: the parser has reported it
      },
      expr.node);
  return set(e, t);
}

TypeId ExprChecker::Impl::checkLiteral(const ast::Literal& lit) {
  switch (lit.kind) {
    case ast::LiteralKind::Null: return types.null();
    case ast::LiteralKind::Bool: return types.boolean();
    case ast::LiteralKind::Int: return types.int64();
    case ast::LiteralKind::Uint: return types.uint64();
    case ast::LiteralKind::Double: return types.double64();
    case ast::LiteralKind::String: return types.string();
    case ast::LiteralKind::Bytes: return types.bytes();
    case ast::LiteralKind::Duration: return types.duration();
  }
  return types.error();
}

// ---------------------------------------------------------------------------------------------
// Names

std::optional<TypeId> ExprChecker::Impl::typeNamed(std::string_view name) {
  if (name == "int") return types.int64();
  if (name == "uint") return types.uint64();
  if (name == "double") return types.double64();
  if (name == "bool") return types.boolean();
  if (name == "string") return types.string();
  if (name == "bytes") return types.bytes();
  if (name == "null_type") return types.null();
  if (name == "list") return types.list(types.dyn());
  if (name == "map") return types.map(types.dyn(), types.dyn());
  if (name == "type") return types.typeOf(types.dyn());
  if (name == "optional_type") return types.optional(types.dyn());
  if (name == "timestamp" || name == "google.protobuf.Timestamp") return types.timestamp();
  if (name == "duration" || name == "google.protobuf.Duration") return types.duration();
  const ProgramSymbols& symbols = ctx.symbols;
  if (auto it = symbols.recordTypes.find(name); it != symbols.recordTypes.end()) {
    return types.record(it->second);
  }
  if (auto it = symbols.events.find(name); it != symbols.events.end()) return it->second.type;
  if (symbols.profile && types.recordInfo(*symbols.profile).name == name) {
    return types.record(*symbols.profile);
  }
  return std::nullopt;
}

bool ExprChecker::Impl::isValueName(std::string_view name, const Scope& scope) const {
  if (scope.lookup(name)) return true;
  if (name == "profile" && ctx.symbols.profile) return true;
  return ctx.symbols.consts.count(name) > 0;
}

void ExprChecker::Impl::appendValueNames(const Scope& scope, std::vector<std::string>& out) const {
  scope.visibleNames(out);
  if (ctx.symbols.profile && !scope.pure()) out.push_back("profile");
  for (const auto& [name, c] : ctx.symbols.consts) out.push_back(name);
}

void ExprChecker::Impl::appendTypeNames(std::vector<std::string>& out) const {
  for (const char* n : {"int", "uint", "double", "bool", "string", "bytes", "null_type", "list",
                        "map", "type", "timestamp", "duration"}) {
    out.push_back(n);
  }
  for (const auto& [name, r] : ctx.symbols.recordTypes) out.push_back(name);
  for (const auto& [name, ev] : ctx.symbols.events) out.push_back(name);
  if (ctx.symbols.profile) out.push_back(types.recordInfo(*ctx.symbols.profile).name);
}

std::optional<TypeId> ExprChecker::Impl::lookupName(std::string_view name, bool rooted,
                                                   const Scope& scope) const {
  const Scope* lookupScope = &scope;
  if (rooted) {  // `.x`: the outermost scope only, past any local that shadows it
    while (lookupScope->parent()) lookupScope = lookupScope->parent();
  }
  return lookupScope->lookupQualified(name);  // a plain name as `lookup` finds it
}

TypeId ExprChecker::Impl::checkIdent(ast::ExprId e, const ast::Ident& id, const Scope& scope) {
  if (auto t = lookupName(id.name, id.rooted, scope)) {
    if (Scope::UnsetAfterFailure* unset = id.rooted ? nullptr : scope.unsetAfterFailure(id.name);
        unset && !unset->reported) {
      unset->reported = true;
      Diagnostic& d = report(DiagKind::UnsetCallResponse, ast[e].range,
                             "`" + id.name + "` has no value when the call to " + unset->action +
                                 " fails");
      d.secondary.push_back({unset->call, "its `on error` block goes on to the next step"});
      d.helps.push_back("end the instance in `on error` (`end \"" + unset->action +
                        " failed\"`): the steps after the call then run only with a response");
    }
    return *t;
  }

  const ProgramSymbols& symbols = ctx.symbols;
  if (id.name == "profile" && symbols.profile) {
    if (scope.pure()) {
      Diagnostic& d = report(DiagKind::ImpureExpression, ast[e].range,
                             "`profile` cannot be read in " + std::string(scope.pureWhere()));
      d.helps.push_back(std::string(scope.pureHelp()));
      return types.error();
    }
    return symbols.profileType;
  }
  if (auto it = symbols.consts.find(id.name); it != symbols.consts.end()) return it->second.type;
  if (auto t = typeNamed(id.name)) return types.typeOf(*t);
  if (scope.pure() && scope.hidden() && scope.hidden()->lookup(id.name)) {
    Diagnostic& d = report(DiagKind::ImpureExpression, ast[e].range,
                           "`" + id.name + "` cannot be read in " + std::string(scope.pureWhere()));
    d.notes.push_back("`" + id.name +
                      "` belongs to each instance, and this is evaluated once for the journey");
    d.helps.push_back(std::string(kWholeJourneyValue));
    return types.error();
  }

  // Declared in a block that has ended.
  if (const std::vector<Scope::EndedName>* ended = scope.endedNames()) {
    for (auto it = ended->rbegin(); it != ended->rend(); ++it) {
      if (it->name != id.name) continue;
      Diagnostic& d = report(DiagKind::UnknownIdentifier, ast[e].range,
                             "`" + id.name + "` is out of scope here");
      d.secondary.push_back({it->declared, "declared here, in a block that has ended"});
      d.notes.push_back("a name is seen in the block it is declared in; a `wait for`'s binding "
                        "in its `when` and its handler");
      return types.error();
    }
  }
  // Declared, but not as a value.
  if (symbols.fns.count(id.name) > 0) {
    report(DiagKind::UnknownIdentifier, ast[e].range,
           "`" + id.name + "` is a function, not a value")
        .helps.push_back("call it: `" + id.name + "(…)`");
    return types.error();
  }
  if (symbols.audiences.count(id.name) > 0) {
    report(DiagKind::UnknownIdentifier, ast[e].range,
           "`" + id.name + "` is an audience, not a value")
        .helps.push_back("test a profile's membership: `inAudience(" + id.name + ")`");
    return types.error();
  }

  Diagnostic& d =
      report(DiagKind::UnknownIdentifier, ast[e].range, "unknown name `" + id.name + "`");
  if (std::optional<std::string> literal = celLiteral(id.name)) {
    d.helps.push_back("write `" + *literal + "`: CEL's literals are `true`, `false` and `null`" +
                      (*literal == "null" ? "; whether a field is present, `has(x.field)` tells"
                                          : ""));
    return types.error();
  }
  // `signup` for an event of type `Signup` that was given no name.
  for (const auto& [event, symbol] : symbols.events) {
    if (event != id.name && sameIgnoringCase(event, id.name)) {
      // An event of that type already named here: `event` (an entry without `as`), or the
      // name `as` gave it.
      std::vector<std::string> visible;
      scope.visibleNames(visible);
      for (const std::string& name : visible) {
        std::optional<TypeId> type = scope.lookup(name);
        if (!type || types.print(*type) != event) continue;
        d.helps.push_back("the `" + event + "` event here is named `" + name + "`" +
                          (name == "event" ? " (an entry's name when `as` gives none)" : "") +
                          ": write `" + name + "`");
        return types.error();
      }
      d.helps.push_back("`" + event + "` is the event's type; to read an event, name it where it "
                        "arrives: `entry on " + event + " as " + id.name + "` or `wait for " +
                        event + " as " + id.name + "`");
      return types.error();
    }
  }
  if (++nameSuggestions > kMaxNameSuggestions) return types.error();
  std::vector<std::string> candidates;
  appendValueNames(scope, candidates);
  appendTypeNames(candidates);
  if (auto close = closestName(id.name, candidates))
    d.helps.push_back("did you mean `" + *close + "`?");
  return types.error();
}

// ---------------------------------------------------------------------------------------------
// List and map literals

TypeId ExprChecker::Impl::checkList(const ast::ListLit& list, const Scope& scope) {
  bool failed = false;
  std::optional<TypeId> element;
  for (size_t i = 0; i < list.elements.size(); ++i) {
    ast::ExprId el = list.elements[i];
    TypeId t = check(el, scope);
    if (isError(t)) {
      failed = true;
      continue;
    }
    if (i < list.optionalElements.size() && list.optionalElements[i]) {
      if (types.kind(t) == TypeKind::Optional) {
        t = types.param(t, 0);
      } else if (!isDyn(t)) {
        Diagnostic& d =
            report(DiagKind::OptionalExpected, ast[el].range,
                   "an optional element `[?x]` needs an optional value, found " + quoted(t));
        d.helps.push_back("remove the `?` to always include the element");
        failed = true;
        continue;
      }
    }
    element = element ? join(*element, t) : t;
  }
  if (failed) return types.error();
  return types.list(element.value_or(types.dyn()));
}

TypeId ExprChecker::Impl::checkMap(const ast::MapLit& map, const Scope& scope) {
  bool failed = false, bareKeys = false;
  std::optional<TypeId> keyType, valueType;
  for (const ast::MapEntry& entry : map.entries) {
    // `{a: 1}` as JSON or a record literal would write it: each bare key is an unknown name,
    // said once for the literal with what to write instead.
    auto* id = std::get_if<ast::Ident>(&ast[entry.key].node);
    if (id && !id->rooted && !isValueName(id->name, scope) && !typeNamed(id->name) &&
        !(id->name == "profile" && ctx.symbols.profile)) {
      if (!bareKeys) {
        Diagnostic& d = report(DiagKind::UnknownIdentifier, ast[entry.key].range,
                               "unknown name `" + id->name + "`: a map's keys are values");
        d.helps.push_back("quote the keys (`{\"" + id->name +
                          "\": …}`), or write a record of a declared type (`Type{" + id->name +
                          ": …}`)");
      }
      bareKeys = failed = true;
      set(entry.key, types.error());
      check(entry.value, scope);
      continue;
    }
    TypeId k = check(entry.key, scope);
    TypeId v = check(entry.value, scope);
    if (isError(k) || isError(v)) {
      failed = true;
      continue;
    }
    switch (types.kind(k)) {
      case TypeKind::Int:
      case TypeKind::Uint:
      case TypeKind::Bool:
      case TypeKind::String:
      case TypeKind::Dyn: break;
      default:
        report(DiagKind::InvalidMapKeyType, ast[entry.key].range,
               "a map key must be `int`, `uint`, `bool` or `string`, found " + quoted(k));
        failed = true;
        continue;
    }
    if (entry.optional) {
      if (types.kind(v) == TypeKind::Optional) {
        v = types.param(v, 0);
      } else if (!isDyn(v)) {
        Diagnostic& d =
            report(DiagKind::OptionalExpected, ast[entry.value].range,
                   "an optional entry `?key: value` needs an optional value, found " + quoted(v));
        d.helps.push_back("remove the `?` to always include the entry");
        failed = true;
        continue;
      }
    }
    keyType = keyType ? join(*keyType, k) : k;
    valueType = valueType ? join(*valueType, v) : v;
  }
  if (failed) return types.error();
  return types.map(keyType.value_or(types.dyn()), valueType.value_or(types.dyn()));
}

}  // namespace journey::sema
