// The interpreter on single expressions: literals, arithmetic (fast paths and their general
// fallbacks), comparisons, strings, run-time dispatch and strict error propagation.
#include <doctest/doctest.h>

#include "tests/unit/interp_support.h"

using journey::test::InterpWorld;

TEST_SUITE_BEGIN("interp");

TEST_CASE("literals evaluate to themselves") {
  InterpWorld w;
  CHECK(w.run("null") == "null");
  CHECK(w.run("true") == "true");
  CHECK(w.run("-5") == "-5");
  CHECK(w.run("5u") == "5u");
  CHECK(w.run("1.5") == "1.5");
  CHECK(w.run("'a\"b'") == "\"a\\\"b\"");
  CHECK(w.run("b'ab'") == "b\"ab\"");
  CHECK(w.run("[1, 2]") == "[1, 2]");
  CHECK(w.run("{'a': 1, 2: true}", false) == "{\"a\": 1, 2: true}");
  CHECK(w.run("90s") == "duration(\"90s\")");
  CHECK(w.run("-1h") == "duration(\"-3600s\")");
}

TEST_CASE("int arithmetic runs inline with overflow checks") {
  InterpWorld w;
  CHECK(w.run("1 + 2 * 3") == "7");
  CHECK(w.run("7 - 10") == "-3");
  CHECK(w.run("9223372036854775807 + 1") == "<error: integer overflow>");
  CHECK(w.run("-9223372036854775808 - 1") == "<error: integer overflow>");
  CHECK(w.run("4611686018427387904 * 2") == "<error: integer overflow>");
  CHECK(w.run("-(-9223372036854775808)") == "<error: integer overflow>");
  CHECK(w.run("7 / 2") == "3");
  CHECK(w.run("-7 % 3") == "-1");
  CHECK(w.run("1 / 0") == "<error: division by zero>");
  CHECK(w.run("1 % 0") == "<error: modulus by zero>");
  auto r = w.eval("1 + 2 < 4");
  CHECK(r.bytecode.find("lt.int") != std::string::npos);
}

TEST_CASE("double arithmetic and comparisons") {
  InterpWorld w;
  CHECK(w.run("1.5 + 2.25") == "3.75");
  CHECK(w.run("1.0 / 0.0") == "double(\"Infinity\")");
  CHECK(w.run("2.0 > 1.5") == "true");
  CHECK(w.run("-(2.5)") == "-2.5");
  CHECK(w.run("double('NaN') == double('NaN')") == "false");
  CHECK(w.run("2 < 2.5") == "true");
}

TEST_CASE("uint arithmetic goes through the stdlib") {
  InterpWorld w;
  CHECK(w.run("1u + 2u") == "3u");
  CHECK(w.run("0u - 1u") == "<error: unsigned integer overflow>");
}

TEST_CASE("strings and equality") {
  InterpWorld w;
  CHECK(w.run("'ab' + 'cd'") == "\"abcd\"");
  CHECK(w.run("'ab' == 'ab'") == "true");
  CHECK(w.run("'ab' != 'ab'") == "false");
  CHECK(w.run("size('héllo')") == "5");
  CHECK(w.run("'hello'.startsWith('he')") == "true");
  CHECK(w.run("[1, 2] == [1, 2]") == "true");
  CHECK(w.run("{'a': 1} == {'a': 1}") == "true");
  CHECK(w.eval("'a' == 'b'").bytecode.find("eq.string") != std::string::npos);
}

TEST_CASE("dyn arguments are dispatched by their run-time kinds") {
  InterpWorld w;
  CHECK(w.run("dyn(1) + dyn(2)") == "3");
  CHECK(w.run("dyn('a') + dyn('b')") == "\"ab\"");
  CHECK(w.run("dyn(1) == 1.0") == "true");
  CHECK(w.run("dyn(1) + 'a'") == "<error: `+` cannot be applied to `int` and `string`>");
  CHECK(w.run("size(dyn([1, 2, 3]))") == "3");
}

TEST_CASE("unchecked calls choose among every overload of the name") {
  InterpWorld w;
  CHECK(w.run("1 + 1", false) == "2");
  CHECK(w.run("'a' + 1", false) == "<error: `+` cannot be applied to `string` and `int`>");
  CHECK(w.run("-(5u)", false) == "<error: `-` cannot be applied to `uint`>");
  CHECK(w.run("f_unknown(1)", false) == "<error: unbound function `f_unknown`>");
  CHECK(w.run("f_unknown(1) || true", false) == "true");
  CHECK(w.run("x", false) == "<error: undeclared reference to 'x'>");
  CHECK(w.run("1.0 == 1", false) == "true");
}

TEST_CASE("strict calls return their first error argument") {
  InterpWorld w;
  CHECK(w.run("string(1 / 0)") == "<error: division by zero>");
  CHECK(w.run("(1 / 0) + (1 % 0)") == "<error: division by zero>");
  CHECK(w.run("[1 / 0]") == "<error: division by zero>");
  CHECK(w.run("{'a': 1 / 0}") == "<error: division by zero>");
}

TEST_CASE("indexing and selection") {
  InterpWorld w;
  CHECK(w.run("[1, 2, 3][1]") == "2");
  CHECK(w.run("[1, 2, 3][3]") == "<error: index out of range: 3 in a list of size 3>");
  CHECK(w.run("[1, 2, 3][dyn(1u)]") == "2");
  CHECK(w.run("[1, 2, 3][dyn(1.0)]") == "2");
  // A double index names what is wrong with it, as an int's does.
  CHECK(w.run("[1, 2, 3][dyn(0.5)]") == "<error: invalid list index 0.5: not a whole number>");
  CHECK(w.run("[1, 2, 3][?dyn(0.5)]") == "<error: invalid list index 0.5: not a whole number>");
  CHECK(w.run("[1, 2, 3][dyn(1e19)]") ==
        "<error: index out of range: 1e+19 in a list of size 3>");
  CHECK(w.run("[1, 2, 3][?dyn(-1e19)]") == "optional.none()");
  CHECK(w.run("{1: 'x'}[dyn(1.5)]") == "<error: no such key: 1.5>");
  CHECK(w.run("{'a': 1}['a']") == "1");
  CHECK(w.run("{'a': 1}['b']") == "<error: no such key: \"b\">");
  CHECK(w.run("{'a': 1}.a") == "1");
  CHECK(w.run("{1: 'x'}[dyn(1u)]") == "\"x\"");
  CHECK(w.run("{'a': 1}[?'b']") == "optional.none()");
  CHECK(w.run("[1][?0]") == "optional.of(1)");
  CHECK(w.run("{'a': {'b': 2}}.?a.b") == "optional.of(2)");
  CHECK(w.run("dyn({'a': 1}).?b.c") == "optional.none()");
  CHECK(w.run("has({'a': 1}.a)") == "true");
  CHECK(w.run("has({'a': 1}.b)") == "false");
  CHECK(w.run("dyn(1).a").starts_with("<error: type `int` does not support field selection"));
}

TEST_CASE("type values") {
  InterpWorld w;
  CHECK(w.run("type(1) == int") == "true");
  CHECK(w.run("type('a')") == "string");
  CHECK(w.run("google.protobuf.Timestamp") == "google.protobuf.Timestamp");
  CHECK(w.run("type(type(1))", false) == "type");
  CHECK(w.run("int", false) == "int");
}

TEST_CASE("inputs are bound to slots") {
  InterpWorld w;
  w.bind("x", w.fe.program.types.int64(), journey::Value::integer(41));
  w.bind("s", w.fe.program.types.string(), journey::Value::string("hi"));
  CHECK(w.run("x + 1") == "42");
  CHECK(w.run("s + '!'") == "\"hi!\"");
  CHECK(w.run(".x") == "41");
}

TEST_CASE("qualified names bound as one name win over selection") {
  InterpWorld w;
  w.bind("a.b.c", w.fe.program.types.dyn(), journey::Value::string("yeah"));
  w.bind("a.b", w.fe.program.types.dyn(),
         journey::Value::map({{journey::Value::string("c"), journey::Value::string("oops")}}));
  CHECK(w.run("a.b.c", false) == "\"yeah\"");
  // The checker resolves them the same way, longest first, typed as bound.
  CHECK(w.run("a.b.c") == "\"yeah\"");
  CHECK(w.run("a.b.d", false) == "<error: no such key: \"d\">");
  // A leading dot reads the outermost scope's names, dotted ones too.
  CHECK(w.run(".a.b.c") == "\"yeah\"");
  CHECK(w.run(".a.b.c", false) == "\"yeah\"");
}

TEST_CASE("a comprehension's or bind's variable shadows a qualified name it begins") {
  InterpWorld w;
  w.bind("a.b", w.fe.program.types.int64(), journey::Value::integer(1));
  for (bool checked : {true, false}) {
    CHECK(w.run("[{'b': 5}].map(a, a.b)", checked) == "[5]");
    CHECK(w.run("cel.bind(a, {'b': 7}, a.b)", checked) == "7");
    CHECK(w.run("[{'b': 5}].exists(a, a.b == 5)", checked) == "true");
    // A leading dot passes the local, to the name bound outside.
    CHECK(w.run("[{'b': 5}].map(a, .a.b)", checked) == "[1]");
    CHECK(w.run("a.b + 1", checked) == "2");
  }
}

TEST_CASE("a qualified name's prefix may be bound, the rest selected from it") {
  InterpWorld w;
  w.bind("a.b", w.fe.program.types.map(w.fe.program.types.string(), w.fe.program.types.string()),
         journey::Value::map({{journey::Value::string("c"), journey::Value::string("yeah")}}));
  CHECK(w.run("a.b.c") == "\"yeah\"");
  CHECK(w.run("a.b.c", false) == "\"yeah\"");
  CHECK(w.run("a.b['c'] + '!'") == "\"yeah!\"");
  CHECK(w.run("a.x").starts_with("compile error: "));
}

TEST_SUITE_END();
