// CEL equality, ordering and hashing over values.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "tests/unit/stdlib_support.h"
#include "vm/value/equality.h"
#include "vm/value/printer.h"
#include "vm/value/record.h"
#include "vm/value/value.h"

using namespace journey;
using journey::test::values::kInf;
using journey::test::values::kNaN;

namespace {

Value I(int64_t i) { return Value::integer(i); }
Value U(uint64_t u) { return Value::uinteger(u); }
Value D(double d) { return Value::dbl(d); }
Value S(std::string_view s) { return Value::string(s); }
Value L(std::vector<Value> v) { return Value::list(std::move(v)); }
Value M(std::vector<MapEntry> e) { return Value::map(std::move(e)); }

const char* name(Ordering o) {
  switch (o) {
    case Ordering::Less: return "<";
    case Ordering::Equal: return "==";
    case Ordering::Greater: return ">";
    case Ordering::Unordered: return "unordered";
    case Ordering::Incomparable: return "incomparable";
  }
  return "?";
}

void checkEqual(const Value& a, const Value& b, bool expected) {
  CAPTURE(toCelLiteral(a));
  CAPTURE(toCelLiteral(b));
  CHECK(equals(a, b) == expected);
  CHECK(equals(b, a) == expected);  // symmetric
  if (expected) CHECK(hashValue(a) == hashValue(b));
}

void checkOrder(const Value& a, const Value& b, Ordering expected) {
  CAPTURE(toCelLiteral(a));
  CAPTURE(toCelLiteral(b));
  CHECK(std::string(name(compare(a, b))) == name(expected));
  Ordering reversed = expected == Ordering::Less      ? Ordering::Greater
                      : expected == Ordering::Greater ? Ordering::Less
                                                      : expected;
  CHECK(std::string(name(compare(b, a))) == name(reversed));
}

}  // namespace

TEST_SUITE("value") {

TEST_CASE("numeric equality across kinds") {
  checkEqual(I(1), U(1), true);
  checkEqual(I(1), D(1.0), true);
  checkEqual(U(1), D(1.0), true);
  checkEqual(I(-1), U(UINT64_MAX), false);
  checkEqual(I(-1), D(-1.0), true);
  checkEqual(I(0), D(-0.0), true);
  checkEqual(D(0.0), D(-0.0), true);
  checkEqual(I(1), D(1.5), false);
  checkEqual(I(INT64_MAX), D(9223372036854775807.0), true);  // the int rounds to 2^63
  checkEqual(U(uint64_t{1} << 63), D(9223372036854775808.0), true);
  checkEqual(I(INT64_MIN), D(-9223372036854775808.0), true);
  checkEqual(I(9007199254740993), D(9007199254740992.0), true);  // rounded to the double
  checkEqual(I(9007199254740993), I(9007199254740992), false);    // int with int stays exact
  checkEqual(U(UINT64_MAX), D(18446744073709551616.0), true);
  checkEqual(U(UINT64_MAX), D(18446744073709547520.0), false);
  checkEqual(D(kNaN), D(kNaN), false);
  checkEqual(I(0), D(kNaN), false);
  checkEqual(U(0), D(kNaN), false);
  checkEqual(D(kInf), D(kInf), true);
  checkEqual(I(INT64_MAX), D(kInf), false);
}

TEST_CASE("equality of other kinds") {
  checkEqual(Value::null(), Value::null(), true);
  checkEqual(Value::null(), I(0), false);
  checkEqual(Value::boolean(true), Value::boolean(true), true);
  checkEqual(Value::boolean(true), I(1), false);
  checkEqual(S("abc"), S("abc"), true);
  checkEqual(S("abc"), S("abd"), false);
  checkEqual(S(""), S(""), true);
  checkEqual(S("a"), Value::bytes("a"), false);
  checkEqual(Value::bytes("\xff"), Value::bytes("\xff"), true);
  checkEqual(Value::timestamp(10, 5), Value::timestamp(10, 5), true);
  checkEqual(Value::timestamp(10, 5), Value::timestamp(10, 6), false);
  checkEqual(Value::duration(10, 5), Value::duration(10, 5), true);
  checkEqual(Value::duration(10), Value::timestamp(10), false);
  checkEqual(Value::optional(I(1)), Value::optional(D(1.0)), true);
  checkEqual(Value::optional(I(1)), Value::optionalNone(), false);
  checkEqual(Value::optionalNone(), Value::optionalNone(), true);
  checkEqual(Value::optional(I(1)), I(1), false);
  checkEqual(Value::type("int"), Value::type(TypeTag::Int), true);
  checkEqual(Value::type("int"), Value::type("uint"), false);
  checkEqual(Value::type("Purchase"), Value::type("Purchase"), true);
  checkEqual(Value::type("Purchase"), Value::type("Item"), false);
  checkEqual(Value::type("list"), S("list"), false);
  checkEqual(Value::error("x"), Value::error("x"), false);
}

TEST_CASE("lists compare element-wise") {
  checkEqual(L({I(1), S("a")}), L({D(1.0), S("a")}), true);
  checkEqual(L({I(1), S("a")}), L({I(1)}), false);
  checkEqual(L({I(1), S("a")}), L({I(1), S("b")}), false);
  checkEqual(L({}), L({}), true);
  checkEqual(L({D(kNaN)}), L({D(kNaN)}), false);
  checkEqual(L({L({I(1)})}), L({L({U(1)})}), true);
  checkEqual(L({I(1)}), M({{I(0), I(1)}}), false);
}

TEST_CASE("maps compare by keys and values, in any order") {
  Value a = M({{S("x"), I(1)}, {I(2), S("two")}});
  Value b = M({{I(2), S("two")}, {S("x"), D(1.0)}});
  checkEqual(a, b, true);
  checkEqual(M({{I(1), S("v")}}), M({{U(1), S("v")}}), true);
  checkEqual(M({{I(1), S("v")}}), M({{I(1), S("w")}}), false);
  checkEqual(M({{I(1), S("v")}}), M({{I(2), S("v")}}), false);
  checkEqual(a, M({{S("x"), I(1)}}), false);
  checkEqual(M({}), M({}), true);
  std::vector<MapEntry> forward, backward;
  for (int64_t i = 0; i < 50; ++i) forward.push_back({I(i), I(i * i)});
  for (int64_t i = 49; i >= 0; --i) backward.push_back({U(static_cast<uint64_t>(i)), I(i * i)});
  checkEqual(M(std::move(forward)), M(std::move(backward)), true);
}

TEST_CASE("records compare by type and present fields") {
  RecordLayout item("Item", {"sku", "qty"});
  RecordLayout sameName("Item", {"sku", "qty"});
  RecordLayout other("Other", {"sku", "qty"});
  Value a = RecordBuilder(item).set(0, S("x")).set(1, I(2)).build();
  Value b = RecordBuilder(item).set(0, S("x")).set(1, D(2.0)).build();
  Value c = RecordBuilder(item).set(0, S("x")).build();
  Value d = RecordBuilder(sameName).set(0, S("x")).set(1, I(2)).build();
  Value e = RecordBuilder(other).set(0, S("x")).set(1, I(2)).build();
  Value f = RecordBuilder(item).set(0, S("x")).set(1, Value::null()).build();
  checkEqual(a, b, true);
  checkEqual(a, c, false);
  checkEqual(a, d, true);
  checkEqual(a, e, false);
  checkEqual(c, f, false);  // an absent field differs from a present null
}

TEST_CASE("ordering of numbers across kinds") {
  checkOrder(I(1), I(2), Ordering::Less);
  checkOrder(I(-1), U(0), Ordering::Less);
  checkOrder(I(5), U(5), Ordering::Equal);
  checkOrder(U(UINT64_MAX), I(INT64_MAX), Ordering::Greater);
  checkOrder(I(1), D(1.5), Ordering::Less);
  checkOrder(I(2), D(1.5), Ordering::Greater);
  checkOrder(I(-1), D(-1.5), Ordering::Greater);
  checkOrder(I(-2), D(-1.5), Ordering::Less);
  checkOrder(I(INT64_MAX), D(9223372036854775808.0), Ordering::Equal);  // as cel-go
  checkOrder(I(INT64_MAX), D(9223372036854777856.0), Ordering::Less);
  checkOrder(I(INT64_MIN), D(-9223372036854775808.0), Ordering::Equal);
  checkOrder(I(INT64_MIN), D(-1e300), Ordering::Greater);
  checkOrder(U(0), D(-0.5), Ordering::Greater);
  checkOrder(U(0), D(0.5), Ordering::Less);
  checkOrder(U(UINT64_MAX), D(18446744073709551616.0), Ordering::Equal);
  checkOrder(U(UINT64_MAX), D(1e19), Ordering::Greater);
  checkOrder(I(9007199254740993), D(9007199254740992.0), Ordering::Equal);
  checkOrder(D(1.0), D(2.0), Ordering::Less);
  checkOrder(D(-kInf), I(INT64_MIN), Ordering::Less);
  checkOrder(D(kInf), U(UINT64_MAX), Ordering::Greater);
  checkOrder(D(kNaN), D(1.0), Ordering::Unordered);
  checkOrder(D(kNaN), D(kNaN), Ordering::Unordered);
  checkOrder(I(1), D(kNaN), Ordering::Unordered);
  checkOrder(U(1), D(kNaN), Ordering::Unordered);
}

TEST_CASE("ordering of strings, bytes, bools and times") {
  checkOrder(S("a"), S("b"), Ordering::Less);
  checkOrder(S("a"), S("aa"), Ordering::Less);
  checkOrder(S(""), S("a"), Ordering::Less);
  checkOrder(S("abc"), S("abc"), Ordering::Equal);
  checkOrder(S("z"), S("é"), Ordering::Less);    // U+007A < U+00E9
  checkOrder(S("\uffff"), S("😀"), Ordering::Less);  // code point order, not UTF-16 order
  checkOrder(Value::bytes("\x01"), Value::bytes("\xff"), Ordering::Less);
  checkOrder(Value::boolean(false), Value::boolean(true), Ordering::Less);
  checkOrder(Value::timestamp(1, 5), Value::timestamp(1, 6), Ordering::Less);
  checkOrder(Value::timestamp(2, 0), Value::timestamp(1, 999'999'999), Ordering::Greater);
  checkOrder(Value::duration(-1, -500'000'000), Value::duration(-1), Ordering::Less);
  checkOrder(Value::duration(0, -500'000'000), Value::duration(0, 500'000'000), Ordering::Less);
  checkOrder(Value::duration(-1, -500'000'000), Value::duration(0, -500'000'000), Ordering::Less);
  checkOrder(Value::duration(5), Value::duration(5), Ordering::Equal);
}

TEST_CASE("unorderable kinds and mixed kinds are incomparable") {
  checkOrder(S("1"), I(1), Ordering::Incomparable);
  checkOrder(Value::bytes("a"), S("a"), Ordering::Incomparable);
  checkOrder(Value::boolean(true), I(1), Ordering::Incomparable);
  checkOrder(L({I(1)}), L({I(2)}), Ordering::Incomparable);
  checkOrder(M({}), M({}), Ordering::Incomparable);
  checkOrder(Value::null(), Value::null(), Ordering::Incomparable);
  checkOrder(Value::timestamp(0), Value::duration(0), Ordering::Incomparable);
  checkOrder(Value::type("int"), Value::type("int"), Ordering::Incomparable);
}

TEST_CASE("hashes agree with equality") {
  CHECK(hashValue(I(42)) == hashValue(U(42)));
  CHECK(hashValue(I(42)) == hashValue(D(42.0)));
  CHECK(hashValue(U(uint64_t{1} << 63)) == hashValue(D(9223372036854775808.0)));
  CHECK(hashValue(I(0)) == hashValue(D(-0.0)));
  CHECK(hashValue(S("abc")) == hashValue(S("abc")));
  CHECK(hashValue(L({I(1), S("x")})) == hashValue(L({D(1.0), S("x")})));
  CHECK(hashValue(M({{S("a"), I(1)}, {S("b"), I(2)}})) ==
        hashValue(M({{S("b"), U(2)}, {S("a"), D(1.0)}})));
  CHECK(hashValue(Value::type("int")) == hashValue(Value::type(TypeTag::Int)));
  // Unequal values usually hash apart.
  CHECK(hashValue(I(1)) != hashValue(I(2)));
  CHECK(hashValue(S("a")) != hashValue(Value::bytes("a")));
  CHECK(hashValue(Value::boolean(true)) != hashValue(I(1)));
  CHECK(hashValue(D(0.5)) != hashValue(I(0)));
  CHECK(hashValue(L({I(1), I(2)})) != hashValue(L({I(2), I(1)})));
  // Doubles that are not integers still hash consistently.
  CHECK(hashValue(D(0.5)) == hashValue(D(0.5)));
  CHECK(hashValue(D(kInf)) == hashValue(D(kInf)));
}

}  // TEST_SUITE
