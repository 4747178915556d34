// Printing values in CEL literal syntax.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <limits>

#include "vm/value/printer.h"
#include "vm/value/record.h"
#include "vm/value/value.h"

using namespace journey;

TEST_SUITE("value") {

TEST_CASE("scalars print as CEL literals") {
  CHECK(toCelLiteral(Value::null()) == "null");
  CHECK(toCelLiteral(Value::boolean(true)) == "true");
  CHECK(toCelLiteral(Value::boolean(false)) == "false");
  CHECK(toCelLiteral(Value::integer(0)) == "0");
  CHECK(toCelLiteral(Value::integer(-5)) == "-5");
  CHECK(toCelLiteral(Value::integer(INT64_MIN)) == "-9223372036854775808");
  CHECK(toCelLiteral(Value::uinteger(1)) == "1u");
  CHECK(toCelLiteral(Value::uinteger(UINT64_MAX)) == "18446744073709551615u");
}

TEST_CASE("doubles print the shortest digits that read back as a double") {
  struct Case {
    double value;
    const char* text;
  };
  const Case cases[] = {
      {1.0, "1.0"},
      {1.5, "1.5"},
      {-0.0, "-0.0"},
      {0.0, "0.0"},
      {0.1, "0.1"},
      {100.0, "100.0"},
      {123.456, "123.456"},
      {1e100, "1e+100"},
      {1e21, "1e+21"},
      {1e-7, "1e-07"},
      {9007199254740993.0, "9007199254740992.0"},
      {5e-324, "5e-324"},
      {1.7976931348623157e308, "1.7976931348623157e+308"},
      {std::numeric_limits<double>::quiet_NaN(), "double(\"NaN\")"},
      {std::numeric_limits<double>::infinity(), "double(\"Infinity\")"},
      {-std::numeric_limits<double>::infinity(), "double(\"-Infinity\")"},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.text));
    CHECK(toCelLiteral(Value::dbl(c.value)) == c.text);
    if (std::isfinite(c.value)) CHECK(std::strtod(c.text, nullptr) == c.value);
  }
}

TEST_CASE("strings and bytes print quoted with escapes") {
  CHECK(toCelLiteral(Value::string("")) == "\"\"");
  CHECK(toCelLiteral(Value::string("abc")) == "\"abc\"");
  CHECK(toCelLiteral(Value::string("a\"b\\c")) == "\"a\\\"b\\\\c\"");
  CHECK(toCelLiteral(Value::string("\n\r\t\a\b\f\v")) == "\"\\n\\r\\t\\a\\b\\f\\v\"");
  CHECK(toCelLiteral(Value::string(std::string_view("\x00\x1f\x7f", 3))) ==
        "\"\\x00\\x1f\\x7f\"");
  CHECK(toCelLiteral(Value::string("\xc2\x85")) == "\"\\u0085\"");  // C1 control NEL
  CHECK(toCelLiteral(Value::string("héllo 😀")) == "\"héllo 😀\"");
  CHECK(toCelLiteral(Value::string("'single'")) == "\"'single'\"");
  CHECK(toCelLiteral(Value::bytes(std::string_view("\x00", 1))) == "b\"\\x00\"");
  CHECK(toCelLiteral(Value::bytes("abc")) == "b\"abc\"");
  CHECK(toCelLiteral(Value::bytes("\xff\xc3\xbf\"\\\n")) == "b\"\\xff\\xc3\\xbf\\\"\\\\\\n\"");
  CHECK(toCelLiteral(Value::bytes("")) == "b\"\"");
}

TEST_CASE("timestamps, durations, types, optionals, errors") {
  CHECK(toCelLiteral(Value::timestamp(1772445600)) == "timestamp(\"2026-03-02T10:00:00Z\")");
  CHECK(toCelLiteral(Value::timestamp(0, 500'000'000)) ==
        "timestamp(\"1970-01-01T00:00:00.5Z\")");
  CHECK(toCelLiteral(Value::duration(3600)) == "duration(\"3600s\")");
  CHECK(toCelLiteral(Value::duration(-1, -500'000'000)) == "duration(\"-1.5s\")");
  CHECK(toCelLiteral(Value::type(TypeTag::Int)) == "int");
  CHECK(toCelLiteral(Value::type(TypeTag::Null)) == "null_type");
  CHECK(toCelLiteral(Value::type(TypeTag::Timestamp)) == "google.protobuf.Timestamp");
  CHECK(toCelLiteral(Value::type("Purchase")) == "Purchase");
  CHECK(toCelLiteral(Value::optional(Value::integer(1))) == "optional.of(1)");
  CHECK(toCelLiteral(Value::optionalNone()) == "optional.none()");
  CHECK(toCelLiteral(Value::optional(Value::optionalNone())) == "optional.of(optional.none())");
  CHECK(toCelLiteral(Value::error("division by zero")) == "<error: division by zero>");
}

TEST_CASE("lists, maps and records") {
  CHECK(toCelLiteral(Value::list({})) == "[]");
  CHECK(toCelLiteral(Value::list({Value::integer(1), Value::integer(2)})) == "[1, 2]");
  CHECK(toCelLiteral(Value::list({Value::list({}), Value::string("x"), Value::dbl(2)})) ==
        "[[], \"x\", 2.0]");
  CHECK(toCelLiteral(Value::map({})) == "{}");
  std::vector<MapEntry> entries;
  entries.push_back({Value::string("b"), Value::integer(1)});
  entries.push_back({Value::integer(2), Value::boolean(true)});
  entries.push_back({Value::string("a"), Value::list({Value::uinteger(3)})});
  CHECK(toCelLiteral(Value::map(std::move(entries))) == "{\"b\": 1, 2: true, \"a\": [3u]}");

  RecordLayout layout("Purchase", {"total", "coupon", "items"});
  Value r = RecordBuilder(layout)
                .set(0, Value::dbl(80.0))
                .set(2, Value::list({}))
                .build();
  CHECK(toCelLiteral(r) == "Purchase{total: 80.0, items: []}");
  CHECK(toCelLiteral(RecordBuilder(layout).build()) == "Purchase{}");
}

TEST_CASE("quote helpers") {
  CHECK(quoteCelString("a\tb") == "\"a\\tb\"");
  CHECK(quoteCelBytes("\x01z") == "b\"\\x01z\"");
  CHECK(formatDoubleLiteral(2.5) == "2.5");
  CHECK(formatDoubleLiteral(-3.0) == "-3.0");
}

}  // TEST_SUITE
