// Whether two tokens printed next to each other on one line take a space between them: `a + b`,
// `f(x)`, `x.y`, `list<int>?`, `09:00`, `50%`, `-x`, `a ? b : c`, `name: T`.
#pragma once

#include <string_view>

#include "compiler/syntax/syntax_tree.h"

namespace journey::format {

// A token with what the decision needs of where it stands.
struct TokenPlace {
  syntax::SyntaxTokenKind kind = syntax::SyntaxTokenKind::Word;
  syntax::SyntaxRule parent = syntax::SyntaxRule::Other;  // the rule that read it
  bool firstInParent = false;                             // its parent's first child
  std::string_view text;
};

bool spaceBetween(const TokenPlace& left, const TokenPlace& right);

}  // namespace journey::format
