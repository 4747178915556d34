// Names bound outside the language (the REPL's `let`, `journey eval --let`) must be names an
// expression can read.
#include <doctest/doctest.h>

#include "compiler/syntax/token_kinds.h"

using journey::syntax::whyNotVariableName;

TEST_CASE("a binding's name is one an expression reads as a variable") {
  CHECK_FALSE(whyNotVariableName("x"));
  CHECK_FALSE(whyNotVariableName("_total2"));
  CHECK_FALSE(whyNotVariableName("wait"));  // Journey's keywords are names too
  CHECK(whyNotVariableName("true") == "`true` is a literal");
  CHECK(whyNotVariableName("null") == "`null` is a literal");
  CHECK(whyNotVariableName("as") == "`as` is a reserved word");
  CHECK(whyNotVariableName("for") == "`for` is a reserved word");
  CHECK(whyNotVariableName("in") == "`in` is not a name");
  CHECK(whyNotVariableName("a b") == "`a b` is not a name");
  CHECK(whyNotVariableName("a.b") == "`a.b` is not a name");
  CHECK(whyNotVariableName("") == "`` is not a name");
  CHECK(whyNotVariableName("1x") == "`1x` is not a name");
  CHECK(whyNotVariableName("math")->find("namespace") != std::string::npos);
}
