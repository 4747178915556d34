// Internal to compiler/sema: the state of the expression checker, shared by the files that
// implement it, one concept each:
//   expr_checker.cpp         dispatch, literals, identifiers, list and map literals
//   overload_resolution.cpp  type relations (unify, join, assignable) and overload matching
//   expr_calls.cpp           calls: operators, stdlib functions, user `fn`s, journey builtins
//   expr_format.cpp          the clauses of literal `format` strings
//   expr_select.cpp          field selection, indexing, `has()`, presence guards
//   expr_macros.cpp          comprehension and optional macros, `cel.bind`
//   expr_records.cpp         record literals
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/sema/expr_checker.h"
#include "stdlib/overloads.h"

namespace journey::sema {

// A stdlib overload with its type patterns parsed into the program's type table.
struct ParsedOverload {
  const stdlib::Overload* decl = nullptr;
  std::vector<TypeId> params;  // params[0] is the receiver for receiver-style overloads
  TypeId result = 0;
};

// What a type parameter (`A`, `K`) stands for in one match.
using Bindings = std::map<std::string, TypeId, std::less<>>;

// The overloads of one call that may apply, and the call's type: their common result, or dyn
// when they disagree (only possible when an argument is dyn).
struct Resolution {
  std::vector<const ParsedOverload*> matches;
  TypeId result = 0;
};

struct ExprChecker::Impl {
  explicit Impl(CheckContext& ctx);

  CheckContext& ctx;
  TypeTable& types;
  const ast::Ast& ast;
  std::map<std::string, std::vector<ParsedOverload>, std::less<>> overloads;
  // Unknown names given a "did you mean" so far: each is compared with every visible name, so
  // past kMaxNameSuggestions (a program of thousands of unknown names) the rest get none.
  size_t nameSuggestions = 0;
  static constexpr size_t kMaxNameSuggestions = 1'000;

  // --- expr_checker.cpp ---------------------------------------------------------------------
  TypeId check(ast::ExprId e, const Scope& scope);
  TypeId set(ast::ExprId e, TypeId t);
  Diagnostic& report(DiagKind kind, SourceRange range, std::string message);
  bool isError(TypeId t) const { return types.kind(t) == TypeKind::Error; }
  bool isDyn(TypeId t) const { return types.kind(t) == TypeKind::Dyn; }
  // `int` in backticks, for messages.
  std::string quoted(TypeId t) const { return "`" + types.print(t) + "`"; }

  TypeId checkLiteral(const ast::Literal& lit);
  TypeId checkIdent(ast::ExprId e, const ast::Ident& id, const Scope& scope);
  // A bound name's type; `rooted` (`.x`) looks in the outermost scope only.
  std::optional<TypeId> lookupName(std::string_view name, bool rooted, const Scope& scope) const;
  TypeId checkList(const ast::ListLit& list, const Scope& scope);
  TypeId checkMap(const ast::MapLit& map, const Scope& scope);
  // The type a type name denotes (`int`, `list`, `google.protobuf.Timestamp`, a record or event
  // name), or nothing.
  std::optional<TypeId> typeNamed(std::string_view name);
  // Whether `name` resolves as a value (local, `profile`, const), so that `name.x` is a selection
  // and not a qualified name.
  bool isValueName(std::string_view name, const Scope& scope) const;
  void appendValueNames(const Scope& scope, std::vector<std::string>& out) const;
  void appendTypeNames(std::vector<std::string>& out) const;
  // `a.b.c` for a chain of plain selections on an identifier; empty otherwise.
  // For `expect` and argument checks: reports a mismatch unless `t` is assignable to `want`.
  bool requireType(ast::ExprId e, TypeId t, TypeId want, std::string_view what);

  // --- overload_resolution.cpp --------------------------------------------------------------
  // Whether an argument of type `arg` fits `pattern`, binding the pattern's type parameters.
  bool unify(TypeId arg, TypeId pattern, Bindings& bindings);
  // Whether two types can be the same type (dyn fits anything); `merged` is the type both
  // fit, the more general one.
  bool compatible(TypeId a, TypeId b, TypeId& merged);
  // The type of a literal holding values of both types: the common type, dyn where they differ.
  TypeId join(TypeId a, TypeId b);
  // The pattern with bound parameters replaced (unbound ones become dyn).
  TypeId substitute(TypeId pattern, const Bindings& bindings);
  bool assignable(TypeId from, TypeId to);
  Resolution resolve(std::string_view function, bool receiver, const std::vector<TypeId>& args);

  // --- expr_calls.cpp -----------------------------------------------------------------------
  TypeId checkCall(ast::ExprId e, const ast::Call& call, const Scope& scope);
  TypeId checkLogical(ast::ExprId e, const ast::Call& call, const Scope& scope);
  TypeId checkConditional(ast::ExprId e, const ast::Call& call, const Scope& scope);
  TypeId checkUserCall(ast::ExprId e, const ast::Call& call, const FnSymbol& fn,
                       std::string_view name, const Scope& scope);
  TypeId checkHistory(ast::ExprId e, const ast::Call& call, const Scope& scope);
  TypeId checkInAudience(ast::ExprId e, const ast::Call& call, const Scope& scope);
  bool rejectImpure(const ast::Call& call, const Scope& scope, ast::ExprId e);
  void reportNoOverload(ast::ExprId e, const ast::Call& call, std::string_view function,
                        bool receiver, const std::vector<TypeId>& args);
  // `50.0` for the int literal `50` where a double is wanted (`50u` for a uint); "" otherwise.
  std::string numericLiteralFix(ast::ExprId e, TypeKind want) const;
  // For a string literal where a timestamp is wanted (`wait until "2026-03-01"`), the help
  // to convert it (with an RFC 3339 time, timestampExample); "" for any other expression.
  std::string timestampLiteralFix(ast::ExprId e) const;
  // `inAudience("Gold")`, `history("Purchase", 30d)`: a name written as a string gets the call
  // with the name unquoted.
  void unquoteNameHelp(Diagnostic& d, const ast::Call& call, ast::ExprId nameArg,
                       const std::vector<std::string>& declared) const;
  // The help for a `+` of operands it does not take (an element added to a list, a number in
  // quotes).
  void plusHelp(Diagnostic& d, ast::ExprId left, ast::ExprId right, TypeKind a,
                TypeKind b) const;
  // The help for a comparison of a string with a number (`plan == 1`, `age > "18"`) or of an
  // optional field or value with null (`profile.email != null`), and for a number added to or
  // taken from a time (`signedUp + 1`): what was likely meant. False when none applies.
  bool mixedOperandsHelp(Diagnostic& d, std::string_view function, ast::ExprId left,
                         ast::ExprId right, TypeKind a, TypeKind b) const;
  void reportUnknownFunction(ast::ExprId e, const ast::Call& call, std::string_view function,
                             bool receiver);

  // --- expr_format.cpp ----------------------------------------------------------------------
  // `'%d of %s'.format([n, s])` with a literal format string: the clauses against the values.
  void checkFormat(const ast::Call& call);
  // `duration("2d")`, `timestamp("yesterday")`: a string literal the conversion cannot read.
  void checkConversion(const ast::Call& call);

  // --- expr_select.cpp ----------------------------------------------------------------------
  TypeId checkSelect(ast::ExprId e, const ast::Select& sel, const Scope& scope, bool inHas);
  TypeId checkIndex(ast::ExprId e, const ast::Index& index, const Scope& scope);
  // The path `profile.email` that `has()` guards and reads are matched on; empty when the
  // expression is not a path.
  std::string presencePath(ast::ExprId e) const;
  // Adds to `scope` the paths that `condition` evaluating to `outcome` proves present.
  void addGuards(ast::ExprId condition, bool outcome, Scope& scope) const;

  // --- expr_macros.cpp ----------------------------------------------------------------------
  TypeId checkMacro(ast::ExprId e, const ast::Macro& m, const Scope& scope);
  TypeId checkHas(const ast::Macro& m, const Scope& scope);

  // --- expr_records.cpp ---------------------------------------------------------------------
  TypeId checkRecordLit(ast::ExprId e, const ast::RecordLit& lit, const Scope& scope);
  // How messages name a record: "type `Item`", "event `Purchase`", "`Profile.loyalty`".
  std::string describeRecord(RecordId r) const;
};

// Operators as users write them: `_+_` -> `+`, `@in` -> `in`; other names unchanged.
std::string_view operatorSymbol(std::string_view function);
bool isOperator(std::string_view function);

}  // namespace journey::sema
