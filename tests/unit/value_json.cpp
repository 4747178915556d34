// Typed JSON (the conformance value format): parsing, printing, strict comparison.
#include <doctest/doctest.h>
#include <simdjson.h>

#include <cmath>
#include <fstream>
#include <limits>

#include "test_paths.h"
#include "vm/value/equality.h"
#include "vm/value/printer.h"
#include "vm/value/record.h"
#include "vm/value/value.h"
#include "vm/value/value_json.h"

using namespace journey;

namespace {

Value parsed(std::string_view json) {
  Value v = parseTypedJson(json);
  REQUIRE_MESSAGE(!v.isError(), (std::string(json) + " -> " + toCelLiteral(v)));
  return v;
}

// Parses, checks the CEL literal, prints back and checks the round trip.
void roundTrip(std::string_view json, std::string_view literal) {
  CAPTURE(json);
  Value v = parsed(json);
  CHECK(toCelLiteral(v) == literal);
  std::string printed = toTypedJson(v);
  Value again = parsed(printed);
  CHECK(strictEquals(v, again));
  CHECK(toTypedJson(again) == printed);
}

}  // namespace

TEST_SUITE("value") {

TEST_CASE("typed JSON scalars") {
  roundTrip(R"({"null": null})", "null");
  roundTrip(R"({"bool": true})", "true");
  roundTrip(R"({"int": "-12"})", "-12");
  roundTrip(R"({"int": "-9223372036854775808"})", "-9223372036854775808");
  roundTrip(R"({"int": 7})", "7");
  roundTrip(R"({"uint": "18446744073709551615"})", "18446744073709551615u");
  roundTrip(R"({"double": 1.5})", "1.5");
  roundTrip(R"({"double": 0.0})", "0.0");
  roundTrip(R"({"double": -0.0})", "-0.0");
  roundTrip(R"({"double": 3})", "3.0");
  roundTrip(R"({"double": 9.223372036854776e+18})", "9223372036854775808.0");
  roundTrip(R"({"double": 1e+100})", "1e+100");
  roundTrip(R"({"double": "NaN"})", "double(\"NaN\")");
  roundTrip(R"({"double": "Infinity"})", "double(\"Infinity\")");
  roundTrip(R"({"double": "-Infinity"})", "double(\"-Infinity\")");
  roundTrip(R"({"string": "a\"b\\c\n😀"})", R"("a\"b\\c\n😀")");
  roundTrip(R"({"string": "\u0001"})", R"("\x01")");
  roundTrip(R"({"bytes": "YWJj"})", R"(b"abc")");
  roundTrip(R"({"bytes": ""})", R"(b"")");
  roundTrip(R"({"bytes": "AP8="})", R"(b"\x00\xff")");
  roundTrip(R"({"type": "int"})", "int");
  roundTrip(R"({"type": "google.protobuf.Duration"})", "google.protobuf.Duration");
  roundTrip(R"({"type": "Purchase"})", "Purchase");
}

TEST_CASE("typed JSON times, aggregates and extensions") {
  roundTrip(R"({"timestamp": {"seconds": "1234567890", "nanos": "5"}})",
            R"(timestamp("2009-02-13T23:31:30.000000005Z"))");
  roundTrip(R"({"timestamp": {"seconds": 0}})", R"(timestamp("1970-01-01T00:00:00Z"))");
  roundTrip(R"({"timestamp": "2026-03-02T10:00:00Z"})", R"(timestamp("2026-03-02T10:00:00Z"))");
  roundTrip(R"({"duration": {"seconds": "-1", "nanos": -500000000}})", R"(duration("-1.5s"))");
  roundTrip(R"({"duration": "1h"})", R"(duration("3600s"))");
  roundTrip(R"({"list": []})", "[]");
  roundTrip(R"({"list": [{"int": "1"}, {"string": "a"}, {"list": [{"null": null}]}]})",
            R"([1, "a", [null]])");
  roundTrip(R"({"map": []})", "{}");
  roundTrip(R"({"map": [[{"string": "k"}, {"int": "1"}], [{"uint": "2"}, {"bool": false}]]})",
            R"({"k": 1, 2u: false})");
  roundTrip(R"({"optional": null})", "optional.none()");
  roundTrip(R"({"optional": {"int": "1"}})", "optional.of(1)");
  Value error = parseTypedJson(R"({"error": "boom"})");
  CHECK(error.errorMessage() == "boom");
  CHECK(toTypedJson(error) == R"({"error": "boom"})");
}

TEST_CASE("typed JSON prints in the conformance style") {
  CHECK(toTypedJson(Value::integer(42)) == R"({"int": "42"})");
  CHECK(toTypedJson(Value::dbl(2)) == R"({"double": 2.0})");
  CHECK(toTypedJson(Value::list({Value::uinteger(1), Value::boolean(true)})) ==
        R"({"list": [{"uint": "1"}, {"bool": true}]})");
  CHECK(toTypedJson(Value::timestamp(1, 2)) ==
        R"({"timestamp": {"seconds": "1", "nanos": "2"}})");
  RecordLayout layout("Item", {"sku", "qty"});
  Value item = RecordBuilder(layout).set(1, Value::integer(2)).build();
  CHECK(toTypedJson(item) == R"({"record": {"type": "Item", "fields": {"qty": {"int": "2"}}}})");
  CHECK(toTypedJson(Value::string("tab\there")) == R"({"string": "tab\there"})");
}

TEST_CASE("malformed typed JSON is an error value") {
  const char* bad[] = {
      "",
      "nope",
      "{}",
      R"({"int": "1", "uint": "2"})",
      R"({"int": "x"})",
      R"({"int": "9223372036854775808"})",
      R"({"int": 1.5})",
      R"({"uint": "-1"})",
      R"({"double": "fast"})",
      R"({"double": true})",
      R"({"bool": "true"})",
      R"({"null": 0})",
      R"({"string": 5})",
      R"({"bytes": "***"})",
      R"({"list": {}})",
      R"({"list": [1]})",
      R"({"map": [[{"int": "1"}]]})",
      R"({"map": [[{"double": 1.0}, {"int": "1"}]]})",
      R"({"map": [[{"int": "1"}, {"int": "1"}], [{"uint": "1"}, {"int": "2"}]]})",
      R"({"timestamp": {"seconds": "99999999999999"}})",
      R"({"timestamp": {"secs": "1"}})",
      R"({"duration": {"seconds": "320000000000"}})",
      R"({"duration": "1d"})",
      R"({"frobnicate": 1})",
      R"([{"int": "1"}])",
  };
  for (const char* json : bad) {
    INFO(json);
    CHECK(parseTypedJson(json).isError());
  }
  CHECK(parseTypedJson(R"({"frobnicate": 1})").errorMessage() ==
        "malformed typed value: unknown kind `frobnicate`");
}

TEST_CASE("strict comparison: kinds must match, NaN equals NaN") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK(strictEquals(Value::integer(1), Value::integer(1)));
  CHECK_FALSE(strictEquals(Value::integer(1), Value::uinteger(1)));
  CHECK_FALSE(strictEquals(Value::integer(1), Value::dbl(1.0)));
  CHECK(strictEquals(Value::dbl(nan), Value::dbl(nan)));
  CHECK_FALSE(equals(Value::dbl(nan), Value::dbl(nan)));
  CHECK(strictEquals(Value::list({Value::dbl(nan)}), Value::list({Value::dbl(nan)})));
  CHECK_FALSE(strictEquals(Value::list({Value::integer(1)}), Value::list({Value::dbl(1)})));
  CHECK(strictEquals(parsed(R"({"map": [[{"int": "1"}, {"string": "a"}]]})"),
                     parsed(R"({"map": [[{"int": "1"}, {"string": "a"}]]})")));
  CHECK_FALSE(strictEquals(parsed(R"({"map": [[{"int": "1"}, {"string": "a"}]]})"),
                           parsed(R"({"map": [[{"uint": "1"}, {"string": "a"}]]})")));
  CHECK_FALSE(strictEquals(parsed(R"({"map": [[{"int": "1"}, {"int": "2"}]]})"),
                           parsed(R"({"map": [[{"int": "1"}, {"double": 2.0}]]})")));
  CHECK(strictEquals(Value::optional(Value::dbl(nan)), Value::optional(Value::dbl(nan))));
  CHECK_FALSE(strictEquals(Value::optional(Value::integer(1)), Value::optional(Value::dbl(1))));
  CHECK(strictEquals(Value::error("x"), Value::error("x")));
  CHECK_FALSE(strictEquals(Value::error("x"), Value::error("y")));
  CHECK(strictEquals(Value::type("int"), Value::type(TypeTag::Int)));
  CHECK(strictEquals(Value::timestamp(5, 1), Value::timestamp(5, 1)));
}

TEST_CASE("every typed value of the conformance cases reads and round-trips") {
  std::ifstream in(test::sharedDir() + "/conformance/cel/cases.jsonl");
  REQUIRE_MESSAGE(in.good(), "conformance cases not found");
  simdjson::dom::parser parser;
  std::string line;
  int values = 0;
  while (std::getline(in, line)) {
    simdjson::padded_string padded(line);
    simdjson::dom::element root;
    REQUIRE(parser.parse(padded).get(root) == simdjson::SUCCESS);
    std::string_view id;
    REQUIRE(root["id"].get(id) == simdjson::SUCCESS);
    CAPTURE(id);
    std::vector<simdjson::dom::element> typed;
    simdjson::dom::object bindings;
    if (root["bindings"].get(bindings) == simdjson::SUCCESS) {
      for (auto binding : bindings) typed.push_back(binding.value);
    }
    simdjson::dom::element expected;
    if (root["expect"]["value"].get(expected) == simdjson::SUCCESS) typed.push_back(expected);
    for (const auto& element : typed) {
      Value v = typedJsonToValue(element);
      REQUIRE_MESSAGE(!v.isError(), toCelLiteral(v));
      Value again = parseTypedJson(toTypedJson(v));
      CHECK(strictEquals(v, again));
      ++values;
    }
  }
  CHECK(values > 700);
}

}  // TEST_SUITE
