#include "vm/value/equality.h"

#include <bit>
#include <cmath>
#include <functional>

#include "vm/value/record.h"

namespace journey {

namespace {

constexpr double kTwoTo63 = 9223372036854775808.0;
constexpr double kTwoTo64 = 18446744073709551616.0;

Ordering orderOf(auto a, auto b) {
  if (a < b) return Ordering::Less;
  if (b < a) return Ordering::Greater;
  return Ordering::Equal;
}

Ordering compareIntUint(int64_t i, uint64_t u) {
  if (i < 0) return Ordering::Less;
  return orderOf(static_cast<uint64_t>(i), u);
}

// An integer meets a double as the nearest double, as cel-go compares them (the conformance
// suite expects 9223372036854775807 and 2^63 to compare equal). Precision beyond 2^53 is lost
// in such comparisons only; int with uint stays exact.
Ordering compareIntDouble(int64_t i, double d) {
  if (std::isnan(d)) return Ordering::Unordered;
  return orderOf(static_cast<double>(i), d);
}

Ordering compareUintDouble(uint64_t u, double d) {
  if (std::isnan(d)) return Ordering::Unordered;
  return orderOf(static_cast<double>(u), d);
}

Ordering flip(Ordering o) {
  if (o == Ordering::Less) return Ordering::Greater;
  if (o == Ordering::Greater) return Ordering::Less;
  return o;
}

bool sameLayout(const RecordLayout& a, const RecordLayout& b) {
  return &a == &b || (a.name == b.name && a.fieldNames == b.fieldNames);
}

bool recordsEqual(const Value& a, const Value& b) {
  RecordView x = a.asRecord(), y = b.asRecord();
  if (!sameLayout(x.layout(), y.layout())) return false;
  for (size_t i = 0; i < x.fieldCount(); ++i) {
    if (x.has(i) != y.has(i)) return false;
    if (x.has(i) && !equals(x.field(i), y.field(i))) return false;
  }
  return true;
}

bool mapsEqual(const Value& a, const Value& b) {
  MapView x = a.asMap(), y = b.asMap();
  if (x.size() != y.size()) return false;
  for (const MapEntry& e : x.entries()) {
    const Value* other = y.find(e.key);
    if (!other || !equals(e.value, *other)) return false;
  }
  return true;
}

bool listsEqual(const Value& a, const Value& b) {
  std::span<const Value> x = a.asList(), y = b.asList();
  if (x.size() != y.size()) return false;
  for (size_t i = 0; i < x.size(); ++i) {
    if (!equals(x[i], y[i])) return false;
  }
  return true;
}

// A strong 64-bit finalizer (splitmix64's), so that small integers spread over hash slots.
uint64_t mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

uint64_t combine(uint64_t seed, uint64_t h) { return mix(seed ^ (h + 0x9e3779b97f4a7c15ULL)); }

uint64_t hashBytes(std::string_view s, uint64_t seed) {
  return combine(seed, std::hash<std::string_view>{}(s));
}

// Distinct seeds per kind keep, say, `true` and `1` or "a" and b"a" apart (they are unequal).
enum Seed : uint64_t {
  kNullSeed = 0x6e756c6c,
  kBoolSeed = 0x626f6f6c,
  kStringSeed = 0x73747269,
  kBytesSeed = 0x62797465,
  kTimestampSeed = 0x74696d65,
  kDurationSeed = 0x64757261,
  kListSeed = 0x6c697374,
  kMapSeed = 0x6d617073,
  kRecordSeed = 0x7265636f,
  kOptionalSeed = 0x6f707469,
  kTypeSeed = 0x74797065,
  kErrorSeed = 0x6572726f,
};

uint64_t hashDouble(double d) {
  if (d == std::trunc(d)) {  // integral (and not NaN or infinite)
    if (d >= -kTwoTo63 && d < kTwoTo63) return mix(static_cast<uint64_t>(static_cast<int64_t>(d)));
    if (d >= 0 && d < kTwoTo64) return mix(static_cast<uint64_t>(d));
  }
  return mix(std::bit_cast<uint64_t>(d));
}

}  // namespace

Ordering compareNumbers(const Value& a, const Value& b) noexcept {
  switch (a.kind()) {
    case ValueKind::Int:
      if (b.kind() == ValueKind::Int) return orderOf(a.asInt(), b.asInt());
      if (b.kind() == ValueKind::Uint) return compareIntUint(a.asInt(), b.asUint());
      return compareIntDouble(a.asInt(), b.asDouble());
    case ValueKind::Uint:
      if (b.kind() == ValueKind::Uint) return orderOf(a.asUint(), b.asUint());
      if (b.kind() == ValueKind::Int) return flip(compareIntUint(b.asInt(), a.asUint()));
      return compareUintDouble(a.asUint(), b.asDouble());
    default: {
      double d = a.asDouble();
      if (b.kind() == ValueKind::Double) {
        double e = b.asDouble();
        if (std::isnan(d) || std::isnan(e)) return Ordering::Unordered;
        return orderOf(d, e);
      }
      if (b.kind() == ValueKind::Int) return flip(compareIntDouble(b.asInt(), d));
      return flip(compareUintDouble(b.asUint(), d));
    }
  }
}

bool equals(const Value& a, const Value& b) noexcept {
  if (a.isNumber()) return b.isNumber() && compareNumbers(a, b) == Ordering::Equal;
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case ValueKind::Null:
      return true;
    case ValueKind::Bool:
      return a.asBool() == b.asBool();
    case ValueKind::String:
    case ValueKind::Bytes:
      // One object shared (a recurring string) is equal at once; inline texts have none.
      return (a.heapObject() && a.heapObject() == b.heapObject()) ||
             a.asString() == b.asString();
    case ValueKind::Timestamp:
      return a.asTimestamp() == b.asTimestamp();
    case ValueKind::Duration:
      return a.asDuration() == b.asDuration();
    case ValueKind::List:
      return listsEqual(a, b);
    case ValueKind::Map:
      return mapsEqual(a, b);
    case ValueKind::Record:
      return recordsEqual(a, b);
    case ValueKind::Optional:
      if (a.hasValue() != b.hasValue()) return false;
      return !a.hasValue() || equals(a.optionalValue(), b.optionalValue());
    case ValueKind::Type:
      return a.typeTag() == b.typeTag() &&
             (a.typeTag() != TypeTag::Named || a.typeName() == b.typeName());
    default:  // numbers are handled above; errors equal nothing
      return false;
  }
}

Ordering compare(const Value& a, const Value& b) noexcept {
  if (a.isNumber()) return b.isNumber() ? compareNumbers(a, b) : Ordering::Incomparable;
  if (a.kind() != b.kind()) return Ordering::Incomparable;
  switch (a.kind()) {
    case ValueKind::Bool:
      return orderOf(a.asBool(), b.asBool());
    case ValueKind::String:
    case ValueKind::Bytes: {
      int c = a.asString().compare(b.asString());  // char_traits<char> compares as unsigned
      return c < 0 ? Ordering::Less : c > 0 ? Ordering::Greater : Ordering::Equal;
    }
    case ValueKind::Timestamp:
      return orderOf(a.asTimestamp(), b.asTimestamp());
    case ValueKind::Duration:
      return orderOf(a.asDuration(), b.asDuration());
    default:
      return Ordering::Incomparable;
  }
}

uint64_t hashValue(const Value& v) noexcept {
  switch (v.kind()) {
    case ValueKind::Null:
      return mix(kNullSeed);
    case ValueKind::Bool:
      return mix(kBoolSeed + v.asBool());
    // Integers hash as their nearest double: they compare equal to it (compareIntDouble).
    case ValueKind::Int:
      return hashDouble(static_cast<double>(v.asInt()));
    case ValueKind::Uint:
      return hashDouble(static_cast<double>(v.asUint()));
    case ValueKind::Double:
      return hashDouble(v.asDouble());
    case ValueKind::String:
      return hashBytes(v.asString(), kStringSeed);
    case ValueKind::Bytes:
      return hashBytes(v.asString(), kBytesSeed);
    case ValueKind::Timestamp:
      return combine(mix(kTimestampSeed ^ static_cast<uint64_t>(v.asTimestamp().seconds)),
                     static_cast<uint64_t>(v.asTimestamp().nanos));
    case ValueKind::Duration:
      return combine(mix(kDurationSeed ^ static_cast<uint64_t>(v.asDuration().seconds)),
                     static_cast<uint64_t>(v.asDuration().nanos));
    case ValueKind::List: {
      uint64_t h = mix(kListSeed);
      for (const Value& e : v.asList()) h = combine(h, hashValue(e));
      return h;
    }
    case ValueKind::Map: {
      // Order-independent: maps equal regardless of insertion order.
      uint64_t sum = 0;
      for (const MapEntry& e : v.asMap().entries()) {
        sum += mix(hashValue(e.key) ^ (hashValue(e.value) * 0x9e3779b97f4a7c15ULL));
      }
      return combine(mix(kMapSeed), sum);
    }
    case ValueKind::Record: {
      RecordView r = v.asRecord();
      uint64_t h = hashBytes(r.layout().name, kRecordSeed);
      for (size_t i = 0; i < r.fieldCount(); ++i) {
        h = combine(h, r.has(i) ? hashValue(r.field(i)) : 0);
      }
      return h;
    }
    case ValueKind::Optional:
      return v.hasValue() ? combine(mix(kOptionalSeed), hashValue(v.optionalValue()))
                          : mix(kOptionalSeed);
    case ValueKind::Type:
      return hashBytes(v.typeName(), kTypeSeed);
    case ValueKind::Error:
      return hashBytes(v.errorMessage(), kErrorSeed);
  }
  return 0;
}

}  // namespace journey
