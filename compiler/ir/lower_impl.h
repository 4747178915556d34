// Internal to compiler/ir: the lowering state shared by the files that implement it, one
// concept each:
//   lower.cpp          entry point, scopes, literals, names (variables, consts, type names),
//                      list and map literals
//   lower_calls.cpp    calls: operators, stdlib overload candidates, `fn` inlining
//   lower_history_count.cpp  `size(history(E, D))` as a count
//   lower_select.cpp   field selection, qualified names, indexing, `has()`
//   lower_macros.cpp   comprehensions, `cel.bind`, `optMap` / `optFlatMap`
//   lower_records.cpp  record literals and field defaults
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "compiler/ir/lower.h"

namespace journey::ir {

// Thrown when inlining grows an expression beyond LowerOptions::maxNodes; caught by lowerRoot.
struct TooLarge {};
// The deepest an expression may lower to, inlined `fn`s included (about two levels each). The
// lowering recurses per level: under the sanitizers, whose frames are several times larger, a
// chain of 900 `fn`s (1,800 levels) overflowed the 8 MiB stack where 700 did not.
inline constexpr size_t kMaxLoweringDepth = 1200;

struct Lowerer::Impl {
  Impl(const ast::Ast& ast, const sema::CheckedProgram& program, const RecordLayouts& layouts,
       ExprPool& pool, LowerOptions options);

  const ast::Ast& ast;
  const sema::CheckedProgram& program;
  const sema::TypeTable& types;
  const sema::ProgramSymbols& symbols;
  const RecordLayouts& layouts;
  ExprPool& pool;
  LowerOptions options;

  uint32_t slotCount = 0;
  size_t nodeBudgetStart = 0;
  size_t depth = 0;
  // Consts and fns being inlined, so that a cycle (which the checker reports) cannot recurse.
  std::set<std::string, std::less<>> inlining;
  // Roots found too large. A `const` whose value is one of them is too large wherever it is
  // inlined (deeper, after more nodes), so inlining it fails at once: a chain of `const`s past
  // the limit then fails each later link near its root instead of unwinding the whole chain.
  std::unordered_set<ast::ExprId> tooLargeRoots;

  // --- lower.cpp ----------------------------------------------------------------------------
  NodeId lower(ast::ExprId e, const LowerScope& scope);
  uint32_t newSlot() { return slotCount++; }
  // The checked type of `e`, or nothing in unchecked mode (and for expressions with errors).
  std::optional<sema::TypeId> checkedType(ast::ExprId e) const;
  // A node for `e` carrying its range and statically known kind.
  Node make(NodeKind kind, ast::ExprId e) const;
  NodeId add(Node n);
  NodeId constant(Value v, ast::ExprId e);
  NodeId errorNode(std::string message, ast::ExprId e);
  NodeId variable(uint32_t slot, std::string name, ast::ExprId e);
  NodeId call(std::string_view overloadId, std::vector<NodeId> args, ast::ExprId e);
  NodeId lowerLiteral(const ast::Literal& lit, ast::ExprId e);
  NodeId lowerIdent(const ast::Ident& id, ast::ExprId e, const LowerScope& scope);
  NodeId lowerList(const ast::ListLit& list, ast::ExprId e, const LowerScope& scope);
  NodeId lowerMap(const ast::MapLit& map, ast::ExprId e, const LowerScope& scope);
  // A const's value expression, lowered in place.
  NodeId inlineConst(const sema::ConstSymbol& c, std::string_view name, ast::ExprId e);
  // The type value a type name denotes (`int`, `google.protobuf.Timestamp`, a record), if any.
  std::optional<Value> typeValueNamed(std::string_view name, ast::ExprId e) const;
  Value typeValueOf(sema::TypeId denoted) const;
  bool isValueName(std::string_view name, const LowerScope& scope) const;
  static ValueKind kindOf(const sema::TypeTable& types, sema::TypeId t);

  // --- lower_calls.cpp ----------------------------------------------------------------------
  NodeId lowerCall(const ast::Call& call, ast::ExprId e, const LowerScope& scope);
  NodeId inlineFn(const sema::FnSymbol& fn, std::string_view name, const ast::Call& call,
                  ast::ExprId e, const LowerScope& scope);
  // The run-time candidates of a call of `function` with `arity` arguments (the receiver
  // counted): the checker's choice, or every overload of that name, style and arity.
  std::vector<uint32_t> candidates(ast::ExprId e, std::string_view function, bool receiver,
                                   size_t arity) const;
  // Argument `i` of a call of `function` (no receiver): declared names become constants.
  NodeId lowerArgument(std::string_view function, size_t i, ast::ExprId a,
                       const LowerScope& scope);

  // --- lower_history_count.cpp --------------------------------------------------------------
  // `size(history(E, D))` or `history(E, D).size()` as one call that counts; nothing when
  // `size` (a call of `size`) is not of that form.
  std::optional<NodeId> lowerHistoryCount(const ast::Call& size, ast::ExprId e,
                                          const LowerScope& scope);

  // --- lower_select.cpp ---------------------------------------------------------------------
  NodeId lowerSelect(const ast::Select& sel, ast::ExprId e, const LowerScope& scope);
  NodeId lowerIndex(const ast::Index& index, ast::ExprId e, const LowerScope& scope);
  NodeId lowerHas(const ast::Macro& m, ast::ExprId e, const LowerScope& scope);
  // `a.b.c` for plain selections on an identifier; empty otherwise.
  // The record layout and field index of `.field` on `operand`, when the operand is
  // statically a record with that field.
  std::optional<std::pair<int32_t, uint32_t>> recordField(ast::ExprId operand,
                                                          std::string_view field) const;

  // --- lower_macros.cpp ---------------------------------------------------------------------
  NodeId lowerMacro(const ast::Macro& m, ast::ExprId e, const LowerScope& scope);
  NodeId lowerOptMap(const ast::Macro& m, ast::ExprId e, const LowerScope& scope);

  // --- lower_records.cpp --------------------------------------------------------------------
  NodeId lowerRecordLit(const ast::RecordLit& lit, ast::ExprId e, const LowerScope& scope);
  std::optional<sema::RecordId> recordNamed(std::string_view name) const;
};

}  // namespace journey::ir
