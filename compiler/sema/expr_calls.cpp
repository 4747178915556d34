// Calls: operators, standard and extension functions (resolved against the stdlib overloads),
// the program's `fn`s, and the journey builtins whose arguments are declared names.
#include <algorithm>
#include <cctype>

#include "compiler/sema/expr_checker_impl.h"
#include "compiler/sema/foreign_names.h"
#include "compiler/sema/suggest.h"
#include "vm/value/value_convert.h"

namespace journey::sema {

namespace {

struct OperatorName {
  std::string_view internal;
  std::string_view symbol;
};
constexpr OperatorName kOperators[] = {
    {"_+_", "+"},   {"_-_", "-"}, {"_*_", "*"},   {"_/_", "/"},  {"_%_", "%"},    {"_==_", "=="},
    {"_!=_", "!="}, {"_<_", "<"}, {"_<=_", "<="}, {"_>_", ">"},  {"_>=_", ">="},  {"_&&_", "&&"},
    {"_||_", "||"}, {"!_", "!"},  {"-_", "-"},    {"@in", "in"}, {"_?_:_", "?:"},
};

bool isNumeric(TypeKind k) {
  return k == TypeKind::Int || k == TypeKind::Uint || k == TypeKind::Double;
}

// Calls that must not appear in pure contexts: they read the profile, its history or the clock.
bool isImpureFunction(std::string_view f) {
  return f == "now" || f == "history" || f == "inAudience";
}

}  // namespace

std::string ExprChecker::Impl::numericLiteralFix(ast::ExprId e, TypeKind want) const {
  auto* lit = std::get_if<ast::Literal>(&ast[e].node);
  if (!lit) return "";
  std::string text(ctx.sources.slice(ast[e].range));
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) return "";
  if (lit->kind == ast::LiteralKind::Int && want == TypeKind::Double) return "`" + text + ".0`";
  if (lit->kind == ast::LiteralKind::Int && want == TypeKind::Uint) return "`" + text + "u`";
  return "";
}

std::string ExprChecker::Impl::timestampLiteralFix(ast::ExprId e) const {
  auto* lit = std::get_if<ast::Literal>(&ast[e].node);
  if (!lit || lit->kind != ast::LiteralKind::String) return "";
  std::optional<std::string> time =
      parseTimestamp(lit->bytes).isError() ? timestampExample(lit->bytes) : lit->bytes;
  if (!time) return "";
  return "a string is not converted implicitly: write `timestamp(\"" + *time + "\")`";
}

// `tags + "x"`, `points + "10"`, `"n: " + 3`: what the `+` most likely meant.
void ExprChecker::Impl::plusHelp(Diagnostic& d, ast::ExprId left, ast::ExprId right,
                                 TypeKind a, TypeKind b) const {
  auto text = [&](ast::ExprId x) { return std::string(ctx.sources.slice(ast[x].range)); };
  if ((a == TypeKind::List) != (b == TypeKind::List)) {
    // A list and one element: the element goes in a list of its own.
    d.helps.push_back(a == TypeKind::List
                          ? "to add an element, put it in a list: `" + text(left) + " + [" +
                                text(right) + "]`"
                          : "to add an element, put it in a list: `[" + text(left) + "] + " +
                                text(right) + "`");
    return;
  }
  if ((a == TypeKind::String) == (b == TypeKind::String)) return;
  ast::ExprId textSide = a == TypeKind::String ? left : right;
  TypeKind other = a == TypeKind::String ? b : a;
  auto* lit = std::get_if<ast::Literal>(&ast[textSide].node);
  if (isNumeric(other) && lit && lit->kind == ast::LiteralKind::String && !lit->bytes.empty() &&
      lit->bytes.find_first_not_of("0123456789.") == std::string::npos) {
    d.helps.push_back("to add a number, write it without quotes: `" + lit->bytes + "`");
  } else if (isNumeric(other) || other == TypeKind::Bool || other == TypeKind::Timestamp ||
             other == TypeKind::Duration) {
    d.helps.push_back("to join them as text, convert the other side with `string()`");
  }
}

bool ExprChecker::Impl::mixedOperandsHelp(Diagnostic& d, std::string_view function,
                                          ast::ExprId left, ast::ExprId right, TypeKind a,
                                          TypeKind b) const {
  auto text = [&](ast::ExprId x) { return std::string(ctx.sources.slice(ast[x].range)); };
  auto literal = [&](ast::ExprId x, ast::LiteralKind kind) -> const ast::Literal* {
    auto* lit = std::get_if<ast::Literal>(&ast[x].node);
    return lit && lit->kind == kind ? lit : nullptr;
  };
  bool comparison = function == "_==_" || function == "_!=_" || function == "_<_" ||
                    function == "_<=_" || function == "_>_" || function == "_>=_";
  if (comparison && (a == TypeKind::String) != (b == TypeKind::String) &&
      isNumeric(a == TypeKind::String ? b : a)) {
    ast::ExprId textSide = a == TypeKind::String ? left : right;
    ast::ExprId numberSide = a == TypeKind::String ? right : left;
    const ast::Literal* quoted = literal(textSide, ast::LiteralKind::String);
    TypeKind number = a == TypeKind::String ? b : a;
    std::string parse = number == TypeKind::Double ? "double"
                        : number == TypeKind::Uint ? "uint"
                                                   : "int";
    // Quoted text as the number it converts to, if any (`"5"` to a double is 5.0).
    std::optional<Value> converted;
    if (quoted) {
      converted = number == TypeKind::Double ? parseDouble(quoted->bytes)
                  : number == TypeKind::Uint ? parseUint(quoted->bytes)
                                             : parseInt(quoted->bytes);
    }
    bool plainNumber = quoted && quoted->bytes.find_first_of("0123456789") != std::string::npos &&
                       quoted->bytes.find_first_not_of("0123456789.-eE") == std::string::npos;
    if (plainNumber && !converted->isError()) {
      // Written as a literal of the other side's type: `==` takes no two kinds of number.
      std::string literalText = quoted->bytes;
      if (number == TypeKind::Uint) literalText += "u";
      if (number == TypeKind::Double &&
          literalText.find_first_of(".eE") == std::string::npos) {
        literalText += ".0";
      }
      d.helps.push_back("to compare numbers, write it without quotes: `" + literalText + "`");
    } else if (literal(numberSide, ast::LiteralKind::Int) != nullptr ||
               literal(numberSide, ast::LiteralKind::Double) != nullptr) {
      d.helps.push_back("to compare text, quote the number: `\"" + text(numberSide) + "\"`");
    } else {
      if (converted && converted->isError()) {
        // A conversion of quoted text that is no number in decimal always fails: `0x1F` is
        // one without its quotes, `n/a` none at all.
        bool hex = quoted->bytes.size() > 2 && quoted->bytes[0] == '0' &&
                   (quoted->bytes[1] == 'x' || quoted->bytes[1] == 'X') &&
                   quoted->bytes.find_first_not_of("0123456789abcdefABCDEF", 2) ==
                       std::string::npos;
        d.helps.push_back(hex ? "to compare numbers, write it without quotes: `" +
                                    quoted->bytes + (number == TypeKind::Uint ? "u" : "") + "`"
                              : "`" + text(textSide) + "` converts to no `" + parse +
                                    "`: compare `" + text(numberSide) + "` with a number");
        return true;
      }
      std::string help = "values are not converted implicitly: compare `" + parse + "(" +
                         text(textSide) + ")`";
      // Text in order is not numbers in order: `string()` only where equality is asked.
      if (function == "_==_" || function == "_!=_") {
        help += " or `string(" + text(numberSide) + ")`";
      }
      d.helps.push_back(help);
    }
    return true;
  }
  // `r.ok == "yes"`, `flag == 1`: a bool is tested as it is.
  bool equality = function == "_==_" || function == "_!=_";
  if (equality && (a == TypeKind::Bool) != (b == TypeKind::Bool) &&
      (a == TypeKind::String || b == TypeKind::String || isNumeric(a) || isNumeric(b))) {
    ast::ExprId side = a == TypeKind::Bool ? left : right;
    if (literal(side, ast::LiteralKind::Bool) != nullptr) return false;
    std::string flag = text(side);
    bool path = flag.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                       "0123456789_.?") == std::string::npos;
    d.helps.push_back("a `bool` is `true` or `false`: test it as it is, `" + flag + "`, or `!" +
                      (path ? flag : "(" + flag + ")") + "` for false");
    return true;
  }
  // `profile.email != null`, as in SQL or JavaScript: an absent field is not null, and an
  // optional value is never null itself.
  if (equality && (a == TypeKind::Null) != (b == TypeKind::Null)) {
    ast::ExprId value = a == TypeKind::Null ? right : left;
    std::string negation = function == "_==_" ? "!" : "";
    if ((a == TypeKind::Null ? b : a) == TypeKind::Optional) {
      d.helps.push_back("to test whether the optional value is there, write `" + negation +
                        text(value) + ".hasValue()`");
      return true;
    }
    auto* sel = std::get_if<ast::Select>(&ast[value].node);
    if (sel == nullptr || sel->optional || sel->operand >= ctx.facts.types.size()) return false;
    TypeId owner = ctx.facts.types[sel->operand];
    if (types.kind(owner) != TypeKind::Record) return false;
    const RecordInfo& info = types.recordInfo(types.get(owner).record);
    int field = info.find(sel->field.text);
    if (field < 0) return false;
    if (!info.fields[static_cast<size_t>(field)].optional) {
      d.helps.push_back("`" + text(value) + "` is always given: its field is not optional (`T?`)");
    } else {
      d.helps.push_back("to test whether the field is given, write `" + negation + "has(" +
                        text(value) + ")`: an absent field is not null");
    }
    return true;
  }
  // `signedUp + 1`: a time moves by a duration, whose unit a number lacks.
  bool arithmetic = function == "_+_" || function == "_-_";
  bool time = a == TypeKind::Timestamp || a == TypeKind::Duration ||
              b == TypeKind::Timestamp || b == TypeKind::Duration;
  if (!arithmetic || !time || (!isNumeric(a) && !isNumeric(b))) return false;
  ast::ExprId number = isNumeric(a) ? left : right;
  if (function == "_-_" && number == left) return false;  // `1 - t` means nothing to fix
  std::string count = text(number);
  bool whole = literal(number, ast::LiteralKind::Int) != nullptr &&
               count.find_first_not_of("0123456789") == std::string::npos;
  // The duration the number would be if it counted hours.
  std::string hours = whole ? count + "h" : "duration(string(" + count + ") + \"h\")";
  std::string op = function == "_+_" ? " + " : " - ";
  std::string fixed = number == left ? hours + op + text(right) : text(left) + op + hours;
  d.helps.push_back("times and durations add durations, which name their unit: `" + fixed +
                    "` if `" + count + "` counts hours (units: `d`, `h`, `m`, `s`, `ms`)");
  return true;
}

std::string_view operatorSymbol(std::string_view function) {
  for (const OperatorName& op : kOperators) {
    if (op.internal == function) return op.symbol;
  }
  return function;
}

bool isOperator(std::string_view function) {
  for (const OperatorName& op : kOperators) {
    if (op.internal == function) return true;
  }
  return false;
}

TypeId ExprChecker::Impl::checkCall(ast::ExprId e, const ast::Call& call, const Scope& scope) {
  bool receiver = call.target != ast::kNoExpr;
  std::string function = call.function;
  if (!receiver) {
    if (function == "_&&_" || function == "_||_") return checkLogical(e, call, scope);
    if (function == "_?_:_") return checkConditional(e, call, scope);
    if (auto it = ctx.symbols.fns.find(function); it != ctx.symbols.fns.end()) {
      return checkUserCall(e, call, it->second, it->first, scope);
    }
    if (function == "history") return checkHistory(e, call, scope);
    if (function == "inAudience") return checkInAudience(e, call, scope);
  } else {
    // `math.abs(x)` read as a method `abs` on `math`: it is the qualified function when `math`
    // is not a value in scope.
    std::string target = ast::dottedName(ast, call.target);
    if (!target.empty()) {
      std::string root = target.substr(0, target.find('.'));
      std::string qualified = target + "." + function;
      if (!isValueName(root, scope) && overloads.count(qualified)) {
        receiver = false;
        function = qualified;
      }
    }
  }

  bool impure = !receiver && isImpureFunction(function) && rejectImpure(call, scope, e);
  std::vector<TypeId> args;
  bool failed = false;
  if (receiver) {
    args.push_back(check(call.target, scope));
    failed |= isError(args.back());
  }
  for (ast::ExprId a : call.args) {
    args.push_back(check(a, scope));
    failed |= isError(args.back());
  }
  if (failed || impure) return types.error();

  if (!overloads.count(function)) {
    reportUnknownFunction(e, call, function, receiver);
    return types.error();
  }

  // math.greatest(a, b, c, ...) is checked as math.greatest([a, b, c, ...]).
  std::vector<TypeId> matched = args;
  if (!receiver && (function == "math.greatest" || function == "math.least") && args.size() >= 3) {
    TypeId element = args[0];
    bool numeric = true;
    for (TypeId a : args) {
      numeric &= isNumeric(types.kind(a)) || isDyn(a);
      element = join(element, a);
    }
    if (!numeric) {
      reportNoOverload(e, call, function, receiver, args);
      return types.error();
    }
    matched = {types.list(element)};
  }

  Resolution r = resolve(function, receiver, matched);
  if (r.matches.empty()) {
    reportNoOverload(e, call, function, receiver, args);
    return types.error();
  }
  std::vector<std::string_view>& ids = ctx.facts.overloads[e];
  ids.clear();
  for (const ParsedOverload* o : r.matches) ids.push_back(o->decl->id);
  if (receiver && function == "format") checkFormat(call);
  if (!receiver && (function == "duration" || function == "timestamp")) checkConversion(call);
  return r.result;
}

// `a && b`, `a || b`: b is checked knowing what a proved (`has(p.f) && p.f != ''`).
TypeId ExprChecker::Impl::checkLogical(ast::ExprId e, const ast::Call& call, const Scope& scope) {
  if (call.args.size() != 2) return types.error();
  bool isAnd = call.function == "_&&_";
  TypeId lhs = check(call.args[0], scope);
  Scope rhsScope(&scope);
  addGuards(call.args[0], isAnd, rhsScope);
  TypeId rhs = check(call.args[1], rhsScope);
  if (isError(lhs) || isError(rhs)) return types.error();
  Resolution r = resolve(call.function, false, {lhs, rhs});
  if (r.matches.empty()) {
    reportNoOverload(e, call, call.function, false, {lhs, rhs});
    return types.error();
  }
  ctx.facts.overloads[e] = {r.matches.front()->decl->id};
  return r.result;
}

TypeId ExprChecker::Impl::checkConditional(ast::ExprId e, const ast::Call& call,
                                           const Scope& scope) {
  if (call.args.size() != 3) return types.error();
  TypeId condition = check(call.args[0], scope);
  Scope thenScope(&scope), elseScope(&scope);
  addGuards(call.args[0], true, thenScope);
  addGuards(call.args[0], false, elseScope);
  TypeId a = check(call.args[1], thenScope);
  TypeId b = check(call.args[2], elseScope);
  requireType(call.args[0], condition, types.boolean(), "the condition of `?:`");
  if (isError(condition) || isError(a) || isError(b)) return types.error();
  TypeId merged;
  if (!compatible(a, b, merged)) {
    Diagnostic& d =
        report(DiagKind::BranchMismatch, ast[e].range,
               "the branches of `?:` have different types: " + quoted(a) + " and " + quoted(b));
    d.secondary.push_back({ast[call.args[1]].range, "this is " + quoted(a)});
    d.secondary.push_back({ast[call.args[2]].range, "this is " + quoted(b)});
    d.helps.push_back("convert one branch, or wrap one in `dyn(...)` if either type is meant");
    return types.error();
  }
  ctx.facts.overloads[e] = {"conditional"};
  return merged;
}

TypeId ExprChecker::Impl::checkUserCall(ast::ExprId e, const ast::Call& call, const FnSymbol& fn,
                                        std::string_view name, const Scope& scope) {
  bool failed = false;
  std::vector<TypeId> args;
  for (ast::ExprId a : call.args) {
    args.push_back(check(a, scope));
    failed |= isError(args.back());
  }
  if (call.args.size() != fn.params.size()) {
    size_t want = fn.params.size();
    Diagnostic& d = report(DiagKind::WrongArgumentCount, ast[e].range,
                           "`" + std::string(name) + "` takes " + std::to_string(want) +
                               (want == 1 ? " argument" : " arguments") + ", but " +
                               std::to_string(call.args.size()) +
                               (call.args.size() == 1 ? " was" : " were") + " given");
    if (fn.decl) d.secondary.push_back({fn.decl->name.range, "declared here"});
    return failed ? types.error() : fn.result;
  }
  if (failed) return types.error();
  for (size_t i = 0; i < args.size(); ++i) {
    std::string what = "argument " + std::to_string(i + 1);
    if (fn.decl && i < fn.decl->params.size())
      what = "argument `" + fn.decl->params[i].name.text + "`";
    requireType(call.args[i], args[i], fn.params[i], what + " of `" + std::string(name) + "`");
  }
  ctx.facts.overloads[e] = {name};
  return fn.result;
}

bool ExprChecker::Impl::rejectImpure(const ast::Call& call, const Scope& scope, ast::ExprId e) {
  if (!scope.pure()) return false;
  Diagnostic& d =
      report(DiagKind::ImpureExpression, ast[e].range,
             "`" + call.function + "()` cannot be used in " + std::string(scope.pureWhere()));
  d.notes.push_back("it is evaluated without a profile, and must not depend on the time");
  d.helps.push_back(std::string(scope.pureHelp()));
  return true;
}

void ExprChecker::Impl::unquoteNameHelp(Diagnostic& d, const ast::Call& call,
                                        ast::ExprId nameArg,
                                        const std::vector<std::string>& declared) const {
  auto* lit = std::get_if<ast::Literal>(&ast[nameArg].node);
  if (!lit || lit->kind != ast::LiteralKind::String) return;
  // The name as declared: a quoted one of another case or with a typo (`"gold"`) unquoted
  // would be unknown.
  std::optional<std::string> name;
  if (std::ranges::find(declared, lit->bytes) != declared.end()) {
    name = lit->bytes;
  } else {
    name = closestName(lit->bytes, declared);
  }
  if (!name) return;
  std::string args;
  for (ast::ExprId a : call.args) {
    args += (args.empty() ? "" : ", ") +
            (a == nameArg ? *name : std::string(ctx.sources.slice(ast[a].range)));
  }
  d.helps.push_back("write the name without quotes: `" + call.function + "(" + args + ")`");
}

// `history(Purchase, 30d)`: the event type is a declared name, typed as the type value
// `type<Purchase>` so that the stdlib declaration `history(type<A>, duration) -> list<A>` holds.
TypeId ExprChecker::Impl::checkHistory(ast::ExprId e, const ast::Call& call, const Scope& scope) {
  bool impure = rejectImpure(call, scope, e);
  if (call.args.size() != 2) {
    report(DiagKind::NoMatchingOverload, ast[e].range,
           "`history` takes an event type and a duration, like `history(Purchase, 30d)`");
    return types.error();
  }
  ast::ExprId nameArg = call.args[0];
  TypeId event = types.error();
  auto* id = std::get_if<ast::Ident>(&ast[nameArg].node);
  if (!id || id->rooted) {
    unquoteNameHelp(report(DiagKind::NameArgumentExpected, ast[nameArg].range,
                           "the first argument of `history` must be an event type name, like "
                           "`Purchase`"),
                    call, nameArg, namesOf(ctx.symbols.events));
  } else if (auto it = ctx.symbols.events.find(id->name); it != ctx.symbols.events.end()) {
    event = it->second.type;
    set(nameArg, types.typeOf(event));
  } else {
    Diagnostic& d =
        report(DiagKind::UnknownEvent, ast[nameArg].range, "unknown event type `" + id->name + "`");
    suggestDeclaredName(d, id->name, namesOf(ctx.symbols.events), "events");
  }
  TypeId window = check(call.args[1], scope);
  requireType(call.args[1], window, types.duration(), "the window of `history`");
  if (impure || isError(event) || isError(window)) return types.error();
  ctx.facts.overloads[e] = {"history"};
  return types.list(event);
}

// `inAudience(Gold)`: the audience is a declared name; the engines receive it as a string.
TypeId ExprChecker::Impl::checkInAudience(ast::ExprId e, const ast::Call& call,
                                          const Scope& scope) {
  bool impure = rejectImpure(call, scope, e);
  if (call.args.size() != 1) {
    report(DiagKind::NoMatchingOverload, ast[e].range,
           "`inAudience` takes one audience name, like `inAudience(Gold)`");
    return types.error();
  }
  ast::ExprId nameArg = call.args[0];
  auto* id = std::get_if<ast::Ident>(&ast[nameArg].node);
  if (!id || id->rooted) {
    unquoteNameHelp(report(DiagKind::NameArgumentExpected, ast[nameArg].range,
                           "the argument of `inAudience` must be an audience name, like `Gold`"),
                    call, nameArg, namesOf(ctx.symbols.audiences));
    return types.error();
  }
  if (!ctx.symbols.audiences.count(id->name)) {
    Diagnostic& d = report(DiagKind::UnknownAudience, ast[nameArg].range,
                           "unknown audience `" + id->name + "`");
    suggestDeclaredName(d, id->name, namesOf(ctx.symbols.audiences), "audiences");
    return types.error();
  }
  set(nameArg, types.string());
  if (impure) return types.error();
  ctx.facts.overloads[e] = {"in_audience"};
  return types.boolean();
}

// ---------------------------------------------------------------------------------------------
// Reporting

void ExprChecker::Impl::reportUnknownFunction(ast::ExprId e, const ast::Call& call,
                                              std::string_view function, bool receiver) {
  SourceRange where = call.functionRange.valid() ? call.functionRange : ast[e].range;
  Diagnostic& d = report(DiagKind::UnknownFunction, where,
                         std::string(receiver ? "unknown method `" : "unknown function `") +
                             std::string(function) + "`");
  std::vector<std::string> names;
  for (const auto& [name, list] : overloads) {
    if (isOperator(name)) continue;
    for (const ParsedOverload& o : list) {
      if (o.decl->receiver == receiver) {
        names.push_back(name);
        break;
      }
    }
  }
  if (!receiver) {
    for (const auto& [name, fn] : ctx.symbols.fns) names.push_back(name);
  }
  ast::ExprId subject = receiver ? call.target : call.args.empty() ? ast::kNoExpr : call.args[0];
  std::string_view target =
      subject == ast::kNoExpr ? std::string_view() : ctx.sources.slice(ast[subject].range);
  std::string_view argument = receiver && !call.args.empty()
                                  ? ctx.sources.slice(ast[call.args[0]].range)
                                  : std::string_view();
  if (std::optional<std::string> cel = celSpelling(function, receiver, target, argument)) {
    d.helps.push_back(*cel);
  } else if (auto close = closestName(function, names)) {
    d.helps.push_back("did you mean `" + *close + "`?");
  }
}

void ExprChecker::Impl::reportNoOverload(ast::ExprId e, const ast::Call& call,
                                         std::string_view function, bool receiver,
                                         const std::vector<TypeId>& args) {
  SourceRange where = ast[e].range;
  auto text = [&](ast::ExprId x) { return std::string(ctx.sources.slice(ast[x].range)); };
  auto typeList = [&](size_t from) {
    std::string s = "(";
    for (size_t i = from; i < args.size(); ++i) {
      if (i > from) s += ", ";
      s += types.print(args[i]);
    }
    return s + ")";
  };

  std::vector<const ParsedOverload*> sameStyle, otherStyle;
  if (auto it = overloads.find(function); it != overloads.end()) {
    for (const ParsedOverload& o : it->second) {
      (o.decl->receiver == receiver ? sameStyle : otherStyle).push_back(&o);
    }
  }

  if (sameStyle.empty()) {
    if (receiver) {
      std::string rest;
      for (ast::ExprId a : call.args) rest += ", " + text(a);
      report(DiagKind::WrongCallStyle, where,
             "`" + std::string(function) + "` is a function, not a method: write `" +
                 std::string(function) + "(" + text(call.target) + rest + ")`");
    } else {
      std::string rest;
      for (size_t i = 1; i < call.args.size(); ++i)
        rest += (i > 1 ? ", " : "") + text(call.args[i]);
      std::string target = call.args.empty() ? "x" : text(call.args[0]);
      report(DiagKind::WrongCallStyle, where,
             "`" + std::string(function) + "` is a method: write `" + target + "." +
                 std::string(function) + "(" + rest + ")`");
    }
    return;
  }

  if (isOperator(function)) {
    std::string symbol(operatorSymbol(function));
    std::string message = "`" + symbol + "` cannot be applied to " + quoted(args[0]);
    if (args.size() == 2) message += " and " + quoted(args[1]);
    Diagnostic& d = report(DiagKind::InvalidOperands, where, message);
    if (args.size() == 2) {
      TypeKind a = types.kind(args[0]), b = types.kind(args[1]);
      if (isNumeric(a) && isNumeric(b)) {
        // `cart.total > 50` is fine, but `cart.total == 50` and `x / 2` are not: show the
        // literal as it should be written.
        std::string literal = numericLiteralFix(call.args[0], b);
        if (literal.empty()) literal = numericLiteralFix(call.args[1], a);
        if (!literal.empty()) {
          d.helps.push_back("write " + literal);
        } else {
          d.helps.push_back(
              "numbers are not converted implicitly: convert one side with `int()`, "
              "`uint()` or `double()`");
        }
      } else if (!mixedOperandsHelp(d, function, call.args[0], call.args[1], a, b)) {
        if (function == "_+_") {
          plusHelp(d, call.args[0], call.args[1], a, b);
        } else if ((a == TypeKind::Timestamp) != (b == TypeKind::Timestamp)) {
          // `profile.signedUp > "2026-01-01"`
          ast::ExprId stringSide = a == TypeKind::Timestamp ? call.args[1] : call.args[0];
          std::string fix = timestampLiteralFix(stringSide);
          if (!fix.empty()) d.helps.push_back(fix);
        }
      } else if ((a == TypeKind::Null) != (b == TypeKind::Null)) {
        // `profile.email != null` was told to test the field with `has()`: the warning that it
        // is read without a presence test would say so again. (`d` is not used after this.)
        SourceRange read = ast[call.args[a == TypeKind::Null ? 1 : 0]].range;
        ctx.diags.retain([&](const Diagnostic& w) {
          return w.kind != DiagKind::UnguardedOptionalRead || w.range != read;
        });
      }
    }
    return;
  }

  std::string name(function);
  Diagnostic* d;
  if (receiver) {
    bool receiverFits = false;
    for (const ParsedOverload* o : sameStyle) {
      Bindings b;
      receiverFits |= unify(args[0], o->params[0], b);
    }
    if (!receiverFits) {
      d = &report(DiagKind::NoMatchingOverload, where,
                  quoted(args[0]) + " has no method `" + name + "`");
      // `tags.contains("vip")`, as in Java or Kotlin: a list's items and a map's keys are
      // tested with `in`.
      TypeKind kind = types.kind(args[0]);
      if (name == "contains" && call.args.size() == 1 &&
          (kind == TypeKind::List || kind == TypeKind::Map)) {
        d->helps.push_back("to test whether it holds " +
                           std::string(kind == TypeKind::List ? "an item" : "a key") +
                           ", write `" + text(call.args[0]) + " in " + text(call.target) + "`");
      }
    } else {
      d = &report(DiagKind::NoMatchingOverload, where,
                  "no overload of `" + name + "` on " + quoted(args[0]) + " takes " + typeList(1));
    }
  } else {
    d = &report(DiagKind::NoMatchingOverload, where,
                "no overload of `" + name + "` takes " + typeList(0));
  }
  // List what exists, so the fix is visible.
  std::string declared;
  size_t shown = 0;
  for (const ParsedOverload* o : sameStyle) {
    if (shown == 6) {
      declared += ", ...";
      break;
    }
    std::string sig = receiver ? types.print(o->params[0]) + "." + name + "(" : name + "(";
    for (size_t i = receiver ? 1 : 0; i < o->params.size(); ++i) {
      if (i > (receiver ? 1u : 0u)) sig += ", ";
      sig += types.print(o->params[i]);
    }
    sig += ") -> " + types.print(o->result);
    declared += (shown ? ", `" : "`") + sig + "`";
    ++shown;
  }
  d->notes.push_back("`" + name + "` is declared as " + declared);
}

}  // namespace journey::sema
