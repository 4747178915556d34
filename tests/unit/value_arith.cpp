// Checked arithmetic: int, uint, timestamps and durations.
#include <doctest/doctest.h>

#include "tests/unit/time_literals.h"
#include "vm/value/checked_arith.h"
#include "vm/value/printer.h"
#include "vm/value/value.h"
#include "vm/value/value_convert.h"

using namespace journey;
using journey::test::durationOf;
using journey::test::timestampOf;

namespace {

void checkInt(const Value& v, int64_t expected) {
  REQUIRE_MESSAGE(v.kind() == ValueKind::Int, toCelLiteral(v));
  CHECK(v.asInt() == expected);
}

void checkUint(const Value& v, uint64_t expected) {
  REQUIRE_MESSAGE(v.kind() == ValueKind::Uint, toCelLiteral(v));
  CHECK(v.asUint() == expected);
}

void checkError(const Value& v, std::string_view message) {
  REQUIRE_MESSAGE(v.isError(), toCelLiteral(v));
  CHECK(v.errorMessage() == message);
}


std::string show(const Value& v) { return toCelLiteral(v); }

}  // namespace

TEST_SUITE("value") {

TEST_CASE("int arithmetic") {
  checkInt(addInt(42, -7), 35);
  checkInt(subInt(-42, -12), -30);
  checkInt(mulInt(40, -2), -80);
  checkInt(divInt(42, 2), 21);
  checkInt(divInt(-7, 2), -3);
  checkInt(modInt(47, 5), 2);
  checkInt(modInt(43, -5), 3);
  checkInt(modInt(-3, 5), -3);
  checkInt(negInt(42), -42);
  checkInt(negInt(-42), 42);
  checkInt(addInt(INT64_MAX, INT64_MIN), -1);
  checkInt(mulInt(INT64_MIN, 1), INT64_MIN);
  checkInt(divInt(INT64_MIN, 1), INT64_MIN);
  checkInt(modInt(INT64_MIN, 2), 0);
  checkInt(negInt(INT64_MAX), -INT64_MAX);
}

TEST_CASE("int overflow and division by zero") {
  checkError(addInt(INT64_MAX, 1), "integer overflow");
  checkError(addInt(INT64_MIN, -1), "integer overflow");
  checkError(subInt(INT64_MIN, 1), "integer overflow");
  checkError(subInt(1, -INT64_MAX), "integer overflow");
  checkError(mulInt(5000000000, 5000000000), "integer overflow");
  checkError(mulInt(-5000000000, 5000000000), "integer overflow");
  checkError(mulInt(INT64_MIN, -1), "integer overflow");
  checkError(negInt(INT64_MIN), "integer overflow");
  checkError(divInt(INT64_MIN, -1), "integer overflow");
  checkError(modInt(INT64_MIN, -1), "integer overflow");
  checkError(divInt(1, 0), "division by zero");
  checkError(modInt(1, 0), "modulus by zero");
  checkError(divInt(0, 0), "division by zero");
}

TEST_CASE("uint arithmetic and overflow") {
  checkUint(addUint(42, 2), 44);
  checkUint(subUint(5, 5), 0);
  checkUint(mulUint(15, 0), 0);
  checkUint(divUint(UINT64_MAX, 2), UINT64_MAX / 2);
  checkUint(modUint(17, 5), 2);
  checkUint(addUint(UINT64_MAX - 1, 1), UINT64_MAX);
  checkError(addUint(UINT64_MAX, 1), "unsigned integer overflow");
  checkError(subUint(1, 2), "unsigned integer overflow");
  checkError(mulUint(5000000000, 5000000000), "unsigned integer overflow");
  checkError(divUint(1, 0), "division by zero");
  checkError(modUint(1, 0), "modulus by zero");
}

TEST_CASE("the inline checked forms") {
  int64_t i;
  CHECK(checkedAdd(int64_t{1}, int64_t{2}, i));
  CHECK(i == 3);
  CHECK_FALSE(checkedAdd(INT64_MAX, int64_t{1}, i));
  CHECK_FALSE(checkedSub(INT64_MIN, int64_t{1}, i));
  CHECK_FALSE(checkedMul(INT64_MIN, int64_t{-1}, i));
  uint64_t u;
  CHECK(checkedMul(uint64_t{3}, uint64_t{4}, u));
  CHECK(u == 12);
  CHECK_FALSE(checkedSub(uint64_t{0}, uint64_t{1}, u));
  CHECK_FALSE(checkedAdd(UINT64_MAX, uint64_t{1}, u));
}

TEST_CASE("timestamp and duration arithmetic") {
  CHECK(show(addTimestampDuration(timestampOf("2009-02-13T23:00:00Z"), durationOf("240s"))) ==
        "timestamp(\"2009-02-13T23:04:00Z\")");
  CHECK(show(subTimestampDuration(timestampOf("2009-02-13T23:10:00Z"), durationOf("600s"))) ==
        "timestamp(\"2009-02-13T23:00:00Z\")");
  CHECK(show(addTimestampDuration(timestampOf("2009-02-13T23:00:00.7Z"), durationOf("0.5s"))) ==
        "timestamp(\"2009-02-13T23:00:01.2Z\")");
  CHECK(show(addTimestampDuration(timestampOf("2009-02-13T23:00:00.2Z"), durationOf("-0.5s"))) ==
        "timestamp(\"2009-02-13T22:59:59.7Z\")");
  CHECK(show(subTimestamps(timestampOf("2009-02-13T23:31:00Z"), timestampOf("2009-02-13T23:29:00Z"))) ==
        "duration(\"120s\")");
  CHECK(show(subTimestamps(timestampOf("2009-02-13T23:29:00Z"), timestampOf("2009-02-13T23:31:00.5Z"))) ==
        "duration(\"-120.5s\")");
  CHECK(show(addDurations(durationOf("600s"), durationOf("50s"))) == "duration(\"650s\")");
  CHECK(show(addDurations(durationOf("1.5s"), durationOf("-2s"))) == "duration(\"-0.5s\")");
  CHECK(show(subDurations(durationOf("1s"), durationOf("1.25s"))) == "duration(\"-0.25s\")");
  CHECK(show(negDuration(durationOf("1.5s"))) == "duration(\"-1.5s\")");
  CHECK(durationNanos(durationOf("-1.5s")) == -1'500'000'000);
}

TEST_CASE("timestamp and duration range errors") {
  checkError(addTimestampDuration(timestampOf("0001-01-01T00:00:00Z"), durationOf("-1ns")),
             "timestamp out of range");
  checkError(addTimestampDuration(timestampOf("9999-12-31T23:59:59Z"), durationOf("1s")),
             "timestamp out of range");
  checkError(subTimestampDuration(timestampOf("0001-01-01T00:00:00Z"), durationOf("1s")),
             "timestamp out of range");
  checkError(subTimestamps(timestampOf("9999-12-31T23:59:59Z"), timestampOf("0001-01-01T00:00:00Z")),
             "duration out of range");
  checkError(subTimestamps(timestampOf("0001-01-01T00:00:00Z"), timestampOf("9999-12-31T23:59:59Z")),
             "duration out of range");
  checkError(addDurations(durationOf("5000000000s"), durationOf("5000000000s")), "duration out of range");
  checkError(subDurations(durationOf("5000000000s"), durationOf("-5000000000s")), "duration out of range");
  checkError(negDuration(Value::durationFromNanos(INT64_MIN).asDuration()),
             "duration out of range");
  CHECK(show(negDuration(Value::durationFromNanos(INT64_MAX).asDuration())) ==
        "duration(\"-9223372036.854775807s\")");
  // Just inside the range.
  CHECK(subTimestamps(timestampOf("2262-04-11T23:47:16Z"), timestampOf("1970-01-01T00:00:00Z")).kind() ==
        ValueKind::Duration);
  CHECK(subTimestamps(timestampOf("2262-04-11T23:47:17Z"), timestampOf("1970-01-01T00:00:00Z")).isError());
}

}  // TEST_SUITE
