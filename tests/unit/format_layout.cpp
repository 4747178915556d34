// The layout rules of `journey fmt` (docs/fmt.md), one small program at a time.
#include <doctest/doctest.h>

#include "format_support.h"

TEST_SUITE("fmt") {

using journey::format_test::formatted;

TEST_CASE("spacing: operators, members, calls, types, times of day and splits") {
  CHECK(formatted("const a = 1+2*-x\n") == "const a = 1 + 2 * -x\n");
  CHECK(formatted("const b = f( x , y ).g [ 0 ] . h\n") == "const b = f(x, y).g[0].h\n");
  CHECK(formatted("const c = ! a || b ? c : d\n") == "const c = !a || b ? c : d\n");
  CHECK(formatted("const d = m [ ? \"k\" ] . ? f\n") == "const d = m[?\"k\"].?f\n");
  CHECK(formatted("const e = Item { sku : \"a\" } == . x . Item{ }\n") ==
        "const e = Item{sku: \"a\"} == .x.Item{}\n");
  CHECK(formatted("const f = { \"k\" : [ 1 , 2 ] }\n") == "const f = {\"k\": [1, 2]}\n");
  CHECK(formatted("type T { a : list < int > ? , b : map < string , int > }\n") ==
        "type T { a: list<int>?, b: map<string, int> }\n");
  CHECK(formatted("fn g ( a : int ) : int = a\n") == "fn g(a: int): int = a\n");
  CHECK(formatted("journey J {\n  quiet hours 21 : 00 to 08:00\n  split \"s\" {\n    50 % { end }\n"
                  "    50% { end }\n  }\n}\n") ==
        "journey J {\n  quiet hours 21:00 to 08:00\n  split \"s\" {\n    50% { end }\n"
        "    50% { end }\n  }\n}\n");
}

TEST_CASE("literals keep their written form") {
  const char* source =
      "const a = [0x2Au, 1h30m, .5, 2.5e-3, r\"\\d+\", '''multi\n  line''', b\"\\xff\", 'q']\n";
  CHECK(formatted(source) == source);
}

TEST_CASE("statements: one a line, `;` becomes a line break, blocks indented by two") {
  CHECK(formatted("journey J { entry on E; wait 1h;wait 2h }\n") ==
        "journey J {\n  entry on E\n  wait 1h\n  wait 2h\n}\n");
  CHECK(formatted("journey J {\nentry on E\nif a {\nend\n} else if b {\nend\n}\nelse {\nend\n}\n}\n") ==
        "journey J {\n  entry on E\n  if a {\n    end\n  } else if b {\n    end\n  } else {\n"
        "    end\n  }\n}\n");
}

TEST_CASE("a body written on one line stays there when it fits; one written on lines stays on lines") {
  CHECK(formatted("journey J {\n  if a { end }\n}\n") == "journey J {\n  if a { end }\n}\n");
  CHECK(formatted("journey J {\n  if a {\n end }\n}\n") == "journey J {\n  if a {\n    end\n  }\n}\n");
  CHECK(formatted("type T { a: int, b: int }\n") == "type T { a: int, b: int }\n");
  CHECK(formatted("type T {\n  a: int, b: int }\n") == "type T {\n  a: int,\n  b: int\n}\n");
  // Fields separated by a line break have no comma to stand on one line with.
  CHECK(formatted("type T { a: int\n  b: int }\n") == "type T {\n  a: int\n  b: int\n}\n");
  CHECK(formatted("journey J {\n  if a {}\n}\n") == "journey J {\n  if a {}\n}\n");
}

TEST_CASE("blank lines: kept between items, one at most, none after `{` or before `}`") {
  CHECK(formatted("\n\n// c\n\n\n\nconst a = 1\n\n\n\nconst b = 2\nconst c = 3\n\n") ==
        "// c\n\nconst a = 1\n\nconst b = 2\nconst c = 3\n");
  CHECK(formatted("journey J {\n\n  entry on E\n\n\n  wait 1h\n\n}\n") ==
        "journey J {\n  entry on E\n\n  wait 1h\n}\n");
  // A declaration of several lines stands apart from its neighbours.
  CHECK(formatted("const a = 1\njourney J {\n  entry on E\n}\nconst b = 2\n") ==
        "const a = 1\n\njourney J {\n  entry on E\n}\n\nconst b = 2\n");
}

TEST_CASE("comments stay where they were written") {
  const char* source =
      "// file\n"
      "journey J { // after the brace\n"
      "  // before a clause\n"
      "  entry on E /* inline */ when /* in */ e.x > 1 // end of line\n"
      "  if a {\n"
      "    end\n"
      "  }\n"
      "  // between `}` and `else`\n"
      "  else {\n"
      "    // alone in a block\n"
      "  }\n"
      "  wait 1h\n"
      "  // before the closing brace\n"
      "}\n"
      "// end of file\n";
  CHECK(formatted(source) == source);
  CHECK(formatted("const a = [1, // one\n  2]\n") == "const a = [\n  1, // one\n  2\n]\n");
  CHECK(formatted("const a = f(/* no args */)\n") == "const a = f(/* no args */)\n");
  CHECK(formatted("const a = f(/* first */x, y /* last */)\n") == "const a = f(/* first */ x, y /* last */)\n");
  CHECK(formatted("const a = {   }\nconst b = { /* none */ }\n") == "const a = {}\nconst b = { /* none */ }\n");
}

TEST_CASE("trailing comments of consecutive lines are aligned within the width") {
  CHECK(formatted("journey J {\n  entry on E // a\n  timeout 30d   // b\n  wait 1h\n  end // c\n}\n") ==
        "journey J {\n  entry on E  // a\n  timeout 30d // b\n  wait 1h\n  end // c\n}\n");
  std::string longCode = "  wait until now() + duration(\"" + std::string(50, '1') + "s\")";
  std::string source = "journey J {\n  end // short\n" + longCode + " // " + std::string(20, 'x') + "\n}\n";
  // Aligning `end`'s comment with the long line would push it past 100 columns.
  CHECK(formatted(source) == source);
}

TEST_CASE("long expressions break after their loosest operators and fill the lines") {
  std::string cond = "profile.alpha > 1 && profile.beta > 2 && profile.gamma > 3 && profile.delta > 4 && "
                     "profile.epsilon > 5";
  CHECK(formatted("audience A = " + cond + "\n") ==
        "audience A = profile.alpha > 1 && profile.beta > 2 && profile.gamma > 3 && profile.delta > 4 &&\n"
        "    profile.epsilon > 5\n");
  // The same with the lines broken by hand: the layout does not depend on the author's breaks.
  CHECK(formatted("audience A = profile.alpha > 1 &&\n profile.beta > 2 && profile.gamma > 3 &&\n"
                  "profile.delta > 4 && profile.epsilon > 5\n") ==
        formatted("audience A = " + cond + "\n"));
  // `||` binds looser than `&&`: it breaks first, and the `&&` chains stay whole where they fit.
  std::string mixed = "audience B = (profile.alpha > 1 && profile.beta > 2 && profile.gamma > 3) || "
                      "(profile.delta > 4 && profile.epsilon > 5)\n";
  CHECK(formatted(mixed) ==
        "audience B = (profile.alpha > 1 && profile.beta > 2 && profile.gamma > 3) ||\n"
        "    (profile.delta > 4 && profile.epsilon > 5)\n");
}

TEST_CASE("long bracketed lists take one item a line") {
  std::string payload = "journey J {\n  send email \"t\" { first: profile.firstName, last: profile.lastName, "
                        "total: cart.total, items: cart.items }\n}\n";
  CHECK(formatted(payload) ==
        "journey J {\n  send email \"t\" {\n    first: profile.firstName,\n    last: profile.lastName,\n"
        "    total: cart.total,\n    items: cart.items\n  }\n}\n");
  std::string call = "const c = someFunction(argumentNumberOne, argumentNumberTwo, argumentNumberThree, "
                     "argumentNumberFour)\n";
  CHECK(formatted(call) ==
        "const c = someFunction(\n  argumentNumberOne,\n  argumentNumberTwo,\n  argumentNumberThree,\n"
        "  argumentNumberFour\n)\n");
}

TEST_CASE("line endings, byte order mark, empty files") {
  CHECK(formatted("const a = 1\r\nconst b = 2\r\n") == "const a = 1\nconst b = 2\n");
  CHECK(formatted("\xEF\xBB\xBF" "const a = 1\n") == "const a = 1\n");
  CHECK(formatted("") == "");
  CHECK(formatted("\n\n  \n") == "");
  CHECK(formatted("// only\n\n\n/* comments */") == "// only\n\n/* comments */\n");
  CHECK(formatted("const a = 1") == "const a = 1\n");
}

TEST_CASE("syntax errors are not formatted") {
  journey::format::Formatted result = journey::format_test::formatSource("journey J {\n  wait\n}\n");
  CHECK(result.outcome == journey::format::Formatted::Outcome::SyntaxErrors);
}

}  // TEST_SUITE
