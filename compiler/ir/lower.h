// Lowering: a checked (or unchecked) AST expression to the expression IR.
//
//   - variables become slots: a LowerScope maps the names in scope to slots; the root scope
//     holds the expression's inputs (`profile`, `--let` names, test bindings);
//   - consts are inlined (their value expression is lowered in place), and calls of the
//     program's `fn`s are inlined as Let nodes binding the parameters;
//   - record fields become indices into the record's RecordLayout;
//   - macros become comprehensions, as CEL's macro expansions define them; `has()` becomes
//     TestField; `cel.bind` and `optMap`/`optFlatMap` become Let nodes;
//   - calls get their overload candidates: the one the checker chose, or, when the checker left
//     several (dyn arguments) or was not run, every overload of that name, call style and
//     arity, chosen at run time by the arguments' kinds. A call nothing can match is an Error
//     node, evaluated as an error only if it is reached (`f_unknown(1) || true` is true).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/ir/expr_ir.h"
#include "compiler/ir/input_names.h"
#include "compiler/ir/record_layouts.h"
#include "compiler/sema/checker.h"

namespace journey::ir {

// Names visible to an expression, innermost last.
class LowerScope {
 public:
  explicit LowerScope(const LowerScope* parent = nullptr) : parent_(parent) {}
  // The root scope of an expression: its inputs' names.
  explicit LowerScope(const InputNames& inputs) : parent_(nullptr), inputs_(&inputs) {}

  void bind(std::string name, uint32_t slot) { names_.push_back({std::move(name), slot}); }
  // The slot of `name`, or kNoSlot.
  uint32_t lookup(std::string_view name) const;
  // The slot of `name` in the outermost scope only (`.x`), or kNoSlot.
  uint32_t lookupRoot(std::string_view name) const;
  // The slot of a name bound with dots (`a.b`), or kNoSlot; also when a nearer scope binds a
  // part of it (`a`), which shadows it (sema::Scope::lookupQualified).
  uint32_t lookupQualified(std::string_view path, bool rooted) const;

 private:
  struct Entry {
    std::string name;
    uint32_t slot;
  };
  uint32_t lookupHere(std::string_view name) const;  // this scope's own slot of `name`

  const LowerScope* parent_;
  const InputNames* inputs_ = nullptr;  // the root's, looked up after its own names
  std::vector<Entry> names_;
};

// The error an expression lowers to when inlining would make it too large or too deep.
inline constexpr std::string_view kTooLargeMessage =
    "the expression is too large, or too deeply nested, once the constants and functions it names "
    "are inlined";

struct LowerOptions {
  // Use the checker's facts (types, chosen overloads). False: dyn semantics everywhere, names
  // the checker would have rejected become Error nodes.
  bool checked = true;
  // Inlining `fn`s can multiply a program's size; beyond this many nodes an expression is
  // replaced by an Error node instead of exhausting memory.
  size_t maxNodes = 1'000'000;
};

class Lowerer {
 public:
  // `program` gives the declarations (consts, fns, records) and, in checked mode, the facts.
  Lowerer(const ast::Ast& ast, const sema::CheckedProgram& program, const RecordLayouts& layouts,
          ExprPool& pool, LowerOptions options = {});
  ~Lowerer();
  Lowerer(const Lowerer&) = delete;
  Lowerer& operator=(const Lowerer&) = delete;

  // Lowers `e` with `inputs` as its root names (each gets a slot, in order): its inputCount is
  // theirs, its inputs the names it reads.
  LoweredExpr lowerRoot(ast::ExprId e, const InputNames& inputs);
  LoweredExpr lowerRoot(ast::ExprId e, const std::vector<std::string>& inputs);

 private:
  struct Impl;
  Impl* impl_;
};

}  // namespace journey::ir
