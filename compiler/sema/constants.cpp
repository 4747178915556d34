// Values known when the program is compiled: the durations of `retain`, `cap`, `timeout`,
// `within`, `every`, `reentry after`, and the counts of `cap` and `retries`.
//
// Deliberately simple: a constant is a literal (`7d`, `3`), a `const` whose value is a constant,
// unary minus, or `+`/`-` of two constants of the same kind. Anything else (a function call,
// `duration("1h")`, a field) is not a constant, even when it could be folded.
#include <fmt/format.h>

#include "compiler/sema/program_checker.h"

namespace journey::sema {

std::optional<ConstantValue> ProgramChecker::constantValue(ast::ExprId e, int depth) const {
  if (e == ast::kNoExpr || e >= ast.exprs.size() || depth > 256) return std::nullopt;
  const ast::ExprNode& node = ast[e].node;
  if (auto* lit = std::get_if<ast::Literal>(&node)) {
    switch (lit->kind) {
      case ast::LiteralKind::Int: return ConstantValue{ConstantValue::Kind::Int, lit->intValue};
      case ast::LiteralKind::Duration:
        return ConstantValue{ConstantValue::Kind::Duration, lit->intValue};
      default: return std::nullopt;
    }
  }
  if (auto* id = std::get_if<ast::Ident>(&node)) {
    auto it = symbols.consts.find(id->name);
    if (it == symbols.consts.end()) return std::nullopt;
    // Memoized, so a chain of constants that each use the previous one twice stays linear; a
    // constant in a cycle (reported elsewhere) has no value.
    auto [cached, fresh] = constantCache.try_emplace(id->name, std::nullopt);
    if (!fresh) return cached->second;
    std::optional<ConstantValue> v = constantValue(it->second.decl->value, depth + 1);
    constantCache[id->name] = v;
    return v;
  }
  if (auto* call = std::get_if<ast::Call>(&node)) {
    if (call->target != ast::kNoExpr) return std::nullopt;
    if (call->function == "-_" && call->args.size() == 1) {
      auto v = constantValue(call->args[0], depth + 1);
      if (!v || v->value == INT64_MIN) return std::nullopt;
      v->value = -v->value;
      return v;
    }
    if ((call->function == "_+_" || call->function == "_-_") && call->args.size() == 2) {
      auto a = constantValue(call->args[0], depth + 1);
      auto b = constantValue(call->args[1], depth + 1);
      if (!a || !b || a->kind != b->kind) return std::nullopt;
      int64_t result = 0;
      bool overflow = call->function == "_+_" ? __builtin_add_overflow(a->value, b->value, &result)
                                              : __builtin_sub_overflow(a->value, b->value, &result);
      if (overflow) return std::nullopt;
      return ConstantValue{a->kind, result};
    }
  }
  return std::nullopt;
}

bool ProgramChecker::isPositiveDuration(ast::ExprId e) const {
  std::optional<ConstantValue> v = constantValue(e);
  return v && v->kind == ConstantValue::Kind::Duration && v->value > 0;
}

std::string ProgramChecker::notFoldedHelp(ast::ExprId e, std::string_view literal) const {
  // A `const` named here whose value is not made of literals (`duration("1h")`): naming a
  // `const` is not the fix, writing its value plainly is.
  auto* id = std::get_if<ast::Ident>(&ast[e].node);
  if (id && symbols.consts.count(id->name)) {
    return "`" + id->name + "` is a `const`, but its value is not written with literals, `+` " +
           "and `-`: give it " + std::string(literal);
  }
  return "write " + std::string(literal) + ", or the name of a `const`";
}

std::optional<int64_t> ProgramChecker::checkDuration(ast::ExprId e, const Scope& scope,
                                                     std::string_view what, bool mustBeConstant) {
  if (e == ast::kNoExpr) return std::nullopt;
  TypeId t = exprs.expect(e, scope, types.duration(), what);
  if (types.kind(t) == TypeKind::Error || !exprs.assignable(t, types.duration())) {
    return std::nullopt;  // reported by the expression checker
  }
  std::optional<ConstantValue> v = constantValue(e);
  if (!v || v->kind != ConstantValue::Kind::Duration) {
    if (mustBeConstant) {
      Diagnostic& d = report(DiagKind::NonConstantValue, ast[e].range,
                             std::string(what) + " must be a constant duration");
      d.helps.push_back(notFoldedHelp(e, "a duration literal such as `7d`"));
    }
    return std::nullopt;
  }
  if (v->value <= 0) {
    report(DiagKind::NonPositiveValue, ast[e].range,
           std::string(what) + " must be positive, not `" + formatDuration(v->value) + "`");
    return std::nullopt;
  }
  return v->value;
}

void ProgramChecker::checkCount(ast::ExprId e, const Scope& scope, std::string_view what,
                                int64_t minimum) {
  if (e == ast::kNoExpr) return;
  size_t reported = diags.all().size();
  TypeId t = exprs.expect(e, scope, types.int64(), what);
  if (types.kind(t) == TypeKind::Error || !exprs.assignable(t, types.int64())) {
    // A count is folded to a constant: the conversion a mismatch is offered elsewhere
    // (`int(LIMIT)`) is none, so the help says how to write the number itself.
    if (diags.all().size() == reported) return;
    std::string help;
    auto* id = std::get_if<ast::Ident>(&ast[e].node);
    // `3u` as the int it means, if it is one.
    auto asInt = [&](ast::ExprId x) -> std::string {
      auto* l = std::get_if<ast::Literal>(&ast[x].node);
      std::string text(sources.slice(ast[x].range));
      if (!l || l->kind != ast::LiteralKind::Uint || !text.ends_with('u')) return "";
      return text.substr(0, text.size() - 1);
    };
    auto constant = id ? symbols.consts.find(id->name) : symbols.consts.end();
    if (!asInt(e).empty()) {
      help = "write `" + asInt(e) + "`";
    } else if (constant != symbols.consts.end() && constant->second.decl) {
      std::string value = asInt(constant->second.decl->value);
      help = "give `" + id->name + "` an `int` value" +
             (value.empty() ? "" : ": `const " + id->name + " = " + value + "`");
    } else {
      help = "write an integer literal such as `3`, or the name of a `const`";
    }
    diags.retain([&](Diagnostic& d) {
      if (d.kind == DiagKind::TypeMismatch && d.range == ast[e].range) d.helps = {help};
      return true;
    });
    return;
  }
  std::optional<ConstantValue> v = constantValue(e);
  if (!v || v->kind != ConstantValue::Kind::Int) {
    Diagnostic& d = report(DiagKind::NonConstantValue, ast[e].range,
                           std::string(what) + " must be a constant integer");
    d.helps.push_back(notFoldedHelp(e, "an integer literal such as `3`"));
    return;
  }
  if (v->value < minimum) {
    report(DiagKind::NonPositiveValue, ast[e].range,
           std::string(what) + (minimum > 0 ? " must be positive" : " cannot be negative") +
               ", not `" + std::to_string(v->value) + "`");
  }
}

std::string formatDuration(int64_t nanos) {
  if (nanos == 0) return "0s";
  std::string out;
  uint64_t rest = nanos < 0 ? 0 - static_cast<uint64_t>(nanos) : static_cast<uint64_t>(nanos);
  if (nanos < 0) out += "-";
  // Days rather than weeks: `14d` reads more plainly than `2w`.
  static constexpr std::pair<uint64_t, const char*> kUnits[] = {
      {86400ULL * 1'000'000'000, "d"}, {3600ULL * 1'000'000'000, "h"}, {60ULL * 1'000'000'000, "m"},
      {1'000'000'000, "s"},            {1'000'000, "ms"},              {1'000, "us"},
      {1, "ns"}};
  for (const auto& [size, unit] : kUnits) {
    if (rest >= size) {
      out += fmt::format("{}{}", rest / size, unit);
      rest %= size;
    }
  }
  return out;
}

}  // namespace journey::sema
