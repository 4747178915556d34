// The check made before anything is written: the formatted text must be the same program.
#include <doctest/doctest.h>

#include "compiler/format/verify.h"

TEST_SUITE("fmt") {

using journey::format::findChange;

TEST_CASE("the same program in another layout passes") {
  CHECK_FALSE(findChange("journey J { entry on E; wait 1h } // c\n",
                         "journey J {\n  entry on E\n  wait 1h\n} // c\n"));
  CHECK_FALSE(findChange("type T { a: int\n b: int }\n", "type T {\n  a: int\n  b: int\n}\n"));
}

TEST_CASE("a lost, changed or added token is found, with where") {
  auto lost = findChange("const a = f(x, y)\n", "const a = f(x)\n");
  REQUIRE(lost);
  CHECK(lost->find("line 1, column 14") != std::string::npos);
  CHECK(lost->find("`,`") != std::string::npos);
  auto changed = findChange("const a = 'x'\n", "const a = \"x\"\n");
  REQUIRE(changed);
  CHECK(changed->find("`'x'` became `\"x\"`") != std::string::npos);
  CHECK(findChange("const a = 1\n", "const a = 1\nconst b = 2\n"));
}

TEST_CASE("two statements run together, or one split, are found") {
  // `wait 1h wait 2h` does not parse; `-1` on a line of its own is another statement.
  CHECK(findChange("journey J {\n  wait 1h\n  wait 2h\n}\n", "journey J { wait 1h wait 2h }\n"));
  auto split = findChange("const a = b -\n  1\n", "const a = b\n- 1\n");
  REQUIRE(split);
  CHECK(split->find("does not parse") != std::string::npos);
}

TEST_CASE("a lost or changed comment is found") {
  auto lost = findChange("const a = 1 // why\n", "const a = 1\n");
  REQUIRE(lost);
  CHECK(lost->find("// why") != std::string::npos);
  CHECK(findChange("/* a */ const a = 1\n", "/* b */ const a = 1\n"));
  CHECK(findChange("const a = 1\n", "const a = 1 // new\n"));
}

}  // TEST_SUITE
