// The value model: construction, accessors, reference counting, lists, maps, records,
// optionals, types and errors.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <thread>
#include <type_traits>

#include "tests/unit/leak_check.h"
#include "vm/value/equality.h"
#include "vm/value/record.h"
#include "vm/value/value.h"

using namespace journey;

namespace {

Value ints(std::initializer_list<int64_t> xs) {
  std::vector<Value> v;
  for (int64_t x : xs) v.push_back(Value::integer(x));
  return Value::list(std::move(v));
}

}  // namespace

TEST_SUITE("value") {

TEST_CASE("a value is 16 bytes with a stable layout") {
  static_assert(sizeof(Value) == 16);
  static_assert(std::is_nothrow_move_constructible_v<Value>);
  static_assert(std::is_nothrow_copy_constructible_v<Value>);
  Value v = Value::timestamp(0x11223344, 123);
  unsigned char bytes[16];
  std::memcpy(bytes, &v, 16);
  CHECK(bytes[0] == static_cast<unsigned char>(ValueKind::Timestamp));
  int32_t aux;
  int64_t payload;
  std::memcpy(&aux, bytes + 4, 4);
  std::memcpy(&payload, bytes + 8, 8);
  CHECK(aux == 123);
  CHECK(payload == 0x11223344);
}

TEST_CASE("scalars need no allocation") {
  LeakCheck leaks;
  int64_t before = liveHeapObjectsOnThisThread();
  Value n = Value::null(), b = Value::boolean(true), i = Value::integer(-5),
        u = Value::uinteger(7), d = Value::dbl(1.5), t = Value::timestamp(1, 2),
        du = Value::duration(-3, -4), e = Value::string(""), by = Value::bytes(""),
        l = Value::list({}), m = Value::map({}), none = Value::optionalNone(),
        ty = Value::type(TypeTag::Int);
  CHECK(liveHeapObjectsOnThisThread() == before);
  CHECK(n.isNull());
  CHECK(b.asBool());
  CHECK(i.asInt() == -5);
  CHECK(u.asUint() == 7);
  CHECK(d.asDouble() == 1.5);
  CHECK(t.asTimestamp() == Timestamp{1, 2});
  CHECK(du.asDuration() == Duration{-3, -4});
  CHECK(e.asString().empty());
  CHECK(e.stringSize() == 0);
  CHECK(by.kind() == ValueKind::Bytes);
  CHECK(l.asList().empty());
  CHECK(m.asMap().empty());
  CHECK_FALSE(none.hasValue());
  CHECK(ty.typeName() == "int");
  CHECK(Value().isNull());
}

TEST_CASE("strings count code points and know when they are ASCII") {
  LeakCheck leaks;
  Value ascii = Value::string("hello");
  CHECK(ascii.asString() == "hello");
  CHECK(ascii.stringSize() == 5);
  CHECK(ascii.isAsciiString());
  Value greek = Value::string("πέντε");
  CHECK(greek.asString().size() == 10);
  CHECK(greek.stringSize() == 5);
  CHECK_FALSE(greek.isAsciiString());
  Value emoji = Value::string("a😀");
  CHECK(emoji.stringSize() == 2);
  Value raw = Value::bytes(std::string_view("\x00\xff", 2));
  CHECK(raw.kind() == ValueKind::Bytes);
  CHECK(raw.asBytes().size() == 2);
  CHECK(raw.stringSize() == 2);
  const uint8_t data[] = {1, 2, 3};
  CHECK(Value::bytes(std::span<const uint8_t>(data)).asBytes() == "\x01\x02\x03");
  // The characters are NUL-terminated for C APIs.
  CHECK(ascii.asString().data()[5] == '\0');
  // Text is looked at eight bytes at a time, then byte by byte: a non-ASCII byte in either
  // part, or right at the boundary, is found.
  for (size_t at = 0; at < 20; ++at) {
    std::string text(20, 'a');
    text.replace(at, 1, "é");  // two bytes, one code point
    Value v = Value::string(text);
    INFO("é at byte ", at);
    CHECK(v.stringSize() == 20);
    CHECK_FALSE(v.isAsciiString());
  }
  CHECK(Value::string(std::string(16, 'a')).isAsciiString());
  CHECK(Value::string(std::string(17, 'a')).stringSize() == 17);
}

TEST_CASE("copies share the object and count references") {
  LeakCheck leaks;
  Value a = Value::string("text shared by copies");
  CHECK(a.refCount() == 1);
  {
    Value b = a;
    CHECK(a.refCount() == 2);
    CHECK(b.heapObject() == a.heapObject());
    Value c = std::move(b);
    CHECK(a.refCount() == 2);
    CHECK(b.isNull());  // NOLINT: moved-from values are null
    Value d;
    d = c;
    CHECK(a.refCount() == 3);
    Value& alias = d;
    d = alias;  // self-assignment keeps the reference
    CHECK(a.refCount() == 3);
    d = Value::integer(1);
    CHECK(a.refCount() == 2);
    Value& self = c;
    c = std::move(self);
    CHECK(a.refCount() == 2);
    CHECK(c.asString() == "text shared by copies");
  }
  CHECK(a.refCount() == 1);
  Value x = Value::string("another long text");
  a = std::move(x);
  CHECK(a.asString() == "another long text");
  CHECK(a.refCount() == 1);
}

TEST_CASE("short strings and bytes are inline: no object, copies of their own") {
  LeakCheck leaks;
  int64_t before = liveHeapObjectsOnThisThread();
  std::string thirteen(Value::kMaxInlineText, 'x');
  Value a = Value::string(thirteen);
  Value b = Value::bytes(std::string_view("\x00\xff\x80", 3));
  Value accent = Value::string("café");  // five bytes, four code points
  CHECK(liveHeapObjectsOnThisThread() == before);
  for (const Value* v : {&a, &b, &accent}) {
    CHECK(v->heapObject() == nullptr);
    CHECK(v->refCount() == 0);
  }
  CHECK(a.asString() == thirteen);
  CHECK(a.asString().data()[thirteen.size()] == '\0');  // a NUL after the bytes, as in objects
  CHECK(a.stringSize() == 13);
  CHECK(a.isAsciiString());
  CHECK(b.asBytes() == std::string_view("\x00\xff\x80", 3));
  CHECK(b.stringSize() == 3);
  CHECK(accent.stringSize() == 4);
  CHECK_FALSE(accent.isAsciiString());

  // Every size, with a byte outside ASCII at every place: the loads that gather the bytes
  // overlap differently for each size.
  for (size_t n = 1; n <= Value::kMaxInlineText; ++n) {
    std::string ascii;
    for (size_t i = 0; i < n; ++i) ascii += static_cast<char>('a' + i);
    Value v = Value::bytes(ascii);
    CHECK(v.asBytes() == ascii);
    CHECK(v.asBytes().data()[n] == '\0');
    CHECK(v.isAsciiString());
    for (size_t at = 0; at < n; ++at) {
      std::string high = ascii;
      high[at] = static_cast<char>(0x80 + at);
      Value h = Value::bytes(high);
      INFO("size ", n, ", high byte at ", at);
      CHECK(h.asBytes() == high);
      CHECK_FALSE(h.isAsciiString());
    }
  }

  // A copy holds its own bytes: it outlives the original and survives its move.
  Value copy = a;
  CHECK(copy.asString().data() != a.asString().data());
  Value moved = std::move(a);
  CHECK(a.isNull());  // NOLINT: moved-from values are null
  CHECK(copy.asString() == thirteen);
  CHECK(moved.asString() == thirteen);

  // One byte more is an object; both forms are equal when their bytes are.
  Value fourteen = Value::string(thirteen + "x");
  CHECK(fourteen.heapObject() != nullptr);
  CHECK(fourteen.stringSize() == 14);
  CHECK(equals(concatStrings(moved, Value::string("x")), fourteen));
  CHECK(equals(concatStrings(Value::string("ab"), Value::string("cd")), Value::string("abcd")));
  CHECK(concatStrings(Value::string("ab"), Value::string("cd")).heapObject() == nullptr);
  CHECK_FALSE(equals(Value::string("ab"), Value::string("ac")));
  CHECK_FALSE(equals(Value::string("ab"), Value::string("")));
  CHECK(hashValue(Value::string("ab")) == hashValue(Value::string("ab")));
  CHECK(Value::string("").heapObject() == nullptr);
  CHECK(Value::string("").asString().empty());
}

TEST_CASE("containers free everything they hold") {
  LeakCheck leaks;
  int64_t before = liveHeapObjectsOnThisThread();
  {
    Value inner = ints({1, 2, 3});
    std::vector<MapEntry> entries;
    entries.push_back({Value::string("list"), inner});
    entries.push_back({Value::string("opt"), Value::optional(Value::string("o"))});
    Value m = Value::map(std::move(entries));
    CHECK(inner.refCount() == 2);
    Value outer = Value::list({m, m, inner});
    CHECK(m.refCount() == 3);
    CHECK(liveHeapObjectsOnThisThread() > before);
  }
  CHECK(liveHeapObjectsOnThisThread() == before);
}

TEST_CASE("references can be shared across threads") {
  LeakCheck leaks;
  Value shared = Value::list({Value::string("a"), Value::string("b")});
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([shared] {
      for (int i = 0; i < 10000; ++i) {
        Value copy = shared;
        Value again = copy;
        (void)again;
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(shared.refCount() == 1);
}

TEST_CASE("timestamps normalize nanos and check the range") {
  CHECK(Value::timestamp(10, 1'500'000'000).asTimestamp() == Timestamp{11, 500'000'000});
  CHECK(Value::timestamp(10, -1).asTimestamp() == Timestamp{9, 999'999'999});
  CHECK(Value::timestamp(kMinTimestampSeconds, 0).kind() == ValueKind::Timestamp);
  CHECK(Value::timestamp(kMaxTimestampSeconds, 999'999'999).kind() == ValueKind::Timestamp);
  CHECK(Value::timestamp(kMinTimestampSeconds - 1, 0).isError());
  CHECK(Value::timestamp(kMinTimestampSeconds, -1).isError());
  CHECK(Value::timestamp(kMaxTimestampSeconds + 1, 0).isError());
  CHECK(Value::timestamp(kMaxTimestampSeconds, 1'000'000'000).isError());
  CHECK(Value::timestamp(INT64_MAX, 1'000'000'000).isError());
  CHECK(Value::timestamp(-62135596801).errorMessage() == "timestamp out of range");
}

TEST_CASE("durations keep the sign of the seconds and check the range") {
  CHECK(Value::duration(1, 500'000'000).asDuration() == Duration{1, 500'000'000});
  CHECK(Value::duration(1, -500'000'000).asDuration() == Duration{0, 500'000'000});
  CHECK(Value::duration(-1, 500'000'000).asDuration() == Duration{0, -500'000'000});
  CHECK(Value::duration(-2, -1'500'000'000).asDuration() == Duration{-3, -500'000'000});
  CHECK(Value::duration(0, 3'000'000'001).asDuration() == Duration{3, 1});
  CHECK(Value::durationFromNanos(INT64_MIN).asDuration() == Duration{-9223372036, -854775808});
  CHECK(Value::durationFromNanos(INT64_MAX).asDuration() == Duration{9223372036, 854775807});
  CHECK(Value::duration(9223372036, 854775807).kind() == ValueKind::Duration);
  CHECK(Value::duration(9223372036, 854775808).isError());
  CHECK(Value::duration(-9223372036, -854775809).isError());
  CHECK(Value::duration(320000000000).errorMessage() == "duration out of range");
  CHECK(Value::duration(INT64_MIN, INT64_MIN).isError());
}

TEST_CASE("lists hold their elements") {
  LeakCheck leaks;
  Value l = Value::list({Value::integer(1), Value::string("two"), Value::dbl(3.0)});
  REQUIRE(l.asList().size() == 3);
  CHECK(l.asList()[1].asString() == "two");
  Value joined = concatLists(l, ints({4}));
  CHECK(joined.asList().size() == 4);
  CHECK(joined.asList()[3].asInt() == 4);
  CHECK(concatLists(l, Value::list({})).heapObject() == l.heapObject());
  CHECK(concatLists(Value::list({}), l).heapObject() == l.heapObject());
}

TEST_CASE("string and bytes concatenation") {
  LeakCheck leaks;
  Value s = concatStrings(Value::string("héllo "), Value::string("wörld"));
  CHECK(s.asString() == "héllo wörld");
  CHECK(s.stringSize() == 11);
  CHECK_FALSE(s.isAsciiString());
  CHECK(concatStrings(Value::string("ab"), Value::string("cd")).isAsciiString());
  Value b = concatBytes(Value::bytes("\x01"), Value::bytes("\x02"));
  CHECK(b.kind() == ValueKind::Bytes);
  CHECK(b.asBytes() == "\x01\x02");
  CHECK(concatStrings(Value::string(""), Value::string("")).asString().empty());
}

TEST_CASE("maps find keys across numeric kinds") {
  LeakCheck leaks;
  std::vector<MapEntry> entries;
  entries.push_back({Value::integer(1), Value::string("int one")});
  entries.push_back({Value::uinteger(2), Value::string("uint two")});
  entries.push_back({Value::string("k"), Value::string("string")});
  entries.push_back({Value::boolean(true), Value::string("bool")});
  Value m = Value::map(std::move(entries));
  REQUIRE(m.kind() == ValueKind::Map);
  MapView view = m.asMap();
  CHECK(view.size() == 4);
  CHECK(view.find(Value::integer(1))->asString() == "int one");
  CHECK(view.find(Value::uinteger(1))->asString() == "int one");
  CHECK(view.find(Value::dbl(1.0))->asString() == "int one");
  CHECK(view.find(Value::integer(2))->asString() == "uint two");
  CHECK(view.find(Value::dbl(2.0))->asString() == "uint two");
  CHECK(view.find(Value::dbl(1.5)) == nullptr);
  CHECK(view.find(Value::dbl(std::nan(""))) == nullptr);
  CHECK(view.find(Value::string("k"))->asString() == "string");
  CHECK(view.find(Value::bytes("k")) == nullptr);
  CHECK(view.find(Value::boolean(true))->asString() == "bool");
  CHECK(view.find(Value::boolean(false)) == nullptr);
  CHECK(view.find(Value::null()) == nullptr);
  CHECK(view.find(ints({1})) == nullptr);
  CHECK(view.findEntry(Value::dbl(2.0))->key.kind() == ValueKind::Uint);
  // Insertion order is kept.
  CHECK(view.entries()[0].key.asInt() == 1);
  CHECK(view.entries()[3].key.asBool());
}

TEST_CASE("large maps use the hashed index") {
  LeakCheck leaks;
  std::vector<MapEntry> entries;
  for (int64_t i = 0; i < 1000; ++i) {
    if (i % 2) {
      entries.push_back({Value::integer(i), Value::integer(i * 10)});
    } else {
      entries.push_back({Value::string("key" + std::to_string(i)), Value::integer(i * 10)});
    }
  }
  Value m = Value::map(std::move(entries));
  REQUIRE(m.kind() == ValueKind::Map);
  MapView view = m.asMap();
  for (int64_t i = 0; i < 1000; ++i) {
    const Value* found = i % 2 ? view.find(Value::uinteger(static_cast<uint64_t>(i)))
                               : view.find(Value::string("key" + std::to_string(i)));
    REQUIRE(found != nullptr);
    CHECK(found->asInt() == i * 10);
  }
  CHECK(view.find(Value::dbl(3.0))->asInt() == 30);
  CHECK(view.find(Value::integer(2)) == nullptr);
  CHECK(view.find(Value::string("key1")) == nullptr);
  CHECK(view.find(Value::integer(-1)) == nullptr);
}

TEST_CASE("map construction rejects duplicate and unsupported keys") {
  LeakCheck leaks;
  auto pair = [](Value k, Value v) {
    std::vector<MapEntry> entries;
    entries.push_back({Value::string("first"), Value::integer(0)});
    entries.push_back({std::move(k), std::move(v)});
    entries.push_back({Value::string("first"), Value::integer(0)});
    return Value::map(std::move(entries));
  };
  CHECK(pair(Value::integer(1), Value::null()).errorMessage() == "duplicate map key `\"first\"`");
  CHECK(pair(Value::dbl(1.0), Value::null()).errorMessage() ==
        "unsupported map key type `double`");
  CHECK(pair(Value::null(), Value::null()).errorMessage() ==
        "unsupported map key type `null_type`");
  CHECK(pair(Value::error("boom"), Value::null()).errorMessage() == "boom");
  std::vector<MapEntry> numeric;
  numeric.push_back({Value::integer(1), Value::null()});
  numeric.push_back({Value::uinteger(1), Value::null()});
  CHECK(Value::map(std::move(numeric)).errorMessage() == "duplicate map key `1u`");
  std::vector<MapEntry> big;
  for (int64_t i = 0; i < 20; ++i) big.push_back({Value::integer(i), Value::null()});
  big.push_back({Value::uinteger(7), Value::null()});
  CHECK(Value::map(std::move(big)).errorMessage() == "duplicate map key `7u`");
}

TEST_CASE("records: fields by index, presence, copy-on-write") {
  LeakCheck leaks;
  RecordLayout layout("Purchase", {"id", "total", "coupon"}, {false, false, true});
  CHECK(layout.find("total") == 1);
  CHECK(layout.find("missing") == -1);
  CHECK(layout.fieldOptional[2]);

  Value r = RecordBuilder(layout).set(0, Value::string("p1")).set(1, Value::dbl(80.0)).build();
  REQUIRE(r.kind() == ValueKind::Record);
  RecordView view = r.asRecord();
  CHECK(&view.layout() == &layout);
  CHECK(view.fieldCount() == 3);
  CHECK(view.has(0));
  CHECK(view.has(1));
  CHECK_FALSE(view.has(2));
  CHECK(view.field(2).isNull());
  CHECK(view.field(1).asDouble() == 80.0);
  CHECK(celTypeName(r) == "Purchase");

  // A shared record is copied; the original does not change.
  Value shared = r;
  Value changed = withField(shared, 2, Value::string("SAVE10"));
  CHECK(changed.heapObject() != r.heapObject());
  CHECK(changed.asRecord().has(2));
  CHECK_FALSE(r.asRecord().has(2));
  // The only reference is updated in place.
  const HeapObject* object = changed.heapObject();
  Value again = withField(std::move(changed), 1, Value::dbl(90.0));
  CHECK(again.heapObject() == object);
  CHECK(again.asRecord().field(1).asDouble() == 90.0);
  Value cleared = withoutField(std::move(again), 2);
  CHECK_FALSE(cleared.asRecord().has(2));
  CHECK(cleared.asRecord().field(2).isNull());

  // An unfinished builder frees its record.
  { RecordBuilder unused(layout); unused.set(0, Value::string("x")); }
}

TEST_CASE("records with many fields track presence beyond 64") {
  LeakCheck leaks;
  std::vector<std::string> names;
  for (int i = 0; i < 130; ++i) names.push_back("f" + std::to_string(i));
  RecordLayout layout("Wide", names);
  RecordBuilder builder(layout);
  builder.set(0, Value::integer(0)).set(64, Value::integer(64)).set(129, Value::integer(129));
  Value r = builder.build();
  RecordView view = r.asRecord();
  CHECK(view.has(0));
  CHECK(view.has(64));
  CHECK(view.has(129));
  CHECK_FALSE(view.has(63));
  CHECK_FALSE(view.has(65));
  CHECK_FALSE(view.has(128));
  CHECK(view.field(129).asInt() == 129);
}

TEST_CASE("records: every field is found by name, in narrow layouts (scanned) and wide ones") {
  for (int width : {1, 5, 16, 17, 130}) {
    std::vector<std::string> names;
    for (int i = 0; i < width; ++i) names.push_back("field_" + std::to_string(i * 7));
    RecordLayout layout("R", names);
    for (int i = 0; i < width; ++i) CHECK(layout.find(names[static_cast<size_t>(i)]) == i);
    CHECK(layout.find("field_") == -1);
    CHECK(layout.find("field_1") == -1);
    CHECK(layout.find("") == -1);
  }
}

TEST_CASE("optionals") {
  LeakCheck leaks;
  Value some = Value::optional(Value::string("x"));
  CHECK(some.kind() == ValueKind::Optional);
  CHECK(some.hasValue());
  CHECK(some.optionalValue().asString() == "x");
  Value nested = Value::optional(Value::optionalNone());
  CHECK(nested.hasValue());
  CHECK_FALSE(nested.optionalValue().hasValue());
}

TEST_CASE("type values and type names") {
  LeakCheck leaks;
  CHECK(Value::type("int").typeTag() == TypeTag::Int);
  CHECK(Value::type("google.protobuf.Timestamp").typeTag() == TypeTag::Timestamp);
  CHECK(Value::type("optional_type").typeTag() == TypeTag::Optional);
  Value named = Value::type("Purchase");
  CHECK(named.typeTag() == TypeTag::Named);
  CHECK(named.typeName() == "Purchase");
  CHECK(Value::type(TypeTag::Null).typeName() == "null_type");
  CHECK(Value::type(TypeTag::Duration).typeName() == "google.protobuf.Duration");

  RecordLayout layout("Item", {"sku"});
  Value item = RecordBuilder(layout).build();
  struct Case {
    Value value;
    std::string_view name;
  };
  Case cases[] = {
      {Value::null(), "null_type"},
      {Value::boolean(false), "bool"},
      {Value::integer(1), "int"},
      {Value::uinteger(1), "uint"},
      {Value::dbl(1), "double"},
      {Value::string("s"), "string"},
      {Value::bytes("b"), "bytes"},
      {Value::timestamp(0), "google.protobuf.Timestamp"},
      {Value::duration(0), "google.protobuf.Duration"},
      {ints({1}), "list"},
      {Value::map({}), "map"},
      {item, "Item"},
      {Value::optionalNone(), "optional_type"},
      {Value::type(TypeTag::Int), "type"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    CHECK(celTypeName(c.value) == c.name);
    CHECK(typeOf(c.value).typeName() == c.name);
    CHECK(equals(typeOf(c.value), Value::type(c.name)));
  }
  CHECK(typeOf(typeOf(Value::integer(1))).typeName() == "type");
  Value err = Value::error("bad");
  CHECK(typeOf(err).isError());
  CHECK(celTypeName(err) == "error");
}

TEST_CASE("errors carry a message") {
  LeakCheck leaks;
  Value e = Value::error("division by zero");
  CHECK(e.isError());
  CHECK(e.kind() == ValueKind::Error);
  CHECK(e.errorMessage() == "division by zero");
  CHECK(Value::error("").errorMessage().empty());
}

}  // TEST_SUITE
