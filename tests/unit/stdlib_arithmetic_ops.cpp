// The arithmetic operators' implementations: every overload, overflow, division by zero and
// time ranges.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <set>
#include <string_view>

#include "tests/unit/stdlib_support.h"
#include "vm/value/value_convert.h"

using namespace journey;
using namespace journey::test::values;
using journey::test::printCall;

namespace {


}  // namespace

TEST_SUITE_BEGIN("stdlib");

TEST_CASE("stdlib core arithmetic: addition") {
  CHECK(printCall("add_int64", {i(42), i(-7)}) == "35");
  CHECK(printCall("add_int64", {i(INT64_MAX), i(1)}) == "<error: integer overflow>");
  CHECK(printCall("add_int64", {i(INT64_MIN), i(-1)}) == "<error: integer overflow>");
  CHECK(printCall("add_uint64", {u(42), u(2)}) == "44u");
  CHECK(printCall("add_uint64", {u(UINT64_MAX), u(1)}) == "<error: unsigned integer overflow>");
  CHECK(printCall("add_double", {d(4.25), d(15.25)}) == "19.5");
  CHECK(printCall("add_double", {d(8.988466e+307), d(8.988466e+307)}) ==
        "double(\"Infinity\")");
  CHECK(printCall("add_string", {s("ab"), s("çd")}) == "\"abçd\"");
  CHECK(test::callOverload("add_string", {s("ab"), s("çd")}).stringSize() == 4);
  CHECK(printCall("add_string", {s(""), s("")}) == "\"\"");
  CHECK(printCall("add_bytes", {b("a"), b("\xff")}) == "b\"a\\xff\"");
  CHECK(printCall("add_list", {Value::list({i(1)}), Value::list({s("x")})}) == "[1, \"x\"]");
  CHECK(printCall("add_list", {Value::list({}), Value::list({})}) == "[]");
  CHECK(printCall("add_timestamp_duration", {ts("2026-03-02T10:00:00Z"), dur("1h30m")}) ==
        "timestamp(\"2026-03-02T11:30:00Z\")");
  CHECK(printCall("add_duration_timestamp", {dur("-1s"), ts("2026-03-02T10:00:00Z")}) ==
        "timestamp(\"2026-03-02T09:59:59Z\")");
  CHECK(printCall("add_timestamp_duration", {ts("9999-12-31T23:59:59Z"), dur("1s")}) ==
        "<error: timestamp out of range>");
  CHECK(printCall("add_duration_timestamp", {dur("-1s"), ts("0001-01-01T00:00:00Z")}) ==
        "<error: timestamp out of range>");
  CHECK(printCall("add_duration_duration", {dur("1.5s"), dur("1m")}) == "duration(\"61.5s\")");
  // Durations hold ±2^63 ns (about 292 years).
  CHECK(printCall("add_duration_duration", {dur("-5000000000s"), dur("-5000000000s")}) ==
        "<error: duration out of range>");
  CHECK(printCall("add_duration_duration", {Value::durationFromNanos(INT64_MAX), dur("1ns")}) ==
        "<error: duration out of range>");
}

TEST_CASE("stdlib core arithmetic: subtraction") {
  CHECK(printCall("subtract_int64", {i(-42), i(-12)}) == "-30");
  CHECK(printCall("subtract_int64", {i(INT64_MIN), i(1)}) == "<error: integer overflow>");
  CHECK(printCall("subtract_int64", {i(1), i(-INT64_MAX)}) == "<error: integer overflow>");
  CHECK(printCall("subtract_uint64", {u(5), u(3)}) == "2u");
  CHECK(printCall("subtract_uint64", {u(3), u(5)}) == "<error: unsigned integer overflow>");
  CHECK(printCall("subtract_double", {d(1.5), d(2.0)}) == "-0.5");
  CHECK(printCall("subtract_timestamp_timestamp",
                  {ts("2026-03-02T10:00:00Z"), ts("2026-03-02T09:00:00.5Z")}) ==
        "duration(\"3599.5s\")");
  CHECK(printCall("subtract_timestamp_timestamp",
                  {ts("9999-12-31T23:59:59Z"), ts("0001-01-01T00:00:00Z")}) ==
        "<error: duration out of range>");
  CHECK(printCall("subtract_timestamp_duration", {ts("2026-03-02T10:00:00Z"), dur("10m")}) ==
        "timestamp(\"2026-03-02T09:50:00Z\")");
  CHECK(printCall("subtract_timestamp_duration", {ts("0001-01-01T00:00:00Z"), dur("1ns")}) ==
        "<error: timestamp out of range>");
  CHECK(printCall("subtract_duration_duration", {dur("1s"), dur("1.5s")}) ==
        "duration(\"-0.5s\")");
  CHECK(printCall("subtract_duration_duration", {dur("5000000000s"), dur("-5000000000s")}) ==
        "<error: duration out of range>");
  Value shortest = Value::durationFromNanos(INT64_MIN);
  CHECK(printCall("subtract_duration_duration", {shortest, dur("1ns")}) ==
        "<error: duration out of range>");
}

TEST_CASE("stdlib core arithmetic: multiplication, division, modulus") {
  CHECK(printCall("multiply_int64", {i(40), i(-2)}) == "-80");
  CHECK(printCall("multiply_int64", {i(5000000000), i(5000000000)}) ==
        "<error: integer overflow>");
  CHECK(printCall("multiply_int64", {i(INT64_MIN), i(-1)}) == "<error: integer overflow>");
  CHECK(printCall("multiply_uint64", {u(15), u(0)}) == "0u");
  CHECK(printCall("multiply_uint64", {u(5000000000), u(5000000000)}) ==
        "<error: unsigned integer overflow>");
  CHECK(printCall("multiply_double", {d(42.5), d(0.2)}) == "8.5");
  CHECK(printCall("multiply_double", {d(2.0), d(-8.988466e+307)}) ==
        "double(\"-Infinity\")");

  CHECK(printCall("divide_int64", {i(42), i(2)}) == "21");
  CHECK(printCall("divide_int64", {i(-7), i(2)}) == "-3");
  CHECK(printCall("divide_int64", {i(1), i(0)}) == "<error: division by zero>");
  CHECK(printCall("divide_int64", {i(INT64_MIN), i(-1)}) == "<error: integer overflow>");
  CHECK(printCall("divide_uint64", {u(7), u(2)}) == "3u");
  CHECK(printCall("divide_uint64", {u(7), u(0)}) == "<error: division by zero>");
  CHECK(printCall("divide_double", {d(0.0625), d(0.002)}) == "31.25");
  CHECK(printCall("divide_double", {d(15.75), d(0.0)}) == "double(\"Infinity\")");
  CHECK(std::isnan(test::callOverload("divide_double", {d(0.0), d(0.0)}).asDouble()));

  CHECK(printCall("modulo_int64", {i(47), i(5)}) == "2");
  CHECK(printCall("modulo_int64", {i(43), i(-5)}) == "3");
  CHECK(printCall("modulo_int64", {i(-3), i(5)}) == "-3");
  CHECK(printCall("modulo_int64", {i(3), i(0)}) == "<error: modulus by zero>");
  CHECK(printCall("modulo_int64", {i(INT64_MIN), i(-1)}) == "<error: integer overflow>");
  CHECK(printCall("modulo_uint64", {u(47), u(5)}) == "2u");
  CHECK(printCall("modulo_uint64", {u(47), u(0)}) == "<error: modulus by zero>");
}

TEST_CASE("stdlib core arithmetic: negation") {
  CHECK(printCall("negate_int64", {i(42)}) == "-42");
  CHECK(printCall("negate_int64", {i(-42)}) == "42");
  CHECK(printCall("negate_int64", {i(INT64_MIN)}) == "<error: integer overflow>");
  CHECK(printCall("negate_double", {d(4.5)}) == "-4.5");
  CHECK(printCall("negate_double", {d(0.0)}) == "-0.0");
  CHECK(printCall("negate_duration", {dur("1h")}) == "duration(\"-3600s\")");
  CHECK(printCall("negate_duration", {dur("-1.5s")}) == "duration(\"1.5s\")");
  CHECK(printCall("negate_duration", {Value::durationFromNanos(INT64_MIN)}) ==
        "<error: duration out of range>");
}


TEST_CASE("stdlib core: operators, conversions, optionals and encoders are all implemented") {
  const std::set<std::string_view> functions = {
      "_+_", "_-_", "_*_", "_/_", "_%_", "-_", "_==_", "_!=_", "_<_", "_<=_", "_>_", "_>=_",
      "_&&_", "_||_", "!_", "_?_:_", "@in", "size", "int", "uint", "double", "string", "bytes",
      "bool", "timestamp", "duration", "dyn", "type", "optional.of", "optional.ofNonZeroValue",
      "optional.none", "hasValue", "value", "orValue", "or", "base64.encode", "base64.decode"};
  size_t count = 0;
  for (const stdlib::Overload& o : stdlib::standardOverloads()) {
    if (!functions.count(o.function)) continue;
    CAPTURE(o.id);
    CHECK(static_cast<bool>(o.impl));
    ++count;
  }
  CHECK(count == 139);  // 135 here and the 4 string and bytes sizes
}

TEST_SUITE_END();
