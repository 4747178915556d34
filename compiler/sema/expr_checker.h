// Type checking of CEL expressions (with our additions) against the standard library's
// overloads and the program's declarations.
#pragma once

#include <string_view>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/diagnostics/diagnostic.h"
#include "compiler/sema/symbols.h"
#include "compiler/sema/types.h"

namespace journey::sema {

// Per-expression results, indexed by ExprId; later phases (lowering) read them.
struct ExprFacts {
  std::vector<TypeId> types;
  // For a Call: the ids of the standard overloads that may apply (one when resolved statically,
  // several when an argument is `dyn`), or the name of the user `fn` it calls.
  std::vector<std::vector<std::string_view>> overloads;
};

struct CheckContext {
  const SourceManager& sources;
  const ast::Ast& ast;
  TypeTable& types;
  const ProgramSymbols& symbols;
  DiagnosticSink& diags;
  ExprFacts& facts;
};

class ExprChecker {
 public:
  explicit ExprChecker(CheckContext& ctx);
  ~ExprChecker();
  ExprChecker(const ExprChecker&) = delete;
  ExprChecker& operator=(const ExprChecker&) = delete;

  // Checks `e` and every sub-expression, records their types in ctx.facts, reports diagnostics
  // and returns e's type (TypeKind::Error after a reported error: callers report nothing more).
  TypeId check(ast::ExprId e, const Scope& scope);

  // Checks `e` and reports E03xx when its type is not assignable to `want`; `what` names the
  // position in the message ("the condition of `if`").
  TypeId expect(ast::ExprId e, const Scope& scope, TypeId want, std::string_view what);

  // Whether a value of type `from` may be used where `to` is expected (dyn and error on either
  // side are assignable; type parameters unify).
  bool assignable(TypeId from, TypeId to);

 private:
  struct Impl;
  Impl* impl_;
};

}  // namespace journey::sema
