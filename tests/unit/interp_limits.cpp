// Limits turn runaway evaluation into an error that `||` cannot absorb.
#include <doctest/doctest.h>

#include "tests/unit/interp_support.h"
#include "tests/unit/sanitizer_share.h"

using journey::test::InterpWorld;

TEST_SUITE_BEGIN("interp");

TEST_CASE("comprehension iterations are limited per evaluation") {
  InterpWorld w;
  journey::interp::Limits limits;
  limits.maxIterations = 100;
  CHECK(w.eval("[1, 2, 3].map(x, x)", true, limits).text() == "[1, 2, 3]");
  std::string nested = "[0,1,2,3,4,5,6,7,8,9].map(x, [0,1,2,3,4,5,6,7,8,9].map(y, x * y))";
  CHECK(w.eval(nested, true, limits).text() ==
        "<error: evaluation stopped: more than 100 comprehension iterations>");
  CHECK(w.eval(nested + " == [] || true", true, limits).text() ==
        "<error: evaluation stopped: more than 100 comprehension iterations>");
}

TEST_CASE("the default iteration limit stops a quadratic blow-up") {
  InterpWorld w;
  // 1,100 x 1,100 iterations exceed 1,000,000.
  std::string l = "[" + std::string("0") ;
  for (int i = 1; i < 1100; ++i) l += "," + std::to_string(i);
  l += "]";
  CHECK(w.run(l + ".all(x, " + l + ".all(y, y >= 0))") ==
        "<error: evaluation stopped: more than 1000000 comprehension iterations>");
}

TEST_CASE("built strings and lists are limited in size") {
  InterpWorld w;
  journey::interp::Limits limits;
  limits.maxTextBytes = 1000;
  limits.maxCollectionSize = 50;
  std::string doubling = "cel.bind(a, 'xxxxxxxxxxxxxxxx', cel.bind(b, a + a, cel.bind(c, b + b, "
                         "cel.bind(d, c + c, cel.bind(e, d + d, cel.bind(f, e + e, f + f))))))";
  CHECK(w.eval(doubling, true, limits).text() ==
        "<error: evaluation stopped: a value built is larger than the limit>");
  CHECK(w.eval("[1,2,3,4,5,6,7,8,9,10].map(x, [1,2,3,4,5,6].map(y, y)).size()", true, limits)
            .text() == "10");
  std::string big = "cel.bind(l, [1,2,3,4,5,6,7,8], cel.bind(m, l + l + l + l, m + m))";
  CHECK(w.eval(big, true, limits).text() ==
        "<error: evaluation stopped: a value built is larger than the limit>");
}

TEST_CASE("inlining that grows exponentially becomes an error") {
  std::string program;
  program += "fn f0(x: int): int = x + 1\n";
  for (int i = 1; i <= 24; ++i) {
    program += "fn f" + std::to_string(i) + "(x: int): int = f" + std::to_string(i - 1) +
               "(x) + f" + std::to_string(i - 1) + "(x)\n";
  }
  InterpWorld w(program);
  REQUIRE(!w.fe.diags.hasErrors());
  // A tenth of the default node budget under the sanitizers, where making a million nodes
  // takes 15 s.
  if (journey::test::kUnderSanitizers) w.lowerOptions.maxNodes /= 10;
  CHECK(w.run("f3(0)") == "8");
  // Too many nodes or too many registers, whichever comes first.
  CHECK(w.run("f24(0)").starts_with("<error: the expression is too large"));
}

TEST_SUITE_END();
