// A test's data (`profile { ... }`, an event's fields, a profile update) as the JSON object a
// line of the profiles or events file would hold, so that `journey test` feeds the runtime
// exactly what `journey run` would read.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "compiler/ast/ast.h"

namespace journey::sema {

// Where the data stops being a literal, and why.
struct NotLiteral {
  SourceRange range;
  std::string why;
};

std::variant<std::string, NotLiteral> testDataJson(const ast::Ast& ast,
                                                   const std::vector<ast::FieldInit>& fields);

}  // namespace journey::sema
