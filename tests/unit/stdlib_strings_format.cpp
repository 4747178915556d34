// The strings extension's format() and strings.quote().
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <string>

#include "tests/unit/stdlib_support.h"
#include "vm/value/value_convert.h"

using namespace journey;
using namespace journey::test::values;
using journey::test::callOverload;
using journey::test::printCall;

namespace {


// format(f, [args...]) as plain text, or `<error: ...>`.
std::string format(std::string_view f, std::initializer_list<Value> args) {
  Value r = callOverload("string_format_list", {s(f), Value::list(std::vector<Value>(args))});
  if (r.isError()) return "<error: " + std::string(r.errorMessage()) + ">";
  REQUIRE(r.kind() == ValueKind::String);
  return std::string(r.asString());
}

std::string quote(std::string_view text) {
  return std::string(callOverload("strings_quote", {s(text)}).asString());
}
}  // namespace

TEST_SUITE_BEGIN("stdlib");

TEST_CASE("stdlib ext strings format: text, escapes and %s of scalars") {
  CHECK(format("no substitution", {}) == "no substitution");
  CHECK(format("", {}) == "");
  CHECK(format("str is %s and some more", {s("filler")}) == "str is filler and some more");
  CHECK(format("%s%%", {s("right")}) == "right%");
  CHECK(format("%%%s", {s("left")}) == "%left");
  CHECK(format("%s", {Value::null()}) == "null");
  CHECK(format("%s %s", {Value::boolean(true), Value::boolean(false)}) == "true false");
  CHECK(format("%s %s", {i(-42), u(18446744073709551615u)}) == "-42 18446744073709551615");
  CHECK(format("%s|%s|%s|%s", {d(2.71828), d(6.0), d(1e21), d(0.000001)}) ==
        "2.71828|6|1000000000000000000000|0.000001");
  CHECK(format("%s %s %s", {d(kNaN), d(kInf), d(-kInf)}) == "NaN Infinity -Infinity");
  // The shortest digits, then zeros: not the double's exact binary value.
  CHECK(format("%s %s %s", {d(1e23), d(-1.5e25), d(123456789.125)}) ==
        "100000000000000000000000 -15000000000000000000000000 123456789.125");
  CHECK(format("%s %s %s %s", {d(0.0), d(-0.0), d(-1e-5), d(5e-324)}) ==
        "0 -0 -0.00001 0." + std::string(323, '0') + "5");
  CHECK(format("%s", {b("xyz")}) == "xyz");
  CHECK(format("%s", {Value::type(TypeTag::String)}) == "string");
  CHECK(format("%s", {Value::type("Purchase")}) == "Purchase");
  CHECK(format("%s", {parseTimestamp("2023-02-03T23:31:20+00:00")}) == "2023-02-03T23:31:20Z");
  CHECK(format("%s", {parseTimestamp("2023-02-03T23:31:20.25Z")}) == "2023-02-03T23:31:20.25Z");
  CHECK(format("%s", {parseDuration("1h45m47s")}) == "6347s");
  CHECK(format("%s", {parseDuration("-1.5s")}) == "-1.5s");
  CHECK(format("%s", {s("ü©")}) == "ü©");
}

TEST_CASE("stdlib ext strings format: %s of bytes replaces invalid UTF-8") {
  CHECK(format("%s", {b("a\xff\xfe" "b")}) == "a\uFFFDb");
  CHECK(format("%s", {b("\xff" "a\xff")}) == "\uFFFDa\uFFFD");
  CHECK(format("%s", {b("\xe2\x82")}) == "\uFFFD");            // a truncated sequence
  CHECK(format("%s", {b("\xc0\xaf")}) == "\uFFFD");            // an overlong form
  CHECK(format("%s", {b("\xed\xa0\x80")}) == "\uFFFD");        // a surrogate
  CHECK(format("%s", {b("\xe2\x82\xac")}) == "€");
}

TEST_CASE("stdlib ext strings format: %s of lists and maps") {
  CHECK(format("%s", {Value::list({i(6), d(4.2), s("a string")})}) == "[6, 4.2, a string]");
  CHECK(format("%s", {Value::list({})}) == "[]");
  CHECK(format("%s", {Value::list({Value::list({i(1)}), Value::null()})}) == "[[1], null]");
  Value m = Value::map({{s("key1"), b("xyz")},
                        {s("key5"), Value::null()},
                        {s("key2"), parseDuration("2h")},
                        {s("key4"), Value::boolean(true)},
                        {s("key3"), d(2.71828)}});
  CHECK(format("%s", {m}) == "{key1: xyz, key2: 7200s, key3: 2.71828, key4: true, key5: null}");
  Value keys = Value::map({{i(1), s("value1")}, {u(2), s("value2")}, {Value::boolean(true),
                                                                      d(kNaN)}});
  CHECK(format("%s", {keys}) == "{1: value1, 2: value2, true: NaN}");
  CHECK(format("%s", {Value::map({})}) == "{}");
  CHECK(format("%s", {Value::optional(i(1))}) ==
        "<error: `format`: string clause can only be used on strings, bools, "
        "bytes, ints, uints, doubles, maps, lists, types, durations, timestamps and null, was "
        "given optional>");
  CHECK(format("%s", {Value::list({i(1), Value::optionalNone()})}).find("was given optional") !=
        std::string::npos);
}

TEST_CASE("stdlib ext strings format: %d") {
  CHECK(format("%d", {i(128)}) == "128");
  CHECK(format("%d", {i(INT64_MIN)}) == "-9223372036854775808");
  CHECK(format("%d", {u(64)}) == "64");
  CHECK(format("%d", {d(3.14)}) == "3.14");
  CHECK(format("%d %d %d", {d(kInf), d(-kInf), d(kNaN)}) == "Infinity -Infinity NaN");
  CHECK(format("%d", {parseDuration("30m2s")}) ==
        "<error: `format`: decimal clause can only be used on ints, uints and "
        "doubles, was given duration>");
  CHECK(format("null: %d", {Value::null()}) ==
        "<error: `format`: decimal clause can only be used on ints, uints and "
        "doubles, was given null_type>");
}

TEST_CASE("stdlib ext strings format: %f and %e") {
  CHECK(format("%.3f", {d(1.2345)}) == "1.234");
  CHECK(format("%f", {i(2)}) == "2.000000");
  CHECK(format("%f", {u(3)}) == "3.000000");
  CHECK(format("%f", {d(3.14)}) == "3.140000");
  CHECK(format("%.1f", {d(3.14)}) == "3.1");
  CHECK(format("%.0f", {d(3.5001)}) == "4");
  CHECK(format("%.0f", {d(3.4999)}) == "3");
  CHECK(format("%.0f", {d(2.5)}) == "2");  // half to even
  CHECK(format("%.3f", {d(-123.4994)}) == "-123.499");
  CHECK(format("%.3f", {d(123.4999)}) == "123.500");
  CHECK(format("%.5f", {d(-1.2)}) == "-1.20000");
  CHECK(format("%f %f %f", {d(kNaN), d(kInf), d(-kInf)}) == "NaN Infinity -Infinity");
  CHECK(format("%.100f", {d(1.0)}) == "1." + std::string(100, '0'));
  CHECK(format("%f", {d(1e308)}).size() == 309 + 7);
  CHECK(format("%e", {i(2)}) == "2.000000e+00");
  CHECK(format("%e", {u(3)}) == "3.000000e+00");
  CHECK(format("%e", {d(3.14)}) == "3.140000e+00");
  CHECK(format("%.1e", {d(-3.14)}) == "-3.1e+00");
  CHECK(format("%.2e", {d(1.5e300)}) == "1.50e+300");
  CHECK(format("%e", {d(kNaN)}) == "NaN");
  CHECK(format("null: %f", {Value::null()}) ==
        "<error: `format`: fixed-point clause can only be used on ints, uints and "
        "doubles, was given null_type>");
  CHECK(format("%e", {s("x")}) ==
        "<error: `format`: scientific clause can only be used on ints, uints and "
        "doubles, was given string>");
}

TEST_CASE("stdlib ext strings format: %b %o %x %X") {
  CHECK(format("this is 5 in binary: %b", {i(5)}) == "this is 5 in binary: 101");
  CHECK(format("%b %b", {i(-5), u(8)}) == "-101 1000");
  CHECK(format("%b%b", {Value::boolean(true), Value::boolean(false)}) == "10");
  CHECK(format("string is %b", {s("abc")}) ==
        "<error: `format`: binary clause can only be used on ints, uints and "
        "bools, was given string>");
  CHECK(format("%o", {i(11)}) == "13");
  CHECK(format("%o %o", {i(-8), u(64)}) == "-10 100");
  CHECK(format("octal: %o", {s("a string")}) ==
        "<error: `format`: octal clause can only be used on ints and uints, was "
        "given string>");
  CHECK(format("%x is 20 in hexadecimal", {i(30)}) == "1e is 20 in hexadecimal");
  CHECK(format("%X is 6000 in hexadecimal", {u(6000)}) == "1770 is 6000 in hexadecimal");
  CHECK(format("%x", {i(-30)}) == "-1e");
  CHECK(format("%X", {i(INT64_MIN)}) == "-8000000000000000");
  CHECK(format("%x", {s("Hello world!")}) == "48656c6c6f20776f726c6421");
  CHECK(format("%X", {s("Hello world!")}) == "48656C6C6F20776F726C6421");
  CHECK(format("%X", {b("byte string")}) == "6279746520737472696E67");
  CHECK(format("%x", {b(std::string_view("\x00\xff", 2))}) == "00ff");
  CHECK(format("double is %x", {d(0.5)}) ==
        "<error: `format`: hex clause can only be used on ints, uints, strings "
        "and bytes, was given double>");
}

TEST_CASE("stdlib ext strings format: malformed clauses and missing arguments") {
  CHECK(format("%a", {i(1)}) ==
        "<error: `format`: cannot read the format string: unknown clause `%a`>");
  CHECK(format("%é", {i(1)}) ==
        "<error: `format`: cannot read the format string: unknown clause `%é`>");
  CHECK(format("abc%", {i(1)}) ==
        "<error: `format`: cannot read the format string: it ends inside a clause>");
  CHECK(format("%.", {d(1)}) ==
        "<error: `format`: cannot read the format string: missing precision after `.`>");
  CHECK(format("%.2", {d(1)}) ==
        "<error: `format`: cannot read the format string: it ends inside a clause>");
  CHECK(format("%.2x", {i(255)}) ==
        "<error: `format`: cannot read the format string: `%x` takes no precision; only `%f` "
        "and `%e` do>");
  CHECK(format("%.0s", {i(1)}).starts_with("<error: `format`: cannot read the format string: `%s`"));
  CHECK(format("%.1e", {d(1)}) == "1.0e+00");
  CHECK(format("%.101f", {d(1)}) ==
        "<error: `format`: cannot read the format string: precision 101 exceeds the maximum of "
        "100>");
  CHECK(format("%.99999999999999999999f", {d(1)}).starts_with("<error: `format`: cannot read"));
  CHECK(format("%s and %s", {i(1)}) ==
        "<error: `format`: the format string has more clauses than values (1 given)>");
  CHECK(format("%s", {}) ==
        "<error: `format`: the format string has more clauses than values (0 given)>");
  CHECK(format("%s", {i(1), i(2)}) == "1");  // extra arguments are ignored
  CHECK(printCall("string_format_list", {s("%s"), s("not a list")}) ==
        "<error: `format` takes its values as a list, found `string`>");
}

TEST_CASE("stdlib ext strings: strings.quote") {
  CHECK(quote("first\nsecond") == "\"first\\nsecond\"");
  CHECK(quote("bell\a") == "\"bell\\a\"");
  CHECK(quote("\bbackspace") == "\"\\bbackspace\"");
  CHECK(quote("\fform feed") == "\"\\fform feed\"");
  CHECK(quote("carriage \r return") == "\"carriage \\r return\"");
  CHECK(quote("horizontal tab\t") == "\"horizontal tab\\t\"");
  CHECK(quote("vertical \v tab") == "\"vertical \\v tab\"");
  CHECK(quote("double \\\\ slash") == "\"double \\\\\\\\ slash\"");
  CHECK(quote("ends with \\") == "\"ends with \\\\\"");
  CHECK(quote("\\ starts with") == "\"\\\\ starts with\"");
  CHECK(quote("say \"hi\" 'there'") == "\"say \\\"hi\\\" 'there'\"");
  CHECK(quote("printable unicode😀") == "\"printable unicode😀\"");
  CHECK(quote("ta©o©αT") == "\"ta©o©αT\"");
  CHECK(quote("") == "\"\"");
}

TEST_SUITE_END();
