// What the parser would have accepted where a syntax error was found, and how to say it in
// words.
#pragma once

#include <set>
#include <string>

#include <antlr4-runtime.h>

namespace journey::syntax {

struct Expectation {
  antlr4::misc::IntervalSet tokens;
  antlr4::misc::IntervalSet keywords;  // the tokens expected as themselves, not as a name
  std::set<size_t> rules;              // rules whose states expect the tokens
};

// For a mismatch ANTLR knows the set. For "no viable alternative" the prediction looked ahead
// several tokens before failing and ANTLR's set belongs to the decision's start; a small
// simulation of the ATN replays the tokens from the decision to the offending one instead.
Expectation expectationFor(antlr4::Parser* parser, const antlr4::RecognitionException& e);

// "an expression", "`{`", "end of line or `}`", "a header clause or a step", ...
std::string describeExpected(const antlr4::misc::IntervalSet& tokens,
                             const antlr4::misc::IntervalSet& keywords,
                             const std::set<size_t>& rules, bool afterColon = false);

}  // namespace journey::syntax
