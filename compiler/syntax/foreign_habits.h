// Helps for syntax errors that habits explain: Python's and SQL's `and`, `or`, `not`, `where`
// and `elif`; JavaScript's `===` and `+=`; `=` for `==`; `def`, `var` and `string[]`; English's
// `wait for 1h` and `2 days`; an operator starting a line (`&& b`); and a keyword misspelt.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <antlr4-runtime.h>

namespace journey::syntax {

struct HabitContext {
  size_t foundType = 0;
  std::string_view found;         // the offending token's text
  size_t prevType = 0;            // the token before it (0: none)
  std::string_view prev;
  size_t beforePrevType = 0;      // the token before that (0: none)
  std::string_view beforePrev;
  bool adjacent = false;          // nothing between the offending token and the one before
  bool lineStart = false;         // the offending token starts a statement
  bool afterStatement = false;    // it follows a complete statement on its line
  bool afterExpression = false;   // the token before ends an expression
  bool colonDue = false;          // the parser expected a field's `:`
  bool lineBreakBefore = false;   // a line ends between the two tokens
  size_t statementWord = 0;       // the first token of the statement it is in (0: none)
  std::string_view statement;     // that statement's text up to the offending token
  std::string_view lineRest;      // the line's text from the offending token on
  bool inArms = false;            // in a `split`'s arms or a `wait for`'s handlers
  size_t nextType = 0;            // the token after the offending one (0: none)
  bool withinBefore = false;      // that statement has a `within` before it
  // The keywords the parser would have taken there.
  const antlr4::misc::IntervalSet* keywords = nullptr;
};

// What to write instead, as helps; empty when no habit explains the error.
std::vector<std::string> foreignHabitHelps(const HabitContext& c);

}  // namespace journey::syntax
