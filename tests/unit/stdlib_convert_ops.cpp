// Conversions (int() uint() double() string() bytes() bool() timestamp() duration() dyn())
// and type().
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>

#include "tests/unit/stdlib_support.h"
#include "vm/value/equality.h"
#include "vm/value/record.h"
#include "vm/value/value_convert.h"

using namespace journey;
using namespace journey::test::values;
using journey::test::callOverload;
using journey::test::printCall;

namespace {


bool isErrorContaining(const Value& v, std::string_view part) {
  return v.isError() && v.errorMessage().find(part) != std::string_view::npos;
}

}  // namespace

TEST_SUITE_BEGIN("stdlib");

TEST_CASE("stdlib core convert: int()") {
  CHECK(printCall("int64_to_int64", {i(-7)}) == "-7");
  CHECK(printCall("uint64_to_int64", {u(42)}) == "42");
  CHECK(printCall("uint64_to_int64", {u(9223372036854775807u)}) == "9223372036854775807");
  CHECK(isErrorContaining(callOverload("uint64_to_int64", {u(UINT64_MAX)}), "range"));
  CHECK(printCall("double_to_int64", {d(1.9)}) == "1");
  CHECK(printCall("double_to_int64", {d(-123.456)}) == "-123");
  CHECK(printCall("double_to_int64", {d(-3.5)}) == "-3");
  CHECK(printCall("double_to_int64", {d(36028797018963968.0)}) == "36028797018963968");
  CHECK(isErrorContaining(callOverload("double_to_int64", {d(9223372036854775807.0)}), "range"));
  CHECK(isErrorContaining(callOverload("double_to_int64", {d(1.9e19)}), "range"));
  CHECK(isErrorContaining(callOverload("double_to_int64", {d(-1.9e19)}), "range"));
  CHECK(isErrorContaining(callOverload("double_to_int64", {d(std::nan(""))}), "range"));
  CHECK(isErrorContaining(callOverload("double_to_int64", {d(HUGE_VAL)}), "range"));
  CHECK(printCall("string_to_int64", {s("987")}) == "987");
  CHECK(printCall("string_to_int64", {s("-9223372036854775808")}) == "-9223372036854775808");
  CHECK(callOverload("string_to_int64", {s("1.5")}).isError());
  CHECK(callOverload("string_to_int64", {s("")}).isError());
  CHECK(callOverload("string_to_int64", {s(" 1")}).isError());
  CHECK(callOverload("string_to_int64", {s("0x10")}).isError());
  CHECK(isErrorContaining(callOverload("string_to_int64", {s("9223372036854775808")}), "range"));
  CHECK(printCall("timestamp_to_int64", {ts("2026-03-02T10:00:00.9Z")}) == "1772445600");
  CHECK(printCall("timestamp_to_int64", {ts("1969-12-31T23:59:59.5Z")}) == "-1");
}

TEST_CASE("stdlib core convert: uint()") {
  CHECK(printCall("uint64_to_uint64", {u(3)}) == "3u");
  CHECK(printCall("int64_to_uint64", {i(INT64_MAX)}) == "9223372036854775807u");
  CHECK(isErrorContaining(callOverload("int64_to_uint64", {i(-1)}), "range"));
  CHECK(printCall("double_to_uint64", {d(25.5)}) == "25u");
  CHECK(printCall("double_to_uint64", {d(36028797018963968.0)}) == "36028797018963968u");
  CHECK(isErrorContaining(callOverload("double_to_uint64", {d(-0.5)}), "range"));
  CHECK(isErrorContaining(callOverload("double_to_uint64", {d(1.9e19)}), "range"));
  CHECK(isErrorContaining(callOverload("double_to_uint64", {d(std::nan(""))}), "range"));
  CHECK(printCall("string_to_uint64", {s("300")}) == "300u");
  CHECK(callOverload("string_to_uint64", {s("-1")}).isError());
  CHECK(callOverload("string_to_uint64", {s("300u")}).isError());
  CHECK(isErrorContaining(callOverload("string_to_uint64", {s("18446744073709551616")}),
                          "range"));
}

TEST_CASE("stdlib core convert: double()") {
  CHECK(printCall("double_to_double", {d(5.5)}) == "5.5");
  CHECK(printCall("int64_to_double", {i(-9007199254740992)}) == "-9007199254740992.0");
  CHECK(callOverload("int64_to_double", {i(INT64_MAX)}).asDouble() == 9.223372036854776e+18);
  CHECK(printCall("uint64_to_double", {u(0)}) == "0.0");
  CHECK(callOverload("uint64_to_double", {u(UINT64_MAX)}).asDouble() == 18446744073709551616.0);
  CHECK(printCall("string_to_double", {s("123.456")}) == "123.456");
  CHECK(printCall("string_to_double", {s("-0.0")}) == "-0.0");
  CHECK(callOverload("string_to_double", {s("-5.43e-21")}).asDouble() == -5.43e-21);
  CHECK(std::isnan(callOverload("string_to_double", {s("NaN")}).asDouble()));
  CHECK(printCall("string_to_double", {s("-Infinity")}) == "double(\"-Infinity\")");
  CHECK(callOverload("string_to_double", {s("1.5x")}).isError());
  CHECK(callOverload("string_to_double", {s("")}).isError());
  CHECK(isErrorContaining(callOverload("string_to_double", {s("1e999")}), "range"));
}

TEST_CASE("stdlib core convert: string()") {
  CHECK(printCall("string_to_string", {s("hello")}) == "\"hello\"");
  CHECK(printCall("bool_to_string", {Value::boolean(true)}) == "\"true\"");
  CHECK(printCall("bool_to_string", {Value::boolean(false)}) == "\"false\"");
  CHECK(printCall("int64_to_string", {i(INT64_MIN)}) == "\"-9223372036854775808\"");
  CHECK(printCall("int64_to_string", {i(0)}) == "\"0\"");
  CHECK(printCall("uint64_to_string", {u(UINT64_MAX)}) == "\"18446744073709551615\"");
  CHECK(printCall("double_to_string", {d(123.456)}) == "\"123.456\"");
  CHECK(printCall("double_to_string", {d(1e6)}) == "\"1e+06\"");
  CHECK(printCall("double_to_string", {d(1.0)}) == "\"1\"");
  CHECK(printCall("bytes_to_string", {b("abc")}) == "\"abc\"");
  Value accented = callOverload("bytes_to_string", {b("\xc3\xa9t\xc3\xa9")});
  CHECK(accented.kind() == ValueKind::String);
  CHECK(accented.stringSize() == 3);
  CHECK(callOverload("bytes_to_string", {b("\xff")}).isError());
  CHECK(callOverload("bytes_to_string", {b("\xc3")}).isError());
  CHECK(printCall("timestamp_to_string", {ts("2026-03-02T12:00:00.50+02:00")}) ==
        "\"2026-03-02T10:00:00.5Z\"");
  CHECK(printCall("duration_to_string", {dur("1h30m")}) == "\"5400s\"");
  CHECK(printCall("duration_to_string", {dur("-1ns")}) == "\"-0.000000001s\"");
}

TEST_CASE("stdlib core convert: bytes() and bool()") {
  Value raw = b(std::string_view("\x00\xff", 2));
  CHECK(printCall("bytes_to_bytes", {raw}) == "b\"\\x00\\xff\"");
  CHECK(callOverload("bytes_to_bytes", {raw}).heapObject() == raw.heapObject());
  CHECK(printCall("string_to_bytes", {s("abc")}) == "b\"abc\"");
  CHECK(printCall("string_to_bytes", {s("")}) == "b\"\"");
  Value e = callOverload("string_to_bytes", {s("é")});
  CHECK(e.kind() == ValueKind::Bytes);
  CHECK(e.stringSize() == 2);  // bytes count bytes

  CHECK(printCall("bool_to_bool", {Value::boolean(true)}) == "true");
  for (const char* text : {"true", "True", "TRUE", "t", "T", "1"}) {
    CAPTURE(text);
    CHECK(printCall("string_to_bool", {s(text)}) == "true");
  }
  for (const char* text : {"false", "False", "FALSE", "f", "F", "0"}) {
    CAPTURE(text);
    CHECK(printCall("string_to_bool", {s(text)}) == "false");
  }
  for (const char* text : {"", "yes", "tRUE", "2", " true"}) {
    CAPTURE(text);
    CHECK(callOverload("string_to_bool", {s(text)}).isError());
  }
}

TEST_CASE("stdlib core convert: timestamp() and duration()") {
  Value t = ts("2026-03-02T10:00:00Z");
  CHECK(printCall("timestamp_to_timestamp", {t}) == "timestamp(\"2026-03-02T10:00:00Z\")");
  CHECK(printCall("string_to_timestamp", {s("2026-03-02T11:00:00.25+01:00")}) ==
        "timestamp(\"2026-03-02T10:00:00.25Z\")");
  CHECK(callOverload("string_to_timestamp", {s("2026-03-02")}).isError());
  CHECK(callOverload("string_to_timestamp", {s("not a time")}).isError());
  CHECK(isErrorContaining(callOverload("string_to_timestamp", {s("0000-01-01T00:00:00Z")}),
                          "range"));
  CHECK(callOverload("string_to_timestamp", {s("10000-01-01T00:00:00Z")}).isError());
  CHECK(printCall("int64_to_timestamp", {i(0)}) == "timestamp(\"1970-01-01T00:00:00Z\")");
  CHECK(printCall("int64_to_timestamp", {i(-62135596800)}) ==
        "timestamp(\"0001-01-01T00:00:00Z\")");
  CHECK(isErrorContaining(callOverload("int64_to_timestamp", {i(-62135596801)}), "range"));
  CHECK(isErrorContaining(callOverload("int64_to_timestamp", {i(253402300800)}), "range"));
  CHECK(isErrorContaining(callOverload("int64_to_timestamp", {i(INT64_MIN)}), "range"));

  CHECK(printCall("duration_to_duration", {dur("100s")}) == "duration(\"100s\")");
  CHECK(printCall("string_to_duration", {s("1h30m")}) == "duration(\"5400s\")");
  CHECK(printCall("string_to_duration", {s("-1.5s")}) == "duration(\"-1.5s\")");
  CHECK(printCall("string_to_duration", {s("100ms")}) == "duration(\"0.1s\")");
  CHECK(callOverload("string_to_duration", {s("1d")}).isError());
  CHECK(callOverload("string_to_duration", {s("")}).isError());
  CHECK(isErrorContaining(callOverload("string_to_duration", {s("320000000000s")}), "range"));
  CHECK(isErrorContaining(callOverload("string_to_duration", {s("-320000000000s")}), "range"));
}

TEST_CASE("stdlib core convert: dyn() is the identity") {
  CHECK(printCall("to_dyn", {Value::list({i(1), s("one")})}) == "[1, \"one\"]");
  Value list = Value::list({i(1)});
  Value same = callOverload("to_dyn", {list});
  CHECK(same.heapObject() == list.heapObject());  // no copy
  CHECK(printCall("to_dyn", {Value::null()}) == "null");
}

TEST_CASE("stdlib core types: type()") {
  CHECK(printCall("type", {i(0)}) == "int");
  CHECK(printCall("type", {u(0)}) == "uint");
  CHECK(printCall("type", {d(0)}) == "double");
  CHECK(printCall("type", {Value::boolean(true)}) == "bool");
  CHECK(printCall("type", {s("")}) == "string");
  CHECK(printCall("type", {b("\xff")}) == "bytes");
  CHECK(printCall("type", {Value::null()}) == "null_type");
  CHECK(printCall("type", {Value::list({i(1)})}) == "list");
  CHECK(printCall("type", {Value::map({{i(4), i(16)}})}) == "map");
  CHECK(printCall("type", {ts("2026-03-02T10:00:00Z")}) == "google.protobuf.Timestamp");
  CHECK(printCall("type", {dur("1s")}) == "google.protobuf.Duration");
  CHECK(printCall("type", {Value::optionalNone()}) == "optional_type");
  CHECK(printCall("type", {Value::type(TypeTag::Int)}) == "type");
  CHECK(printCall("type", {Value::type(TypeTag::Type)}) == "type");

  RecordLayout layout("Purchase", {"total"});
  Value record = RecordBuilder(layout).build();
  Value recordType = callOverload("type", {record});
  REQUIRE(recordType.kind() == ValueKind::Type);
  CHECK(recordType.typeTag() == TypeTag::Named);
  CHECK(recordType.typeName() == "Purchase");
  CHECK(equals(recordType, Value::type("Purchase")));

  // Types of values of one kind are equal whatever the elements.
  CHECK(equals(callOverload("type", {Value::list({i(1)})}),
               callOverload("type", {Value::list({s("one")})})));
  CHECK(!equals(callOverload("type", {d(0)}), callOverload("type", {i(0)})));
}

TEST_SUITE_END();
