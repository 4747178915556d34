// Optional values and the base64 encoders.
#include <doctest/doctest.h>

#include <cstdint>

#include "tests/unit/stdlib_support.h"
#include "vm/value/record.h"
#include "vm/value/value_convert.h"

using namespace journey;
using namespace journey::test::values;
using journey::test::callOverload;
using journey::test::printCall;

namespace {


}  // namespace

TEST_SUITE_BEGIN("stdlib");

TEST_CASE("stdlib core optional: of, none, hasValue, value") {
  CHECK(printCall("optional_of", {i(1)}) == "optional.of(1)");
  CHECK(printCall("optional_of", {Value::null()}) == "optional.of(null)");
  CHECK(printCall("optional_of", {s("")}) == "optional.of(\"\")");
  CHECK(printCall("optional_none", {}) == "optional.none()");
  CHECK(printCall("optional_hasValue", {Value::optional(i(0))}) == "true");
  CHECK(printCall("optional_hasValue", {Value::optionalNone()}) == "false");
  CHECK(printCall("optional_value", {Value::optional(s("foo"))}) == "\"foo\"");
  CHECK(printCall("optional_value", {Value::optionalNone()}) ==
        "<error: `value()` of an empty optional (`optional.none()`)>");
}

TEST_CASE("stdlib core optional: ofNonZeroValue") {
  RecordLayout layout("Purchase", {"total", "note"});
  Value emptyRecord = RecordBuilder(layout).build();
  Value fullRecord = RecordBuilder(layout).set(1, s("")).build();
  for (const Value& zero :
       {Value::null(), Value::boolean(false), i(0), u(0), d(0.0), d(-0.0), s(""), b(""),
        Value::list({}), Value::map({}), Value::timestamp(0), Value::duration(0), emptyRecord}) {
    CAPTURE(toCelLiteral(zero));
    CHECK(printCall("optional_ofNonZeroValue", {zero}) == "optional.none()");
  }
  for (const Value& nonZero :
       {Value::boolean(true), i(-1), u(1), d(0.5), s(" "), b(std::string_view("\0", 1)),
        Value::list({Value::null()}), Value::map({{s("k"), i(0)}}), Value::timestamp(0, 1),
        Value::duration(-1), fullRecord, Value::optionalNone(), Value::type(TypeTag::Null)}) {
    CAPTURE(toCelLiteral(nonZero));
    Value r = callOverload("optional_ofNonZeroValue", {nonZero});
    REQUIRE(r.kind() == ValueKind::Optional);
    CHECK(r.hasValue());
  }
}

TEST_CASE("stdlib core optional: orValue and or") {
  CHECK(printCall("optional_orValue_value", {Value::optional(i(1)), i(42)}) == "1");
  CHECK(printCall("optional_orValue_value", {Value::optionalNone(), i(42)}) == "42");
  CHECK(printCall("optional_orValue_value", {Value::optionalNone(), s("default")}) ==
        "\"default\"");
  CHECK(printCall("optional_or_optional", {Value::optional(i(1)), Value::optional(i(2))}) ==
        "optional.of(1)");
  CHECK(printCall("optional_or_optional", {Value::optionalNone(), Value::optional(i(2))}) ==
        "optional.of(2)");
  CHECK(printCall("optional_or_optional", {Value::optionalNone(), Value::optionalNone()}) ==
        "optional.none()");
  // The first present optional is returned as it is, without a copy.
  Value first = Value::optional(s("goodbye"));
  CHECK(callOverload("optional_or_optional", {first, Value::optionalNone()}).heapObject() ==
        first.heapObject());
}

TEST_CASE("stdlib core encoders: base64") {
  CHECK(printCall("base64_encode_bytes", {b("hello")}) == "\"aGVsbG8=\"");
  CHECK(printCall("base64_encode_bytes", {b("")}) == "\"\"");
  CHECK(printCall("base64_encode_bytes", {b("\xff\xfe")}) == "\"//4=\"");
  CHECK(printCall("base64_decode_string", {s("aGVsbG8=")}) == "b\"hello\"");
  CHECK(printCall("base64_decode_string", {s("aGVsbG8")}) == "b\"hello\"");  // no padding
  CHECK(printCall("base64_decode_string", {s("")}) == "b\"\"");
  CHECK(printCall("base64_decode_string", {s("//4=")}) == "b\"\\xff\\xfe\"");
  Value roundTrip = callOverload(
      "base64_decode_string", {callOverload("base64_encode_bytes", {b("Hello World!")})});
  CHECK(toCelLiteral(roundTrip) == "b\"Hello World!\"");
  for (const char* bad : {"a", "aGVsbG8*", "aGVs bG8=", "-_8=", "aGVsbG8==="}) {
    CAPTURE(bad);
    CHECK(printCall("base64_decode_string", {s(bad)}) == "<error: invalid base64 data>");
  }
}

TEST_SUITE_END();
