// What one complete REPL input is: a `:command`, a `let`, declarations of the language (added
// to the session's program), or an expression to evaluate.
#pragma once

#include <string>
#include <string_view>

namespace journey::repl {

enum class InputKind { Empty, Command, Let, Declaration, Import, Test, Expression };

// Declarations start with their keyword and a name (`type Item {…}`, `cap email 3 per 7d`);
// the keywords are also names, so `type(x)` or `event.total` are expressions.
InputKind classifyInput(std::string_view input);

struct LetInput {
  bool ok = false;  // false: not of the form `let NAME = EXPR`
  std::string name;
  std::string expr;
};
LetInput parseLet(std::string_view input);

// Leading and trailing white space removed.
std::string_view trimmed(std::string_view text);
// `text` trimmed, without the comments it starts with (`// …` lines, `/* … */` blocks): what
// decides the kind of an input.
std::string_view afterLeadingComments(std::string_view text);

// The characters of names: a letter or `_` first, then letters, digits and `_`.
bool isNameStart(char c);
bool isNameChar(char c);

}  // namespace journey::repl
