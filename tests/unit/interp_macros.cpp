// Macros as comprehensions: results, error absorption, two-variable forms, cel.bind and the
// optional macros.
#include <doctest/doctest.h>

#include "tests/unit/interp_support.h"

using journey::test::InterpWorld;

TEST_SUITE_BEGIN("interp");

TEST_CASE("all and exists absorb errors like && and ||") {
  InterpWorld w;
  CHECK(w.run("[1, 2, 3].all(x, x > 0)") == "true");
  CHECK(w.run("[1, 2, 3].all(x, x > 1)") == "false");
  CHECK(w.run("[].all(x, x > 1)") == "true");
  CHECK(w.run("[1, 2, 3].exists(x, x == 2)") == "true");
  CHECK(w.run("[1, 0].all(x, 1 / x > 0)") == "<error: division by zero>");
  CHECK(w.run("[0, 1].exists(x, 1 / x > 0)") == "true");
  CHECK(w.run("[1, 0].exists(x, 1 / x > 5)") == "<error: division by zero>");
  CHECK(w.run("[0, -1].all(x, 1 / x > 0)") == "false");
  CHECK(w.run("{'a': 1, 'b': 2}.exists(k, k == 'b')") == "true");
}

TEST_CASE("exists_one counts exactly one") {
  InterpWorld w;
  CHECK(w.run("[1, 2, 3].exists_one(x, x > 2)") == "true");
  CHECK(w.run("[1, 2, 3].exists_one(x, x > 1)") == "false");
  CHECK(w.run("[1, 2, 3].existsOne(x, x > 5)") == "false");
}

TEST_CASE("map and filter build lists") {
  InterpWorld w;
  CHECK(w.run("[1, 2, 3].map(x, x * 2)") == "[2, 4, 6]");
  CHECK(w.run("[1, 2, 3].map(x, x > 1, x * 10)") == "[20, 30]");
  CHECK(w.run("[1, 2, 3, 4].filter(x, x % 2 == 0)") == "[2, 4]");
  CHECK(w.run("{'a': 1, 'b': 2}.map(k, k + '!')") == "[\"a!\", \"b!\"]");
  CHECK(w.run("[1, 0].map(x, 1 / x)") == "<error: division by zero>");
  CHECK(w.run("[1, 0].filter(x, 1 / x > 0)") == "<error: division by zero>");
  CHECK(w.run("[[1, 2], [3]].map(l, l.map(x, x + 1))") == "[[2, 3], [4]]");
}

TEST_CASE("two-variable macros") {
  InterpWorld w;
  CHECK(w.run("[10, 20].all(i, v, v == (i + 1) * 10)") == "true");
  CHECK(w.run("{'a': 1}.exists(k, v, k == 'a' && v == 1)") == "true");
  CHECK(w.run("[1, 2, 3].existsOne(i, v, i == v)") == "false");
  CHECK(w.run("[5, 6].transformList(i, v, i + v)") == "[5, 7]");
  CHECK(w.run("[5, 6, 7].transformList(i, v, i > 0, v)") == "[6, 7]");
  CHECK(w.run("{'a': 1, 'b': 2}.transformMap(k, v, v * 10)") == "{\"a\": 10, \"b\": 20}");
  CHECK(w.run("{'a': 1, 'b': 2}.transformMap(k, v, v > 1, v)") == "{\"b\": 2}");
  CHECK(w.run("[1, 2].transformMap(i, v, v)") == "{0: 1, 1: 2}");
  CHECK(w.run("{'a': 1}.transformMapEntry(k, v, {v: k})") == "{1: \"a\"}");
  CHECK(w.run("[1, 2].transformMapEntry(i, v, {'same': v})").starts_with("<error:"));
}

TEST_CASE("a range that is not a list or map is an error") {
  InterpWorld w;
  CHECK(w.run("dyn(1).all(x, x)").starts_with("<error: a comprehension needs a list or a map"));
  CHECK(w.run("dyn(1 / 0).map(x, x)") == "<error: division by zero>");
}

TEST_CASE("cel.bind and the optional macros") {
  InterpWorld w;
  CHECK(w.run("cel.bind(x, 2, x * x)") == "4");
  CHECK(w.run("cel.bind(x, 2, cel.bind(y, x + 1, x * y))") == "6");
  CHECK(w.run("optional.of(1).optMap(x, x + 1)") == "optional.of(2)");
  CHECK(w.run("optional.none().optMap(x, x + 1)") == "optional.none()");
  CHECK(w.run("optional.of(1).optFlatMap(x, optional.of(x * 3))") == "optional.of(3)");
  CHECK(w.run("optional.of(1).optFlatMap(x, optional.none())") == "optional.none()");
}

TEST_CASE("math.greatest and math.least with three or more arguments use the list form") {
  InterpWorld w;
  CHECK(w.run("math.greatest(1, 5, 3)") == "5");
  CHECK(w.run("math.least(4.0, 1.5, 3.0)") == "1.5");
  CHECK(w.run("math.greatest(1, 5, 3)", false) == "5");
}

TEST_SUITE_END();
