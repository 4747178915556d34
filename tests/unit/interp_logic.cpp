// CEL's non-strict logic: commutative `&&`/`||` that absorb errors, `?:`, and short-circuits.
#include <doctest/doctest.h>

#include "tests/unit/interp_support.h"

using journey::test::InterpWorld;

TEST_SUITE_BEGIN("interp");

TEST_CASE("&& and || absorb errors on either side") {
  InterpWorld w;
  CHECK(w.run("true && true") == "true");
  CHECK(w.run("true && false") == "false");
  CHECK(w.run("false && (1 / 0 == 1)") == "false");
  CHECK(w.run("(1 / 0 == 1) && false") == "false");
  CHECK(w.run("(1 / 0 == 1) && true") == "<error: division by zero>");
  CHECK(w.run("true && (1 / 0 == 1)") == "<error: division by zero>");
  CHECK(w.run("(1 / 0 == 1) || true") == "true");
  CHECK(w.run("true || (1 / 0 == 1)") == "true");
  CHECK(w.run("false || (1 / 0 == 1)") == "<error: division by zero>");
  CHECK(w.run("(1 / 0 == 1) || (1 % 0 == 1)") == "<error: division by zero>");
}

TEST_CASE("&& and || on non-bools in unchecked mode") {
  InterpWorld w;
  CHECK(w.run("false && 32", false) == "false");
  CHECK(w.run("32 && false", false) == "false");
  CHECK(w.run("'horses' || true", false) == "true");
  CHECK(w.run("'a' || 'b'", false).starts_with("<error: `||` cannot be applied to `string`"));
  CHECK(w.run("!0", false)== "<error: `!` cannot be applied to `int`>");
}

TEST_CASE("the conditional evaluates one branch") {
  InterpWorld w;
  CHECK(w.run("true ? 1 : 1 / 0") == "1");
  CHECK(w.run("false ? 1 / 0 : 2") == "2");
  CHECK(w.run("(1 / 0 == 1) ? 1 : 2") == "<error: division by zero>");
  CHECK(w.run("dyn(1) ? 1 : 2") == "<error: the condition of `?:` is `int`, not `bool`>");
  CHECK(w.run("!true") == "false");
}

TEST_SUITE_END();
