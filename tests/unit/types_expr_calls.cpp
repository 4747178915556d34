// Expression checking: operators and functions of every overload family, gradual typing with
// dyn, user `fn`s, the journey builtins, and the messages of calls that do not type-check.
#include <doctest/doctest.h>

#include <algorithm>

#include "tests/unit/types_support.h"

using namespace journey;
using journey::test::TypeWorld;

namespace {

// The overload ids the checker recorded for the root call of `source`.
std::vector<std::string> overloadsOf(TypeWorld& w, std::string_view source) {
  test::Checked c = w.check(source);
  std::vector<std::string> out;
  if (c.root == ast::kNoExpr || c.root >= w.facts.overloads.size()) return out;
  for (std::string_view id : w.facts.overloads[c.root]) out.emplace_back(id);
  return out;
}

}  // namespace

TEST_SUITE_BEGIN("types");

TEST_CASE("arithmetic") {
  TypeWorld w;
  test::declareShop(w);
  CHECK(w.typeOf("1 + 2") == "int");
  CHECK(w.typeOf("1u + 2u") == "uint");
  CHECK(w.typeOf("1.0 + 2.0") == "double");
  CHECK(w.typeOf("'a' + 'b'") == "string");
  CHECK(w.typeOf("b'a' + b'b'") == "bytes");
  CHECK(w.typeOf("[1] + [2]") == "list<int>");
  CHECK(w.typeOf("[] + [2]") == "list<dyn>");
  CHECK(w.typeOf("ts + 1h") == "timestamp");
  CHECK(w.typeOf("1h + ts") == "timestamp");
  CHECK(w.typeOf("1h + 30m") == "duration");
  CHECK(w.typeOf("ts - 1h") == "timestamp");
  CHECK(w.typeOf("ts - ts") == "duration");
  CHECK(w.typeOf("1h - 30m") == "duration");
  CHECK(w.typeOf("7 - 2") == "int");
  CHECK(w.typeOf("7u - 2u") == "uint");
  CHECK(w.typeOf("7.0 - 2.0") == "double");
  CHECK(w.typeOf("2 * 3") == "int");
  CHECK(w.typeOf("2u * 3u") == "uint");
  CHECK(w.typeOf("2.0 * 3.0") == "double");
  CHECK(w.typeOf("6 / 3") == "int");
  CHECK(w.typeOf("6u / 3u") == "uint");
  CHECK(w.typeOf("6.0 / 3.0") == "double");
  CHECK(w.typeOf("7 % 3") == "int");
  CHECK(w.typeOf("7u % 3u") == "uint");
  CHECK(w.typeOf("-(5)") == "int");
  CHECK(w.typeOf("-(5.5)") == "double");
  CHECK(w.typeOf("-cart.total") == "double");
  CHECK(w.typeOf("-1h") == "duration");
  CHECK(w.typeOf("ts + -30m") == "timestamp");
  CHECK(overloadsOf(w, "1 + 2") == std::vector<std::string>{"add_int64"});
  CHECK(overloadsOf(w, "ts - ts") == std::vector<std::string>{"subtract_timestamp_timestamp"});

  CHECK(w.errorOf("'count: ' + 3") == "`+` cannot be applied to `string` and `int`");
  CHECK(w.check("'count: ' + 3").diagnostics[0].helps.at(0) ==
        "to join them as text, convert the other side with `string()`");
  // No `string()` where it could not help: a list and an element, a number in quotes.
  CHECK(w.check("['a'] + 'b'").diagnostics[0].helps.at(0) ==
        "to add an element, put it in a list: `['a'] + ['b']`");
  CHECK(w.check("3 + '10'").diagnostics[0].helps.at(0) ==
        "to add a number, write it without quotes: `10`");
  CHECK(w.check("'a' + {'k': 1}").diagnostics[0].helps.empty());
  CHECK(w.errorOf("1 + 1.0") == "`+` cannot be applied to `int` and `double`");
  CHECK(w.check("l[0] + 1.0").diagnostics[0].helps.at(0) ==
        "numbers are not converted implicitly: convert one side with `int()`, `uint()` or "
        "`double()`");
  CHECK(w.errorOf("1 + 1u") == "`+` cannot be applied to `int` and `uint`");
  CHECK(w.check("cart.total / 2").diagnostics[0].helps.at(0) == "write `2.0`");
  CHECK(w.check("10 * cart.total").diagnostics[0].helps.at(0) == "write `10.0`");
  CHECK(w.check("1u + 1").diagnostics[0].helps.at(0) == "write `1u`");
  CHECK(w.errorOf("-(5u)") == "`-` cannot be applied to `uint`");
  CHECK(w.errorOf("-ts") == "`-` cannot be applied to `timestamp`");
  CHECK(w.errorOf("1.5 % 2.0") == "`%` cannot be applied to `double` and `double`");
  CHECK(w.errorOf("[1] + ['a']") == "`+` cannot be applied to `list<int>` and `list<string>`");
  CHECK(w.errorOf("ts + ts") == "`+` cannot be applied to `timestamp` and `timestamp`");
  CHECK(w.errorOf("1h - ts") == "`-` cannot be applied to `duration` and `timestamp`");
  CHECK(w.check("1 + 1.0").diagnostics[0].kind == DiagKind::InvalidOperands);
}

TEST_CASE("comparisons, equality and membership") {
  TypeWorld w;
  test::declareShop(w);
  for (const char* op : {"<", "<=", ">", ">="}) {
    CAPTURE(op);
    auto cmp = [&](const char* a, const char* b) {
      return w.typeOf(std::string(a) + " " + op + " " + b);
    };
    CHECK(cmp("1", "2") == "bool");
    CHECK(cmp("1u", "2u") == "bool");
    CHECK(cmp("1.0", "2.0") == "bool");
    CHECK(cmp("'a'", "'b'") == "bool");
    CHECK(cmp("b'a'", "b'b'") == "bool");
    CHECK(cmp("true", "false") == "bool");
    CHECK(cmp("ts", "ts") == "bool");
    CHECK(cmp("1h", "2h") == "bool");
    // Numbers compare across types, on one number line.
    CHECK(cmp("1", "2u") == "bool");
    CHECK(cmp("1", "2.0") == "bool");
    CHECK(cmp("1u", "2") == "bool");
    CHECK(cmp("1u", "2.0") == "bool");
    CHECK(cmp("1.0", "2") == "bool");
    CHECK(cmp("1.0", "2u") == "bool");
    CHECK(cmp("cart.total", "50") == "bool");
  }
  CHECK(w.errorOf("'a' < 1") == "`<` cannot be applied to `string` and `int`");
  CHECK(w.errorOf("[1] < [2]") == "`<` cannot be applied to `list<int>` and `list<int>`");
  CHECK(w.errorOf("{1: 'a'} >= {1: 'a'}") ==
        "`>=` cannot be applied to `map<int, string>` and `map<int, string>`");
  CHECK(w.errorOf("ts < 1h") == "`<` cannot be applied to `timestamp` and `duration`");

  CHECK(w.typeOf("1 == 1") == "bool");
  CHECK(w.typeOf("cart == cart") == "bool");
  CHECK(w.typeOf("[1] != [2]") == "bool");
  CHECK(w.typeOf("null == null") == "bool");
  CHECK(w.typeOf("d == 1") == "bool");
  CHECK(w.typeOf("1 == d") == "bool");
  CHECK(w.typeOf("[1, 'a'] == [2, 'b']") == "bool");
  CHECK(w.typeOf("type(1) == type('a')") == "bool");
  CHECK(w.typeOf("type([1]) == type(['a'])") == "bool");
  // Equality is homogeneous in the checker (the engines compare numbers across types).
  CHECK(w.errorOf("cart.total == 50") == "`==` cannot be applied to `double` and `int`");
  CHECK(w.errorOf("1 != 1u") == "`!=` cannot be applied to `int` and `uint`");
  CHECK(w.errorOf("'a' == 1") == "`==` cannot be applied to `string` and `int`");
  CHECK(w.errorOf("s == null") == "`==` cannot be applied to `string` and `null_type`");
  CHECK(w.errorOf("[1] == ['a']") == "`==` cannot be applied to `list<int>` and `list<string>`");
  CHECK(w.errorOf("cart == bought") == "`==` cannot be applied to `CartAbandoned` and `Purchase`");

  CHECK(w.typeOf("1 in [1, 2]") == "bool");
  CHECK(w.typeOf("'a' in m") == "bool");
  CHECK(w.typeOf("'a' in [1, 'a']") == "bool");
  CHECK(w.typeOf("d in l") == "bool");
  CHECK(w.typeOf("1 in d") == "bool");
  CHECK(w.typeOf("'gold' in profile.tags") == "bool");
  CHECK(overloadsOf(w, "1 in l") == std::vector<std::string>{"in_list"});
  CHECK(overloadsOf(w, "1 in mi") == std::vector<std::string>{"in_map"});
  CHECK(overloadsOf(w, "1 in d") == std::vector<std::string>{"in_list", "in_map"});
  CHECK(w.errorOf("'a' in l") == "`in` cannot be applied to `string` and `list<int>`");
  CHECK(w.errorOf("1 in m") == "`in` cannot be applied to `int` and `map<string, int>`");
  CHECK(w.errorOf("1 in 'abc'") == "`in` cannot be applied to `int` and `string`");
}

TEST_CASE("logical operators and the conditional") {
  TypeWorld w;
  test::declareShop(w);
  CHECK(w.typeOf("true && false") == "bool");
  CHECK(w.typeOf("true || d") == "bool");
  CHECK(w.typeOf("!true") == "bool");
  CHECK(w.typeOf("!d") == "bool");
  CHECK(overloadsOf(w, "true && false") == std::vector<std::string>{"logical_and"});
  CHECK(w.errorOf("1 && true") == "`&&` cannot be applied to `int` and `bool`");
  CHECK(w.errorOf("'a' || 'b'") == "`||` cannot be applied to `string` and `string`");
  CHECK(w.errorOf("!0") == "`!` cannot be applied to `int`");

  CHECK(w.typeOf("true ? 1 : 2") == "int");
  CHECK(w.typeOf("true ? d : 2") == "dyn");
  CHECK(w.typeOf("true ? [1] : []") == "list<dyn>");
  CHECK(w.typeOf("true ? cart : cart") == "CartAbandoned");
  CHECK(w.typeOf("d ? 'a' : 'b'") == "string");
  CHECK(overloadsOf(w, "true ? 1 : 2") == std::vector<std::string>{"conditional"});
  test::Checked c = w.check("cart.total > 100.0 ? 'big' : 0");
  REQUIRE(c.errors == 1);
  CHECK(c.diagnostics[0].kind == DiagKind::BranchMismatch);
  CHECK(c.diagnostics[0].message ==
        "the branches of `?:` have different types: `string` and `int`");
  CHECK(c.diagnostics[0].secondary.size() == 2);
  CHECK(w.errorOf("1 ? 'a' : 'b'") == "the condition of `?:` must be `bool`, found `int`");
  CHECK(w.errorOf("true ? [1] : ['a']") ==
        "the branches of `?:` have different types: `list<int>` and `list<string>`");
}

TEST_CASE("size, strings and bytes") {
  TypeWorld w;
  test::declareShop(w);
  for (const char* e :
       {"size('abc')", "size(b'abc')", "size([1])", "size({'a': 1})", "'abc'.size()",
        "b'abc'.size()", "[1].size()", "m.size()", "size(d)", "d.size()"}) {
    CAPTURE(e);
    CHECK(w.typeOf(e) == "int");
  }
  CHECK(overloadsOf(w, "size(s)") == std::vector<std::string>{"size_string"});
  CHECK(overloadsOf(w, "s.size()") == std::vector<std::string>{"string_size"});
  CHECK(overloadsOf(w, "size(d)").size() == 4);
  CHECK(w.errorOf("size(1)") == "no overload of `size` takes (int)");
  CHECK(w.check("size(1)").diagnostics[0].kind == DiagKind::NoMatchingOverload);
  CHECK(w.check("size(1)").diagnostics[0].notes.at(0) ==
        "`size` is declared as `size(list<A>) -> int`, `size(map<K, V>) -> int`, "
        "`size(string) -> int`, `size(bytes) -> int`");
  CHECK(w.errorOf("size(1, 2)") == "no overload of `size` takes (int, int)");

  for (const char* e :
       {"s.contains('a')", "s.startsWith('a')", "s.endsWith('a')", "s.matches('a+')",
        "matches(s, 'a+')", "d.startsWith('a')", "s.startsWith(d)"}) {
    CAPTURE(e);
    CHECK(w.typeOf(e) == "bool");
  }
  CHECK(w.errorOf("s.startsWith(1)") == "no overload of `startsWith` on `string` takes (int)");
  CHECK(w.errorOf("1.startsWith('a')") == "`int` has no method `startsWith`");
  CHECK(w.errorOf("startsWith(s, 'a')") == "`startsWith` is a method: write `s.startsWith('a')`");
  CHECK(w.check("startsWith(s, 'a')").diagnostics[0].kind == DiagKind::WrongCallStyle);
  CHECK(w.errorOf("s.int()") == "`int` is a function, not a method: write `int(s)`");
}

TEST_CASE("the strings extension, every arity") {
  TypeWorld w;
  test::declareShop(w);
  CHECK(w.typeOf("s.charAt(1)") == "string");
  CHECK(w.typeOf("s.indexOf('a')") == "int");
  CHECK(w.typeOf("s.indexOf('a', 2)") == "int");
  CHECK(w.typeOf("s.lastIndexOf('a')") == "int");
  CHECK(w.typeOf("s.lastIndexOf('a', 2)") == "int");
  CHECK(w.typeOf("s.lowerAscii()") == "string");
  CHECK(w.typeOf("s.upperAscii()") == "string");
  CHECK(w.typeOf("s.replace('a', 'b')") == "string");
  CHECK(w.typeOf("s.replace('a', 'b', 1)") == "string");
  CHECK(w.typeOf("s.split(',')") == "list<string>");
  CHECK(w.typeOf("s.split(',', 2)") == "list<string>");
  CHECK(w.typeOf("s.substring(1)") == "string");
  CHECK(w.typeOf("s.substring(1, 2)") == "string");
  CHECK(w.typeOf("s.trim()") == "string");
  CHECK(w.typeOf("['a', 'b'].join()") == "string");
  CHECK(w.typeOf("profile.tags.join(', ')") == "string");
  CHECK(w.typeOf("s.reverse()") == "string");
  CHECK(w.typeOf("'%s is %d'.format(['a', 1])") == "string");
  CHECK(w.typeOf("'%s'.format([d])") == "string");
  CHECK(w.typeOf("strings.quote(s)") == "string");
  CHECK(w.errorOf("s.substring(1, 2, 3)") ==
        "no overload of `substring` on `string` takes (int, int, int)");
  CHECK(w.errorOf("[1, 2].join()") == "`list<int>` has no method `join`");
  CHECK(w.errorOf("s.format('a')") == "no overload of `format` on `string` takes (string)");
  CHECK(w.errorOf("s.lenght()") == "unknown method `lenght`");
  CHECK(w.errorOf("strings.quote(1)") == "no overload of `strings.quote` takes (int)");
}

TEST_CASE("literal format strings are checked against their values") {
  TypeWorld w;
  test::declareShop(w);
  CHECK(w.typeOf("'%s has %d items (%.2f%%)'.format([s, size(l), 1.5])") == "string");
  CHECK(w.typeOf("'%x %X %o %b %e'.format([255, 'hi', 8u, true, 1.0])") == "string");
  CHECK(w.typeOf("'%d'.format(l)") == "string");
  CHECK(w.typeOf("'%d'.format([d])") == "string");
  CHECK(w.typeOf("s.format([1, 2, 3])") == "string");  // not a literal: checked at run time
  test::Checked c = w.check("'%d items'.format([cart.cartId])");
  REQUIRE(c.errors == 1);
  CHECK(c.diagnostics[0].kind == DiagKind::InvalidFormat);
  CHECK(c.diagnostics[0].message == "`%d` cannot format a value of type `string`");
  CHECK(c.diagnostics[0].notes.at(0) == "`%d` formats `int`, `uint` or `double`");
  CHECK(w.errorOf("'%o'.format([1.5])") == "`%o` cannot format a value of type `double`");
  CHECK(w.errorOf("'%b'.format(['a'])") == "`%b` cannot format a value of type `string`");
  CHECK(w.errorOf("'%x'.format([1.5])") == "`%x` cannot format a value of type `double`");
  CHECK(w.errorOf("'%f'.format(profile.tags)") == "`%f` cannot format a value of type `string`");
  CHECK(w.errorOf("'%s and %s'.format([s])") ==
        "the format string has 2 clauses but 1 value is given");
  CHECK(w.errorOf("'%s'.format([])") == "the format string has 1 clause but 0 values are given");
  CHECK(w.errorOf("'%a'.format([1])") == "unknown format clause `%a` in the format string");
  CHECK(w.errorOf("'100%'.format([])") == "unknown format clause `%` in the format string");
  CHECK(w.errorOf("'%.2d'.format([1])") == "`%d` takes no precision; only `%f` and `%e` do");
  CHECK(w.errorOf("'%.f'.format([1.0])") ==
        "a precision in a format clause needs digits, like `%.2f`");
}

TEST_CASE("conversions and type values") {
  TypeWorld w;
  test::declareShop(w);
  for (const char* a : {"1", "1u", "1.5", "'1'", "ts", "d"})
    CHECK(w.typeOf(std::string("int(") + a + ")") == "int");
  for (const char* a : {"1", "1u", "1.5", "'1'", "d"})
    CHECK(w.typeOf(std::string("uint(") + a + ")") == "uint");
  for (const char* a : {"1", "1u", "1.5", "'1e3'", "d"})
    CHECK(w.typeOf(std::string("double(") + a + ")") == "double");
  for (const char* a : {"1", "1u", "1.5", "'a'", "b'a'", "true", "ts", "1h", "d"}) {
    CHECK(w.typeOf(std::string("string(") + a + ")") == "string");
  }
  CHECK(w.typeOf("bytes('a')") == "bytes");
  CHECK(w.typeOf("bytes(b'a')") == "bytes");
  CHECK(w.typeOf("bool('true')") == "bool");
  CHECK(w.typeOf("bool(true)") == "bool");
  CHECK(w.typeOf("timestamp('2026-01-01T00:00:00Z')") == "timestamp");
  CHECK(w.typeOf("timestamp(0)") == "timestamp");
  CHECK(w.typeOf("timestamp(ts)") == "timestamp");
  CHECK(w.typeOf("duration('1h')") == "duration");
  CHECK(w.typeOf("duration(1h)") == "duration");
  CHECK(w.typeOf("dyn(1)") == "dyn");
  CHECK(w.typeOf("dyn([1, 'a'])") == "dyn");
  CHECK(w.typeOf("type(1)") == "type<int>");
  CHECK(w.typeOf("type(cart)") == "type<CartAbandoned>");
  CHECK(w.typeOf("type(type(1))") == "type<type<int>>");
  CHECK(overloadsOf(w, "int(1.5)") == std::vector<std::string>{"double_to_int64"});
  CHECK(overloadsOf(w, "int(d)").size() == 5);
  CHECK(w.errorOf("int(b'1')") == "no overload of `int` takes (bytes)");
  CHECK(w.errorOf("bytes(1)") == "no overload of `bytes` takes (int)");
  CHECK(w.errorOf("duration(1)") == "no overload of `duration` takes (int)");
  CHECK(w.errorOf("timestamp(1.5)") == "no overload of `timestamp` takes (double)");
  CHECK(w.errorOf("bool(1)") == "no overload of `bool` takes (int)");
  CHECK(w.errorOf("uint(ts)") == "no overload of `uint` takes (timestamp)");
}

TEST_CASE("timestamp and duration accessors, with and without a time zone") {
  TypeWorld w;
  test::declareShop(w);
  for (const char* f :
       {"getFullYear", "getMonth", "getDayOfYear", "getDayOfMonth", "getDate", "getDayOfWeek",
        "getHours", "getMinutes", "getSeconds", "getMilliseconds"}) {
    CAPTURE(f);
    CHECK(w.typeOf(std::string("ts.") + f + "()") == "int");
    CHECK(w.typeOf(std::string("ts.") + f + "('Europe/Paris')") == "int");
  }
  for (const char* f : {"getHours", "getMinutes", "getSeconds", "getMilliseconds"}) {
    CAPTURE(f);
    CHECK(w.typeOf(std::string("1h.") + f + "()") == "int");
  }
  CHECK(w.errorOf("1h.getFullYear()") == "`duration` has no method `getFullYear`");
  CHECK(w.errorOf("1h.getHours('UTC')") ==
        "no overload of `getHours` on `duration` takes (string)");
  CHECK(w.errorOf("ts.getHours(1)") == "no overload of `getHours` on `timestamp` takes (int)");
  CHECK(overloadsOf(w, "d.getHours()").size() == 2);
}

TEST_CASE("the math extension") {
  TypeWorld w;
  test::declareShop(w);
  CHECK(w.typeOf("math.greatest(1)") == "int");
  CHECK(w.typeOf("math.greatest(1u)") == "uint");
  CHECK(w.typeOf("math.greatest(1.0)") == "double");
  CHECK(w.typeOf("math.greatest(1, 2)") == "int");
  CHECK(w.typeOf("math.greatest(1u, 2u)") == "uint");
  CHECK(w.typeOf("math.greatest(1.0, 2.0)") == "double");
  CHECK(w.typeOf("math.greatest(1, 2.0)") == "dyn");
  CHECK(w.typeOf("math.least(1u, -2)") == "dyn");
  CHECK(w.typeOf("math.greatest(1, 2, 3)") == "int");
  CHECK(w.typeOf("math.least(1.0, 2.0, 3.0, 4.0)") == "double");
  CHECK(w.typeOf("math.least(1, 2.0, 3u)") == "dyn");
  CHECK(w.typeOf("math.greatest([1, 2])") == "int");
  CHECK(w.typeOf("math.greatest([1.0, 2u])") == "dyn");
  CHECK(w.typeOf("math.least(l)") == "int");
  CHECK(w.typeOf("math.least(d)") == "dyn");
  CHECK(overloadsOf(w, "math.greatest(1, 2, 3)") ==
        std::vector<std::string>{"math_greatest_list_int64"});
  CHECK(w.errorOf("math.greatest('a')") == "no overload of `math.greatest` takes (string)");
  CHECK(w.errorOf("math.greatest(1, 2, 'a')") ==
        "no overload of `math.greatest` takes (int, int, string)");
  CHECK(w.errorOf("math.least(['a'])") == "no overload of `math.least` takes (list<string>)");

  for (const char* f : {"ceil", "floor", "round", "trunc"}) {
    CAPTURE(f);
    CHECK(w.typeOf(std::string("math.") + f + "(1.5)") == "double");
    CHECK(w.errorOf(std::string("math.") + f + "(1)") ==
          std::string("no overload of `math.") + f + "` takes (int)");
  }
  for (const char* f : {"abs", "sign"}) {
    CAPTURE(f);
    CHECK(w.typeOf(std::string("math.") + f + "(-1)") == "int");
    CHECK(w.typeOf(std::string("math.") + f + "(1u)") == "uint");
    CHECK(w.typeOf(std::string("math.") + f + "(-1.5)") == "double");
  }
  for (const char* f : {"isNaN", "isInf", "isFinite"}) {
    CAPTURE(f);
    CHECK(w.typeOf(std::string("math.") + f + "(1.5)") == "bool");
  }
  for (const char* f : {"bitAnd", "bitOr", "bitXor"}) {
    CAPTURE(f);
    CHECK(w.typeOf(std::string("math.") + f + "(1, 2)") == "int");
    CHECK(w.typeOf(std::string("math.") + f + "(1u, 2u)") == "uint");
    CHECK(w.errorOf(std::string("math.") + f + "(1, 2u)") ==
          std::string("no overload of `math.") + f + "` takes (int, uint)");
  }
  CHECK(w.typeOf("math.bitNot(1)") == "int");
  CHECK(w.typeOf("math.bitNot(1u)") == "uint");
  CHECK(w.typeOf("math.bitShiftLeft(1, 2)") == "int");
  CHECK(w.typeOf("math.bitShiftLeft(1u, 2)") == "uint");
  CHECK(w.typeOf("math.bitShiftRight(1, 2)") == "int");
  CHECK(w.typeOf("math.bitShiftRight(1u, 2)") == "uint");
  CHECK(w.errorOf("math.bitShiftLeft(1u, 2u)") ==
        "no overload of `math.bitShiftLeft` takes (uint, uint)");

  CHECK(w.typeOf("math.sum([1, 2])") == "int");
  CHECK(w.typeOf("math.sum([1u])") == "uint");
  CHECK(w.typeOf("math.sum(cart.items.map(i, i.price))") == "double");
  CHECK(w.typeOf("math.sum([])") == "dyn");
  CHECK(w.typeOf("math.avg([1, 2])") == "double");
  CHECK(w.typeOf("math.avg([1u])") == "double");
  CHECK(w.typeOf("math.avg([1.5])") == "double");
  CHECK(w.typeOf("math.avg(d)") == "double");
  CHECK(w.errorOf("math.sum(['a'])") == "no overload of `math.sum` takes (list<string>)");
  CHECK(w.errorOf("math.avg(1)") == "no overload of `math.avg` takes (int)");
  CHECK(w.errorOf("math.sqrt(2.0)") == "unknown function `math.sqrt`");
}

TEST_CASE("optional values") {
  TypeWorld w;
  test::declareShop(w);
  CHECK(w.typeOf("optional.of(1)") == "optional<int>");
  CHECK(w.typeOf("optional.ofNonZeroValue('')") == "optional<string>");
  CHECK(w.typeOf("optional.none()") == "optional<dyn>");
  CHECK(w.typeOf("o.hasValue()") == "bool");
  CHECK(w.typeOf("o.value()") == "string");
  CHECK(w.typeOf("o.orValue('x')") == "string");
  CHECK(w.typeOf("o.or(optional.of('x'))") == "optional<string>");
  CHECK(w.typeOf("o.or(optional.none())") == "optional<dyn>");
  CHECK(w.typeOf("optional.none().orValue(42)") == "dyn");
  CHECK(w.errorOf("o.orValue(1)") == "no overload of `orValue` on `optional<string>` takes (int)");
  CHECK(w.errorOf("s.hasValue()") == "`string` has no method `hasValue`");
  CHECK(w.errorOf("o.or('x')") == "no overload of `or` on `optional<string>` takes (string)");
}

TEST_CASE("encoders") {
  TypeWorld w;
  CHECK(w.typeOf("base64.encode(b'hello')") == "string");
  CHECK(w.typeOf("base64.decode('aGVsbG8=')") == "bytes");
  CHECK(w.errorOf("base64.encode('hello')") == "no overload of `base64.encode` takes (string)");
}

TEST_CASE("unknown functions suggest a near name") {
  TypeWorld w;
  test::declareShop(w);
  test::Checked c = w.check("lenght(s)");
  REQUIRE(c.errors == 1);
  CHECK(c.diagnostics[0].kind == DiagKind::UnknownFunction);
  CHECK(c.diagnostics[0].message == "unknown function `lenght`");
  CHECK(w.check("sise(s)").diagnostics[0].helps.at(0) == "did you mean `size`?");
  CHECK(w.check("s.startswith('a')").diagnostics[0].helps.at(0) == "did you mean `startsWith`?");
  CHECK(w.check("discountd(1.0, 2.0)").diagnostics[0].helps.at(0) == "did you mean `discounted`?");
  CHECK(w.check("math.gretest(1)").diagnostics[0].helps.at(0) == "did you mean `math.greatest`?");
}

TEST_CASE("gradual typing: dyn arguments keep every overload that may apply") {
  TypeWorld w;
  test::declareShop(w);
  CHECK(w.typeOf("d + 1") == "int");  // only int + int takes an int on the right
  CHECK(overloadsOf(w, "d + 1") == std::vector<std::string>{"add_int64"});
  CHECK(w.typeOf("d + d") == "dyn");
  CHECK(overloadsOf(w, "d + d").size() == 9);
  CHECK(w.typeOf("d < 1") == "bool");
  CHECK(overloadsOf(w, "d < 1") ==
        std::vector<std::string>{"less_int64", "less_uint64_int64", "less_double_int64"});
  CHECK(w.typeOf("d.size()") == "int");
  CHECK(w.typeOf("d.foo") == "dyn");
  CHECK(w.typeOf("d[0]") == "dyn");
  CHECK(w.typeOf("d.startsWith('a') && d > 2") == "bool");
  CHECK(w.typeOf("dyn(cart).whatever") == "dyn");
  CHECK(w.typeOf("[1, 'a'][0] + 1") == "int");
  CHECK(w.typeOf("{'a': 1, 'b': 'x'}.a") == "dyn");
}

TEST_CASE("calls to the program's fns") {
  TypeWorld w;
  test::declareShop(w);
  CHECK(w.typeOf("discounted(cart.total, 0.1)") == "double");
  CHECK(overloadsOf(w, "discounted(1.0, 0.1)") == std::vector<std::string>{"discounted"});
  CHECK(w.typeOf("discounted(d, d)") == "double");
  test::Checked c = w.check("discounted(cart.total)");
  REQUIRE(c.errors == 1);
  CHECK(c.diagnostics[0].kind == DiagKind::WrongArgumentCount);
  CHECK(c.diagnostics[0].message == "`discounted` takes 2 arguments, but 1 was given");
  CHECK(w.errorOf("discounted(1, 0.1)") ==
        "argument 1 of `discounted` must be `double`, found `int`");
  CHECK(w.errorOf("discounted(1.0, 'a')") ==
        "argument 2 of `discounted` must be `double`, found `string`");
  CHECK(w.check("discounted(1, 0.1)").diagnostics[0].helps.at(0) == "write `1.0`");
  CHECK(w.check("discounted(cart.total, l[0])").diagnostics[0].helps.at(0) ==
        "numbers are not converted implicitly: write `double(l[0])`");
}

TEST_CASE("now(), history() and inAudience()") {
  TypeWorld w;
  test::declareShop(w);
  CHECK(w.typeOf("now()") == "timestamp");
  CHECK(w.typeOf("now() - profile.?lastPurchase.orValue(now()) > 30d") == "bool");
  CHECK(w.typeOf("history(Purchase, 180d)") == "list<Purchase>");
  CHECK(w.typeOf("size(history(Purchase, 180d)) == 0") == "bool");
  CHECK(w.typeOf("history(CartAbandoned, 30d).map(c, c.total)") == "list<double>");
  CHECK(w.typeOf("history(Purchase, 1d)[0].time") == "timestamp");
  CHECK(w.typeOf("inAudience(Gold)") == "bool");
  CHECK(overloadsOf(w, "history(Purchase, 1d)") == std::vector<std::string>{"history"});
  CHECK(overloadsOf(w, "inAudience(Gold)") == std::vector<std::string>{"in_audience"});
  CHECK(overloadsOf(w, "now()") == std::vector<std::string>{"now"});

  test::Checked c = w.check("history(Purchse, 30d)");
  REQUIRE(c.errors == 1);
  CHECK(c.diagnostics[0].kind == DiagKind::UnknownEvent);
  CHECK(c.diagnostics[0].message == "unknown event type `Purchse`");
  CHECK(c.diagnostics[0].helps.at(0) == "did you mean `Purchase`?");
  CHECK(w.errorOf("history(Item, 30d)") == "unknown event type `Item`");
  CHECK(w.errorOf("history('Purchase', 30d)") ==
        "the first argument of `history` must be an event type name, like `Purchase`");
  CHECK(w.errorOf("history(Purchase, 30)") ==
        "the window of `history` must be `duration`, found `int`");
  CHECK(w.errorOf("history(Purchase)") ==
        "`history` takes an event type and a duration, like `history(Purchase, 30d)`");

  c = w.check("inAudience(Gld)");
  REQUIRE(c.errors == 1);
  CHECK(c.diagnostics[0].kind == DiagKind::UnknownAudience);
  CHECK(c.diagnostics[0].message == "unknown audience `Gld`");
  CHECK(c.diagnostics[0].helps.at(0) == "did you mean `Gold`?");
  CHECK(w.errorOf("inAudience('Gold')") ==
        "the argument of `inAudience` must be an audience name, like `Gold`");
  CHECK(w.errorOf("now(1)") == "no overload of `now` takes (int)");
}

TEST_CASE("fn bodies and const values are pure") {
  TypeWorld w;
  test::declareShop(w);
  sema::Scope pure;  // like a `fn` body: no `profile` declared
  pure.makePure("a `fn` body", "pass the value it needs as a parameter");
  pure.declare("tier", w.types.string());
  CHECK(w.check("tier == 'gold'", pure).errors == 0);
  CHECK(w.check("LIMIT * 2", pure).errors == 0);
  CHECK(w.check("discounted(1.0, 0.5)", pure).errors == 0);
  for (const char* e : {"now()", "history(Purchase, 1d)", "inAudience(Gold)", "profile.id"}) {
    CAPTURE(e);
    test::Checked c = w.check(e, pure);
    REQUIRE(c.errors == 1);
    CHECK(c.diagnostics[0].kind == DiagKind::ImpureExpression);
  }
  CHECK(w.check("now()", pure).diagnostics[0].message == "`now()` cannot be used in a `fn` body");
  CHECK(w.check("profile.id", pure).diagnostics[0].message ==
        "`profile` cannot be read in a `fn` body");
  // The help is the place's own: a journey's timeout takes no parameters.
  CHECK(w.check("profile.id", pure).diagnostics[0].helps ==
        std::vector<std::string>{"pass the value it needs as a parameter"});
  sema::Scope clause;
  clause.makePure("a `timeout`", sema::kWholeJourneyValue);
  CHECK(w.check("now()", clause).diagnostics[0].helps ==
        std::vector<std::string>{std::string(sema::kWholeJourneyValue)});
  // A scope inside names the place of the outermost pure one.
  sema::Scope inner(&pure);
  CHECK(w.check("profile.id", inner).diagnostics[0].message ==
        "`profile` cannot be read in a `fn` body");
  CHECK(w.check("size(history(Purchase, 1d)) > 0", pure).errors == 1);
  // Purity is inherited by nested scopes.
  sema::Scope nested(&pure);
  CHECK(w.check("now()", nested).errors == 1);
}

TEST_SUITE_END();
