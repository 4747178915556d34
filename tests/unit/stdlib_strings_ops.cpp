// String functions: size, the standard predicates, matches and the strings extension (format
// and strings.quote are in stdlib_strings_format.cpp).
#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "tests/unit/stdlib_support.h"

using namespace journey;
using namespace journey::test::values;
using journey::test::callOverload;
using journey::test::printCall;

namespace {


}  // namespace

TEST_SUITE_BEGIN("stdlib");

TEST_CASE("stdlib ext strings: size counts code points, bytes count bytes") {
  for (const char* id : {"size_string", "string_size"}) {
    CAPTURE(id);
    CHECK(printCall(id, {s("")}) == "0");
    CHECK(printCall(id, {s("A")}) == "1");
    CHECK(printCall(id, {s("ÿ")}) == "1");
    CHECK(printCall(id, {s("🐱😀😛")}) == "3");
  }
  for (const char* id : {"size_bytes", "bytes_size"}) {
    CAPTURE(id);
    CHECK(printCall(id, {b("")}) == "0");
    CHECK(printCall(id, {b("ÿ")}) == "2");
  }
}

TEST_CASE("stdlib ext strings: contains, startsWith, endsWith") {
  CHECK(printCall("contains_string", {s("hello"), s("ell")}) == "true");
  CHECK(printCall("contains_string", {s("hello"), s("")}) == "true");
  CHECK(printCall("contains_string", {s(""), s("x")}) == "false");
  CHECK(printCall("starts_with_string", {s("завтра"), s("за")}) == "true");
  CHECK(printCall("starts_with_string", {s(""), s("foo")}) == "false");
  CHECK(printCall("ends_with_string", {s("🐱😀😛"), s("😛")}) == "true");
  CHECK(printCall("ends_with_string", {s("foobar"), s("foo")}) == "false");
  CHECK(printCall("ends_with_string", {s(""), s("")}) == "true");
}

TEST_CASE("stdlib ext strings: matches finds a substring with RE2") {
  for (const char* id : {"matches", "matches_string"}) {
    CAPTURE(id);
    CHECK(printCall(id, {s("grey"), s("gr(a|e)y")}) == "true");
    CHECK(printCall(id, {s("mañana"), s("a+ñ+a+")}) == "true");
    CHECK(printCall(id, {s("xbananax"), s("ba(na)*")}) == "true");
    CHECK(printCall(id, {s("xbananax"), s("^ba(na)*$")}) == "false");
    CHECK(printCall(id, {s(""), s("")}) == "true");
  }
  // The cache holds 16 patterns: cycling through more keeps every answer right.
  for (int round = 0; round < 3; ++round) {
    for (int k = 0; k < 40; ++k) {
      std::string pattern = "^a{" + std::to_string(k) + "}$";
      CAPTURE(pattern);
      CHECK(printCall("matches", {s(std::string(k, 'a')), s(pattern)}) == "true");
      CHECK(printCall("matches", {s(std::string(k + 1, 'a')), s(pattern)}) == "false");
    }
  }
}

TEST_CASE("stdlib ext strings: a bad regular expression is an error naming the problem") {
  Value r = callOverload("matches_string", {s("abc"), s("a(b")});
  REQUIRE(r.isError());
  std::string message(r.errorMessage());
  CHECK(message.find("invalid regular expression `a(b`") != std::string::npos);
  CHECK(message.find("missing )") != std::string::npos);
  // Again, from the cache.
  CHECK(callOverload("matches", {s("abc"), s("a(b")}).isError());
  CHECK(callOverload("matches", {s("abc"), s("[z-a]")}).isError());
}

TEST_CASE("stdlib ext strings: charAt") {
  CHECK(printCall("string_char_at_int", {s("tacocat"), i(0)}) == "\"t\"");
  CHECK(printCall("string_char_at_int", {s("tacocat"), i(7)}) == "\"\"");
  CHECK(printCall("string_char_at_int", {s("©αT"), i(1)}) == "\"α\"");
  CHECK(printCall("string_char_at_int", {s("©αT"), i(2)}) == "\"T\"");
  CHECK(printCall("string_char_at_int", {s("🐱x"), i(0)}) == "\"🐱\"");
  CHECK(printCall("string_char_at_int", {s("tacocat"), i(30)}) ==
        "<error: index out of range: 30 in a string of length 7>");
  CHECK(printCall("string_char_at_int", {s("tacocat"), i(-1)}) ==
        "<error: index out of range: -1 in a string of length 7>");
}

TEST_CASE("stdlib ext strings: indexOf and lastIndexOf count code points") {
  CHECK(printCall("string_index_of_string", {s("tacocat"), s("ac")}) == "1");
  CHECK(printCall("string_index_of_string", {s("tacocat"), s("")}) == "0");
  CHECK(printCall("string_index_of_string", {s("hello wello"), s("elbo room!!")}) == "-1");
  CHECK(printCall("string_index_of_string", {s("ta©o©αT"), s("αT")}) == "5");
  CHECK(printCall("string_index_of_string_int", {s("tacocat"), s("at"), i(3)}) == "5");
  CHECK(printCall("string_index_of_string_int", {s("ta©o©αT"), s("©"), i(3)}) == "4");
  CHECK(printCall("string_index_of_string_int", {s("ta©o©αT"), s("©αT"), i(3)}) == "4");
  CHECK(printCall("string_index_of_string_int", {s("hello wello"), s("ello"), i(6)}) == "7");
  CHECK(printCall("string_index_of_string_int", {s("abc"), s(""), i(3)}) == "3");
  CHECK(printCall("string_index_of_string_int", {s("abc"), s("a"), i(4)}) ==
        "<error: index out of range: 4 in a string of length 3>");
  CHECK(printCall("string_index_of_string_int", {s("abc"), s("a"), i(-1)}) ==
        "<error: index out of range: -1 in a string of length 3>");

  CHECK(printCall("string_last_index_of_string", {s("tacocat"), s("")}) == "7");
  CHECK(printCall("string_last_index_of_string", {s("ta©o©αT"), s("©")}) == "4");
  CHECK(printCall("string_last_index_of_string", {s("hello wello"), s("hello wello")}) == "0");
  CHECK(printCall("string_last_index_of_string", {s("hello wello"), s("elbo room!!")}) == "-1");
  CHECK(printCall("string_last_index_of_string_int", {s("tacocat"), s(""), i(3)}) == "3");
  CHECK(printCall("string_last_index_of_string_int", {s("ta©o©αT"), s("©"), i(3)}) == "2");
  CHECK(printCall("string_last_index_of_string_int", {s("tacocat"), s("at"), i(7)}) == "5");
  CHECK(printCall("string_last_index_of_string_int", {s("tacocat"), s("a"), i(4)}) == "1");
  CHECK(printCall("string_last_index_of_string_int", {s("tacocat"), s("at"), i(4)}) == "-1");
  CHECK(printCall("string_last_index_of_string_int", {s("tacocat"), s("t"), i(8)}) ==
        "<error: index out of range: 8 in a string of length 7>");
  CHECK(printCall("string_last_index_of_string_int", {s("tacocat"), s("t"), i(-2)}) ==
        "<error: index out of range: -2 in a string of length 7>");
}

TEST_CASE("stdlib ext strings: lowerAscii and upperAscii touch ASCII letters only") {
  CHECK(printCall("string_lower_ascii", {s("TacoCÆt")}) == "\"tacocÆt\"");
  CHECK(printCall("string_upper_ascii", {s("TacoCÆt Xii")}) == "\"TACOCÆT XII\"");
  CHECK(printCall("string_upper_ascii", {s("tacoCαt")}) == "\"TACOCαT\"");
  CHECK(printCall("string_lower_ascii", {s("")}) == "\"\"");
  Value unchanged = s("already lower 123");
  CHECK(callOverload("string_lower_ascii", {unchanged}).heapObject() == unchanged.heapObject());
}

TEST_CASE("stdlib ext strings: replace") {
  CHECK(printCall("string_replace_string_string", {s("{0} days {0} hours"), s("{0}"), s("2")}) ==
        "\"2 days 2 hours\"");
  CHECK(printCall("string_replace_string_string", {s("12 days"), s("{0}"), s("2")}) ==
        "\"12 days\"");
  CHECK(printCall("string_replace_string_string", {s("1 ©αT taco"), s("αT"), s("o©α")}) ==
        "\"1 ©o©α taco\"");
  CHECK(printCall("string_replace_string_string_int",
                  {s("{0} days {0} hours"), s("{0}"), s("2"), i(1)}) == "\"2 days {0} hours\"");
  CHECK(printCall("string_replace_string_string_int", {s("aaa"), s("a"), s("b"), i(0)}) ==
        "\"aaa\"");
  CHECK(printCall("string_replace_string_string_int", {s("aaa"), s("a"), s("b"), i(-1)}) ==
        "\"bbb\"");
  CHECK(printCall("string_replace_string_string_int", {s("aaa"), s("a"), s("b"), i(9)}) ==
        "\"bbb\"");
  // An empty pattern matches around every code point.
  CHECK(printCall("string_replace_string_string", {s("©a"), s(""), s("-")}) == "\"-©-a-\"");
  CHECK(printCall("string_replace_string_string_int", {s("©a"), s(""), s("-"), i(2)}) ==
        "\"-©-a\"");
  CHECK(printCall("string_replace_string_string", {s(""), s(""), s("x")}) == "\"x\"");
  CHECK(printCall("string_replace_string_string", {s("abc"), s("abc"), s("")}) == "\"\"");
}

TEST_CASE("stdlib ext strings: split") {
  CHECK(printCall("string_split_string", {s("a,b,,c"), s(",")}) == "[\"a\", \"b\", \"\", \"c\"]");
  CHECK(printCall("string_split_string", {s("abc"), s(",")}) == "[\"abc\"]");
  CHECK(printCall("string_split_string", {s(""), s(",")}) == "[\"\"]");
  CHECK(printCall("string_split_string", {s("©αT"), s("")}) == "[\"©\", \"α\", \"T\"]");
  CHECK(printCall("string_split_string", {s(""), s("")}) == "[]");
  CHECK(printCall("string_split_string_int", {s("hello world events!"), s(" "), i(0)}) == "[]");
  CHECK(printCall("string_split_string_int", {s("o©o©o©o"), s("©"), i(-1)}) ==
        "[\"o\", \"o\", \"o\", \"o\"]");
  CHECK(printCall("string_split_string_int", {s("o©o©o©o"), s("©"), i(2)}) ==
        "[\"o\", \"o©o©o\"]");
  CHECK(printCall("string_split_string_int", {s("o©o"), s("©"), i(1)}) == "[\"o©o\"]");
  CHECK(printCall("string_split_string_int", {s("o©o"), s("©"), i(10)}) == "[\"o\", \"o\"]");
  CHECK(printCall("string_split_string_int", {s("©αT"), s(""), i(2)}) == "[\"©\", \"αT\"]");
}

TEST_CASE("stdlib ext strings: substring") {
  CHECK(printCall("string_substring_int", {s("tacocat"), i(4)}) == "\"cat\"");
  CHECK(printCall("string_substring_int", {s("tacocat"), i(7)}) == "\"\"");
  CHECK(printCall("string_substring_int", {s("ta©o©αT"), i(4)}) == "\"©αT\"");
  CHECK(printCall("string_substring_int", {s("tacocat"), i(8)}) ==
        "<error: index out of range: 8 in a string of length 7>");
  CHECK(printCall("string_substring_int_int", {s("tacocat"), i(0), i(4)}) == "\"taco\"");
  CHECK(printCall("string_substring_int_int", {s("tacocat"), i(4), i(4)}) == "\"\"");
  CHECK(printCall("string_substring_int_int", {s("ta©o©αT"), i(2), i(6)}) == "\"©o©α\"");
  CHECK(printCall("string_substring_int_int", {s("tacocat"), i(1), i(50)}) ==
        "<error: index out of range: 50 in a string of length 7>");
  CHECK(printCall("string_substring_int_int", {s("tacocat"), i(49), i(50)}) ==
        "<error: index out of range: 49 in a string of length 7>");
  CHECK(printCall("string_substring_int_int", {s("tacocat"), i(-1), i(2)}) ==
        "<error: index out of range: -1 in a string of length 7>");
  CHECK(printCall("string_substring_int_int", {s("tacocat"), i(3), i(1)}) ==
        "<error: invalid substring range: start 3, end 1>");
}

TEST_CASE("stdlib ext strings: trim removes Unicode whitespace") {
  CHECK(printCall("string_trim", {s("  \t\n text \r\v\f")}) == "\"text\"");
  CHECK(printCall("string_trim",
                  {s("text\u2000\u2001\u2002\u2003\u2004\u2004\u2006\u2007\u2008\u2009")}) ==
        "\"text\"");
  CHECK(printCall("string_trim", {s("\u00a0\u1680\u3000a b\u202f\u205f\u2028\u2029\u0085")}) ==
        "\"a b\"");
  // Zero-width spaces are not whitespace.
  CHECK(printCall("string_trim", {s("\u200bx\u200b")}) == "\"\u200bx\u200b\"");
  CHECK(printCall("string_trim", {s("   ")}) == "\"\"");
  CHECK(printCall("string_trim", {s("")}) == "\"\"");
  CHECK(printCall("string_trim", {s("ü")}) == "\"ü\"");
}

TEST_CASE("stdlib ext strings: join") {
  Value list = Value::list({s("x"), s("y"), s("©")});
  CHECK(printCall("list_join", {list}) == "\"xy©\"");
  CHECK(printCall("list_join_string", {list, s(", ")}) == "\"x, y, ©\"");
  CHECK(printCall("list_join", {Value::list({})}) == "\"\"");
  CHECK(printCall("list_join_string", {Value::list({s("a")}), s("-")}) == "\"a\"");
  CHECK(printCall("list_join_string", {Value::list({s("a"), i(1)}), s("-")}) ==
        "<error: `join` takes a list of strings, found an element of type `int`>");
}

TEST_CASE("stdlib ext strings: reverse") {
  CHECK(printCall("string_reverse", {s("")}) == "\"\"");
  CHECK(printCall("string_reverse", {s("☺")}) == "\"☺\"");
  CHECK(printCall("string_reverse", {s("abc")}) == "\"cba\"");
  CHECK(printCall("string_reverse", {s("Ta©oCαt")}) == "\"tαCo©aT\"");
  CHECK(printCall("string_reverse", {s("🐱😀x")}) == "\"x😀🐱\"");
}

TEST_SUITE_END();
