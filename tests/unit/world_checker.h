// The expression checker of a test world (InterpWorld, DualWorld): one for the world's
// frontend, made at the first checked expression, after the world's program is checked. Making a
// checker parses every standard-library signature into the type table, which costs more than
// checking most expressions: one per expression was a tenth of the JIT's differential test.
#pragma once

#include <memory>
#include <optional>

#include "compiler/driver/frontend.h"
#include "compiler/sema/expr_checker.h"

namespace journey::test {

class WorldChecker {
 public:
  explicit WorldChecker(Frontend& fe) : fe_(fe) {}
  WorldChecker(WorldChecker&&) = delete;  // a moved world's checker would see the old frontend

  sema::TypeId check(ast::ExprId e, const sema::Scope& scope) {
    if (!checker_) {
      context_.emplace(fe_.sources, fe_.ast, fe_.program.types, fe_.program.symbols, fe_.diags,
                       fe_.program.facts);
      checker_ = std::make_unique<sema::ExprChecker>(*context_);
    }
    return checker_->check(e, scope);
  }

 private:
  Frontend& fe_;
  std::optional<sema::CheckContext> context_;  // the checker keeps a reference to it
  std::unique_ptr<sema::ExprChecker> checker_;
};

}  // namespace journey::test
