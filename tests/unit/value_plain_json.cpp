// Plain JSON, the value format of the runtime's output records: every kind of value.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "vm/value/plain_json.h"
#include "vm/value/record.h"
#include "vm/value/value.h"

using namespace journey;

namespace {

std::string plain(const Value& v) {
  std::string out;
  appendPlainJson(out, v);
  return out;
}

}  // namespace

TEST_SUITE("value") {

TEST_CASE("plain JSON: scalars") {
  CHECK(plain(Value::null()) == "null");
  CHECK(plain(Value::boolean(true)) == "true");
  CHECK(plain(Value::boolean(false)) == "false");
  CHECK(plain(Value::integer(42)) == "42");
  CHECK(plain(Value::integer(-7)) == "-7");
  CHECK(plain(Value::integer(std::numeric_limits<int64_t>::min())) == "-9223372036854775808");
  CHECK(plain(Value::uinteger(42)) == "42");
  CHECK(plain(Value::uinteger(std::numeric_limits<uint64_t>::max())) == "18446744073709551615");
}

TEST_CASE("plain JSON: doubles keep a fraction or an exponent") {
  CHECK(plain(Value::dbl(80)) == "80.0");
  CHECK(plain(Value::dbl(1.5)) == "1.5");
  CHECK(plain(Value::dbl(-0.0)) == "-0.0");
  CHECK(plain(Value::dbl(0.1)) == "0.1");
  CHECK(plain(Value::dbl(1e300)) == "1e+300");
  CHECK(plain(Value::dbl(1.5e-7)) == "1.5e-07");
  CHECK(plain(Value::dbl(std::nan(""))) == "\"NaN\"");
  CHECK(plain(Value::dbl(HUGE_VAL)) == "\"Infinity\"");
  CHECK(plain(Value::dbl(-HUGE_VAL)) == "\"-Infinity\"");
}

TEST_CASE("plain JSON: strings and bytes") {
  CHECK(plain(Value::string("")) == "\"\"");
  CHECK(plain(Value::string("cart-reminder")) == "\"cart-reminder\"");
  CHECK(plain(Value::string("a\"b\\c\nd\x01")) == "\"a\\\"b\\\\c\\nd\\u0001\"");
  CHECK(plain(Value::string("café ✓")) == "\"café ✓\"");
  // Every escape, at the start, between plain runs and at the end.
  CHECK(plain(Value::string("\tx\ry\bz\f\x1f")) == "\"\\tx\\ry\\bz\\f\\u001f\"");
  CHECK(plain(Value::string(std::string_view("\0\"\"", 3))) == "\"\\u0000\\\"\\\"\"");
  // Strings are scanned eight bytes at a time: a byte to escape, or one just outside the
  // escaped ranges, at every position of strings up to 20 bytes long.
  for (char special : {'\0', '\x1f', '"', '\\', ' ', '!', '#', '[', ']', '\x7f', '\x80', '\xff'}) {
    for (size_t length = 1; length <= 20; ++length) {
      for (size_t at = 0; at < length; ++at) {
        std::string text(length, 'a');
        text[at] = special;
        std::string escaped = special == '\0'     ? "\\u0000"
                              : special == '\x1f' ? "\\u001f"
                              : special == '"'    ? "\\\""
                              : special == '\\'   ? "\\\\"
                                                  : std::string(1, special);
        CAPTURE(static_cast<int>(static_cast<unsigned char>(special)));
        CAPTURE(at);
        CHECK(plain(Value::string(text)) == "\"" + std::string(at, 'a') + escaped +
                                                 std::string(length - at - 1, 'a') + "\"");
      }
    }
  }
  CHECK(plain(Value::bytes(std::string_view("abc"))) == "\"YWJj\"");
  CHECK(plain(Value::bytes(std::string_view("\xff\x00", 2))) == "\"/wA=\"");
  CHECK(plain(Value::bytes(std::string_view())) == "\"\"");
}

TEST_CASE("plain JSON: timestamps and durations") {
  CHECK(plain(Value::timestamp(1772445600)) == "\"2026-03-02T10:00:00Z\"");
  CHECK(plain(Value::timestamp(1772445600, 500'000'000)) == "\"2026-03-02T10:00:00.5Z\"");
  CHECK(plain(Value::timestamp(1772445600, 1)) == "\"2026-03-02T10:00:00.000000001Z\"");
  CHECK(plain(Value::timestamp(0)) == "\"1970-01-01T00:00:00Z\"");
  CHECK(plain(Value::timestamp(kMinTimestampSeconds)) == "\"0001-01-01T00:00:00Z\"");
  CHECK(plain(Value::duration(3600)) == "\"3600s\"");
  CHECK(plain(Value::duration(1, 500'000'000)) == "\"1.5s\"");
  CHECK(plain(Value::duration(0, -1)) == "\"-0.000000001s\"");
  CHECK(plain(Value::duration(0)) == "\"0s\"");
}

TEST_CASE("plain JSON: lists and maps") {
  CHECK(plain(Value::list({})) == "[]");
  CHECK(plain(Value::list({Value::integer(1), Value::string("a"),
                           Value::list({Value::dbl(2), Value::null()})})) ==
        "[1, \"a\", [2.0, null]]");
  CHECK(plain(Value::map({})) == "{}");
  CHECK(plain(Value::map({{Value::string("b"), Value::integer(1)},
                          {Value::string("a"), Value::list({})}})) == "{\"b\": 1, \"a\": []}");
  // Keys of other kinds in their string form; insertion order kept.
  CHECK(plain(Value::map({{Value::integer(-2), Value::boolean(true)},
                          {Value::uinteger(3), Value::null()},
                          {Value::boolean(false), Value::string("x")}})) ==
        "{\"-2\": true, \"3\": null, \"false\": \"x\"}");
  CHECK(plain(Value::map({{Value::string("q\"k"), Value::integer(1)}})) == "{\"q\\\"k\": 1}");
}

TEST_CASE("plain JSON: records show their present fields in declaration order") {
  RecordLayout item("Item", {"sku", "qty", "note"}, {false, false, true});
  RecordLayout payload("Payload", {"cartId", "total", "items"});
  Value i = RecordBuilder(item).set(1, Value::integer(2)).set(0, Value::string("s1")).build();
  CHECK(plain(i) == "{\"sku\": \"s1\", \"qty\": 2}");
  CHECK(plain(RecordBuilder(item).build()) == "{}");
  Value p = RecordBuilder(payload)
                .set(0, Value::string("c1"))
                .set(1, Value::dbl(80))
                .build();
  CHECK(plain(p) == R"({"cartId": "c1", "total": 80.0})");  // LANGUAGE.md §5's payload
  Value nested = withField(p, 2, Value::list({i}));
  CHECK(plain(nested) ==
        R"({"cartId": "c1", "total": 80.0, "items": [{"sku": "s1", "qty": 2}]})");
}

TEST_CASE("plain JSON: optionals, types and errors") {
  CHECK(plain(Value::optional(Value::integer(1))) == "1");
  CHECK(plain(Value::optionalNone()) == "null");
  CHECK(plain(Value::optional(Value::optional(Value::string("a")))) == "\"a\"");
  CHECK(plain(Value::list({Value::optionalNone(), Value::optional(Value::dbl(1))})) ==
        "[null, 1.0]");
  CHECK(plain(Value::type(TypeTag::Int)) == "\"int\"");
  CHECK(plain(Value::type(TypeTag::Timestamp)) == "\"google.protobuf.Timestamp\"");
  CHECK(plain(Value::type("Purchase")) == "\"Purchase\"");
  CHECK(plain(Value::error("no such field: `email` is absent")) ==
        "{\"error\": \"no such field: `email` is absent\"}");
  CHECK(plain(Value::error("say \"hi\"")) == "{\"error\": \"say \\\"hi\\\"\"}");
}

TEST_CASE("plain JSON appends to what the line already holds") {
  std::string out = "{\"payload\": ";
  appendPlainJson(out, Value::list({Value::integer(1)}));
  out += '}';
  CHECK(out == "{\"payload\": [1]}");
}

}  // TEST_SUITE
