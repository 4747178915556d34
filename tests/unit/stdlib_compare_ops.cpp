// Equality, ordering and the logical operators' implementations.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <string>

#include "tests/unit/stdlib_support.h"
#include "vm/value/record.h"
#include "vm/value/value_convert.h"

using namespace journey;
using namespace journey::test::values;
using journey::test::callOverload;
using journey::test::printCall;

namespace {

Value t(bool v) { return Value::boolean(v); }
const Value kNaNValue = Value::dbl(std::nan(""));

// The four orderings of (a, b) as "<<=>>=" flags: "1100" means a < b and a <= b only.
std::string orderings(std::string_view kinds, const Value& a, const Value& b) {
  std::string out;
  for (std::string_view op : {"less_", "less_equals_", "greater_", "greater_equals_"}) {
    std::string id = std::string(op) + std::string(kinds);
    Value r = callOverload(id, {a, b});
    REQUIRE_MESSAGE(r.kind() == ValueKind::Bool, id);
    out += r.asBool() ? '1' : '0';
  }
  return out;
}

}  // namespace

TEST_SUITE_BEGIN("stdlib");

TEST_CASE("stdlib core compare: equality is heterogeneous") {
  CHECK(printCall("equals", {i(1), u(1)}) == "true");
  CHECK(printCall("equals", {i(1), d(1.0)}) == "true");
  CHECK(printCall("equals", {u(2), d(2.5)}) == "false");
  CHECK(printCall("equals", {kNaNValue, kNaNValue}) == "false");
  CHECK(printCall("equals", {Value::null(), Value::null()}) == "true");
  CHECK(printCall("equals", {b(""), Value::null()}) == "false");  // unrelated: unequal
  CHECK(printCall("equals", {s("1"), i(1)}) == "false");
  CHECK(printCall("equals", {Value::list({d(1.0), i(2)}), Value::list({u(1), u(2)})}) == "true");
  CHECK(printCall("equals", {Value::list({i(1), i(2)}), Value::list({i(2), i(1)})}) == "false");
  CHECK(printCall("equals", {Value::map({{s("k"), i(1)}, {s("j"), i(2)}}),
                             Value::map({{s("j"), d(2.0)}, {s("k"), u(1)}})}) == "true");
  CHECK(printCall("equals", {Value::optional(i(1)), Value::optional(d(1.0))}) == "true");
  CHECK(printCall("equals", {Value::optionalNone(), Value::optionalNone()}) == "true");
  CHECK(printCall("equals", {Value::type(TypeTag::Int), Value::type("int")}) == "true");
  CHECK(printCall("equals", {ts("2026-01-01T00:00:00Z"), ts("2026-01-01T01:00:00+01:00")}) ==
        "true");
  RecordLayout layout("Purchase", {"total"});
  Value p1 = RecordBuilder(layout).set(0, d(80.0)).build();
  Value p2 = RecordBuilder(layout).set(0, i(80)).build();
  CHECK(printCall("equals", {p1, p2}) == "true");

  CHECK(printCall("not_equals", {i(1), u(1)}) == "false");
  CHECK(printCall("not_equals", {kNaNValue, kNaNValue}) == "true");
  CHECK(printCall("not_equals", {i(1), kNaNValue}) == "true");
  CHECK(printCall("not_equals", {Value::optionalNone(), Value::optional(i(1))}) == "true");
  CHECK(printCall("not_equals", {Value::map({{i(1), d(1.0)}}), Value::map({{i(1), d(1.0)}})}) ==
        "false");
}

TEST_CASE("stdlib core compare: ordering within one kind") {
  // Flags: <, <=, >, >=.
  CHECK(orderings("bool", t(false), t(true)) == "1100");
  CHECK(orderings("bool", t(true), t(true)) == "0101");
  CHECK(orderings("int64", i(-5), i(3)) == "1100");
  CHECK(orderings("int64", i(3), i(3)) == "0101");
  CHECK(orderings("uint64", u(UINT64_MAX), u(3)) == "0011");
  CHECK(orderings("double", d(-0.0), d(0.0)) == "0101");
  CHECK(orderings("double", d(1.5), d(-2.5)) == "0011");
  CHECK(orderings("double", kNaNValue, d(1.0)) == "0000");
  CHECK(orderings("double", kNaNValue, kNaNValue) == "0000");
  CHECK(orderings("string", s("a"), s("b")) == "1100");
  CHECK(orderings("string", s("ab"), s("a")) == "0011");
  CHECK(orderings("string", s("z"), s("é")) == "1100");  // code point order, bytes unsigned
  CHECK(orderings("string", s(""), s("")) == "0101");
  CHECK(orderings("bytes", b("\x01"), b("\xff")) == "1100");
  CHECK(orderings("bytes", b("a"), b("")) == "0011");
  CHECK(orderings("timestamp", ts("2026-01-01T00:00:00Z"), ts("2026-01-01T00:00:00.1Z")) ==
        "1100");
  CHECK(orderings("timestamp", ts("1969-12-31T23:59:59.9Z"), ts("1970-01-01T00:00:00Z")) ==
        "1100");
  CHECK(orderings("duration", dur("-1.5s"), dur("-1s")) == "1100");
  CHECK(orderings("duration", dur("1h"), dur("3600s")) == "0101");
}

TEST_CASE("stdlib core compare: ordering across numeric kinds") {
  CHECK(orderings("int64_uint64", i(-1), u(0)) == "1100");
  CHECK(orderings("int64_uint64", i(5), u(5)) == "0101");
  CHECK(orderings("int64_uint64", i(INT64_MAX), u(UINT64_MAX)) == "1100");
  CHECK(orderings("uint64_int64", u(UINT64_MAX), i(INT64_MAX)) == "0011");
  CHECK(orderings("uint64_int64", u(0), i(-1)) == "0011");
  CHECK(orderings("int64_double", i(1), d(1.5)) == "1100");
  CHECK(orderings("int64_double", i(2), d(2.0)) == "0101");
  // An integer meets a double as the nearest double (cel-go; the conformance suite).
  CHECK(orderings("int64_double", i(INT64_MAX), d(9223372036854775808.0)) == "0101");
  CHECK(orderings("int64_double", i(INT64_MAX), d(9223372036854777856.0)) == "1100");
  CHECK(orderings("int64_double", i(1), kNaNValue) == "0000");
  CHECK(orderings("double_int64", d(-0.5), i(0)) == "1100");
  CHECK(orderings("double_int64", kNaNValue, i(0)) == "0000");
  CHECK(orderings("uint64_double", u(3), d(2.9)) == "0011");
  CHECK(orderings("uint64_double", u(0), d(-1.0)) == "0011");
  CHECK(orderings("uint64_double", u(UINT64_MAX), d(18446744073709551616.0)) == "0101");
  CHECK(orderings("double_uint64", d(1e300), u(UINT64_MAX)) == "0011");
  CHECK(orderings("double_uint64", d(3.0), u(3)) == "0101");
  CHECK(orderings("double_uint64", kNaNValue, u(3)) == "0000");
}

TEST_CASE("stdlib core logic: not, and the engine's own operators") {
  CHECK(printCall("logical_not", {t(true)}) == "false");
  CHECK(printCall("logical_not", {t(false)}) == "true");
  for (const char* id : {"logical_and", "logical_or"}) {
    CAPTURE(id);
    Value r = callOverload(id, {t(true), t(true)});
    CHECK(r.isError());
  }
  CHECK(callOverload("conditional", {t(true), i(1), i(2)}).isError());
}

TEST_SUITE_END();
