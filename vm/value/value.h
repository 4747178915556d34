// The value model shared by the interpreter and the JIT: every CEL value (null, bool, int,
// uint, double, string, bytes, timestamp, duration, list, map, optional, type), records of
// declared types, and errors.
//
// A Value is 16 bytes: a kind byte, a flags byte, 2 bytes that only inline text uses, a 32-bit
// `aux` and an 8-byte payload. Scalars (and timestamps and durations, whose nanoseconds live
// in `aux`) need no allocation. Strings and bytes of up to kMaxInlineText bytes are kept
// inline, in bytes 2 to 15 (ids, keys, codes, tiers: most text a journey reads is that
// short). Everything else points to an immutable, reference-counted heap object (objects.h);
// copying a Value takes a reference, destroying it drops one, moving it is a 16-byte copy. A
// Value holds no pointer to itself, so it is trivially relocatable: our own containers may
// move Values with memcpy and skip the moved-from destructors.
//
// Empty strings, bytes, lists and maps are null pointers (no allocation for `""`, `[]`, `{}`);
// so is optional.none(). Errors are values too, so CEL's error-absorbing `&&`, `||` and macros
// can pass them around; an evaluator checks isError() before using a result.
//
// Layout (stable, the JIT reads it): kind at byte 0, flags at 1, aux at 4, payload at 8; an
// inline text's bytes at 2, its size in the flags' high four bits.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vm/value/objects.h"

namespace journey {

enum class ValueKind : uint8_t {
  Null,
  Bool,
  Int,
  Uint,
  Double,
  String,
  Bytes,
  Timestamp,  // seconds since the Unix epoch in the payload, nanos [0, 1e9) in aux
  Duration,   // seconds in the payload, nanos in aux with the sign of the seconds
  List,
  Map,
  Record,
  Optional,
  Type,
  Error,
};

// What a type value denotes: CEL's built-in types, or Named (a record type, by name).
enum class TypeTag : uint8_t {
  Null,  // null_type
  Bool,
  Int,
  Uint,
  Double,
  String,
  Bytes,
  Timestamp,  // google.protobuf.Timestamp
  Duration,   // google.protobuf.Duration
  List,
  Map,
  Type,
  Optional,  // optional_type
  Named,
};

struct Timestamp {
  int64_t seconds = 0;
  int32_t nanos = 0;  // [0, 1e9)
  // Inlined everywhere: the clock and the timers compare times at every record.
  [[gnu::always_inline]] friend auto operator<=>(const Timestamp&, const Timestamp&) = default;
};

struct Duration {
  int64_t seconds = 0;
  int32_t nanos = 0;  // (-1e9, 1e9), same sign as seconds
  friend auto operator<=>(const Duration&, const Duration&) = default;
};

inline constexpr int64_t kNanosPerSecond = 1'000'000'000;
// CEL's timestamp range: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
inline constexpr int64_t kMinTimestampSeconds = -62'135'596'800;
inline constexpr int64_t kMaxTimestampSeconds = 253'402'300'799;
// CEL's duration range: what an int64 count of nanoseconds holds, about ±292 years (langdef
// "Overflow"; the conformance case `timestamp('9999-…') - timestamp('0001-…')` is a range
// error, which a ±10,000-year range would not give).
inline constexpr int64_t kMaxDurationNanos = INT64_MAX;
inline constexpr int64_t kMinDurationNanos = INT64_MIN;

class MapView;
class RecordView;
struct MapEntry;

// The code points of valid UTF-8: its bytes less its continuation bytes (10xxxxxx).
uint64_t countCodePoints(std::string_view utf8) noexcept;

// A Text object holding `s` (one reference, the caller's); the empty text is the null pointer.
HeapObject* makeTextObject(std::string_view s);

class Value {
 public:
  // Null.
  Value() noexcept {}
  // Copies and moves are always inlined: they are everywhere, and a call costs more than they do.
  [[gnu::always_inline]] Value(const Value& other) noexcept {
    copyBits(other);
    if (ownsRef()) p_->retain();
  }
  Value(Value&& other) noexcept { copyBits(other); other.resetBits(); }
  [[gnu::always_inline]] Value& operator=(const Value& other) noexcept {
    if (other.ownsRef()) other.p_->retain();  // before the release: self-assignment is safe
    dropRef();
    copyBits(other);
    return *this;
  }
  [[gnu::always_inline]] Value& operator=(Value&& other) noexcept {
    if (this != &other) {
      dropRef();
      copyBits(other);
      other.resetBits();
    }
    return *this;
  }
  ~Value() { dropRef(); }

  // Lending, for an evaluator that reads its caller's values in place: `lend` makes this a copy
  // of `v` without taking a reference (copies made from it take theirs as usual), `unlend`
  // forgets it without releasing one. Until then the lender keeps `v` alive, and nothing may
  // move out of this copy or assign to it.
  void lend(const Value& v) noexcept { dropRef(); copyBits(v); }
  void unlend() noexcept { resetBits(); }

  // ---- construction ------------------------------------------------------------------
  // The longest string or bytes kept inline: its 13 bytes and a NUL fill bytes 2 to 15.
  static constexpr size_t kMaxInlineText = 13;

  static Value null() noexcept { return Value(); }
  static Value boolean(bool b) noexcept { Value v(ValueKind::Bool); v.b_ = b; return v; }
  static Value integer(int64_t i) noexcept { Value v(ValueKind::Int); v.i_ = i; return v; }
  static Value uinteger(uint64_t u) noexcept { Value v(ValueKind::Uint); v.u_ = u; return v; }
  static Value dbl(double d) noexcept { Value v(ValueKind::Double); v.d_ = d; return v; }
  // `utf8` must be valid UTF-8 (validate untrusted bytes with isValidUtf8 first).
  static Value string(std::string_view utf8) { return text(ValueKind::String, utf8); }
  static Value bytes(std::string_view raw) { return text(ValueKind::Bytes, raw); }
  static Value bytes(std::span<const uint8_t> raw);
  // Nanos outside [0, 1e9) carry into the seconds. Out of CEL's range: an Error value.
  static Value timestamp(int64_t seconds, int64_t nanos = 0);
  static Value timestamp(Timestamp t) { return timestamp(t.seconds, t.nanos); }
  // Normalizes so that nanos has the sign of the seconds. Out of range: an Error value.
  static Value duration(int64_t seconds, int64_t nanos = 0);
  static Value duration(Duration d) { return duration(d.seconds, d.nanos); }
  static Value durationFromNanos(int64_t nanos) noexcept;
  static Value list(std::vector<Value> elements);
  // Keys must be int, uint, bool or string and distinct under CEL equality (1 and 1u are the
  // same key); otherwise an Error value.
  static Value map(std::vector<MapEntry> entries);
  static Value optional(Value inner);
  static Value optionalNone() noexcept { return Value(ValueKind::Optional); }
  static Value type(TypeTag tag) noexcept;
  // Built-in names (`int`, `google.protobuf.Timestamp`, ...) give their tag; other names are
  // record types.
  static Value type(std::string_view name);
  static Value error(std::string_view message);

  // ---- inspection --------------------------------------------------------------------
  ValueKind kind() const noexcept { return kind_; }
  bool isNull() const noexcept { return kind_ == ValueKind::Null; }
  bool isError() const noexcept { return kind_ == ValueKind::Error; }
  bool isNumber() const noexcept {
    return kind_ == ValueKind::Int || kind_ == ValueKind::Uint || kind_ == ValueKind::Double;
  }

  // Each accessor requires the matching kind.
  bool asBool() const noexcept { return b_; }
  int64_t asInt() const noexcept { return i_; }
  uint64_t asUint() const noexcept { return u_; }
  double asDouble() const noexcept { return d_; }
  // String or Bytes: the bytes, without copying, followed by a NUL. Valid while this value
  // lives unmoved and unchanged: a short text is inside the value itself, so a view of a copy
  // does not outlive the copy (a view of a field outlives a moved record value, whose fields
  // stay put in its object). Always inlined: every path that reads text goes through it.
  [[gnu::always_inline]] std::string_view asString() const noexcept {
    if (flags_ & kInlineText) return {inlineBytes(), static_cast<size_t>(flags_ >> kSizeShift)};
    if (!p_) return {};
    auto* t = static_cast<const TextObject*>(p_);
    return {t->data(), static_cast<size_t>(t->size)};
  }
  std::string_view asBytes() const noexcept { return asString(); }
  // String: its length in code points (CEL's size()), counted when not all ASCII; Bytes: in
  // bytes.
  uint64_t stringSize() const noexcept {
    if (kind_ == ValueKind::Bytes || isAsciiString()) return asString().size();
    return countCodePoints(asString());
  }
  // String: every character is ASCII, so code point indices are byte indices.
  bool isAsciiString() const noexcept {
    if (flags_ & kInlineText) return flags_ & kInlineAscii;
    return !p_ || (static_cast<const TextObject*>(p_)->flags & kTextAscii);
  }
  Timestamp asTimestamp() const noexcept { return {i_, aux_}; }
  Duration asDuration() const noexcept { return {i_, aux_}; }
  std::span<const Value> asList() const noexcept {
    if (!p_) return {};
    auto* l = static_cast<const ListObject*>(p_);
    return {l->elements(), static_cast<size_t>(l->size)};
  }
  MapView asMap() const noexcept;
  RecordView asRecord() const noexcept;
  // Optional: whether it holds a value, and the value (requires hasValue()).
  bool hasValue() const noexcept { return p_ != nullptr; }
  const Value& optionalValue() const noexcept {
    return *static_cast<const OptionalObject*>(p_)->inner();
  }
  // Type: the tag, and the name as CEL prints it (`int`, `list`, `Purchase`).
  TypeTag typeTag() const noexcept { return static_cast<TypeTag>(aux_); }
  std::string_view typeName() const noexcept;
  std::string_view errorMessage() const noexcept { return asString(); }

  // The heap object this value holds a reference to, or null (scalars, empties, none).
  const HeapObject* heapObject() const noexcept { return ownsRef() ? p_ : nullptr; }
  // References to that object (0 without one). For tests and copy-on-write decisions.
  uint32_t refCount() const noexcept {
    return ownsRef() ? p_->refs.load(std::memory_order_relaxed) : 0;
  }

  // ---- for the builders in vm/value/ -------------------------------------------------
  // Adopts one reference to `object` (the caller's; not incremented).
  static Value adopt(ValueKind kind, HeapObject* object, int32_t aux = 0) noexcept {
    Value v(kind);
    v.aux_ = aux;
    v.p_ = object;
    if (object) v.flags_ = kOwnsRef;
    return v;
  }
  HeapObject* mutableHeapObject() const noexcept { return ownsRef() ? p_ : nullptr; }
  // This value (its kind and aux) holding `object` instead: adopts one reference, as adopt().
  Value holding(HeapObject* object) const noexcept { return adopt(kind_, object, aux_); }

 private:
  static constexpr uint8_t kOwnsRef = 1;
  static constexpr uint8_t kInlineText = 2;   // String or Bytes, its bytes at byte 2
  static constexpr uint8_t kInlineAscii = 4;  // and all of them ASCII
  static constexpr int kSizeShift = 4;        // the inline size: flags >> 4

  explicit Value(ValueKind k) noexcept : kind_(k) {}
  // String or Bytes (`kind`) for `s`: inline when short enough, else a heap object.
  static Value text(ValueKind kind, std::string_view s) {
    return s.size() > kMaxInlineText ? adopt(kind, makeTextObject(s)) : shortText(kind, s);
  }
  static Value shortText(ValueKind kind, std::string_view s) noexcept;
  const char* inlineBytes() const noexcept { return reinterpret_cast<const char*>(this) + 2; }
  bool ownsRef() const noexcept { return flags_ & kOwnsRef; }
  void dropRef() noexcept { if (ownsRef()) p_->release(); }
  void copyBits(const Value& o) noexcept {
    kind_ = o.kind_;
    flags_ = o.flags_;
    pad_ = o.pad_;
    aux_ = o.aux_;
    u_ = o.u_;
  }
  void resetBits() noexcept {
    kind_ = ValueKind::Null;
    flags_ = 0;
    pad_ = 0;
    aux_ = 0;
    u_ = 0;
  }

  ValueKind kind_ = ValueKind::Null;
  uint8_t flags_ = 0;
  uint16_t pad_ = 0;  // an inline text's first two bytes
  int32_t aux_ = 0;
  union {
    bool b_;
    int64_t i_;
    uint64_t u_ = 0;
    double d_;
    HeapObject* p_;
  };
};
static_assert(sizeof(Value) == 16);
static_assert(alignof(Value) == 8);

// Inline, as Value::string is called for every short string read: the bytes are gathered by a
// few loads that may overlap, not a call to memcpy. Bytes 2 to 7 of the value (pad_ and aux_)
// take the text's first six bytes, the payload the rest and the zeros after it.
inline Value Value::shortText(ValueKind kind, std::string_view s) noexcept {
  static_assert(std::endian::native == std::endian::little);  // a word's first byte is its low
  Value v(kind);
  const size_t n = s.size();
  if (n == 0) return v;  // the empty text: no flags and a null payload, not inline
  const char* p = s.data();
  auto load = [p](size_t at, auto word) {
    std::memcpy(&word, p + at, sizeof word);
    return static_cast<uint64_t>(word);
  };
  uint64_t first, rest;  // the text's bytes 0 to 5, and 6 onwards
  if (n >= 8) {
    first = load(0, uint64_t{}) & 0xFFFF'FFFF'FFFF;
    rest = load(n - 8, uint64_t{}) >> (8 * (14 - n));
  } else {
    uint64_t word;
    if (n >= 4) {
      word = load(0, uint32_t{}) | (load(n - 4, uint32_t{}) << (8 * (n - 4)));
    } else {
      word = load(0, uint8_t{}) | (load(n / 2, uint8_t{}) << (8 * (n / 2))) |
             (load(n - 1, uint8_t{}) << (8 * (n - 1)));
    }
    first = word & 0xFFFF'FFFF'FFFF;
    rest = word >> 48;
  }
  v.pad_ = static_cast<uint16_t>(first);
  v.aux_ = static_cast<int32_t>(static_cast<uint32_t>(first >> 16));
  v.u_ = rest;
  const bool ascii = !((first | rest) & 0x8080'8080'8080'8080);
  v.flags_ = static_cast<uint8_t>(kInlineText | (ascii ? kInlineAscii : 0) | (n << kSizeShift));
  return v;
}

struct MapEntry {
  Value key;
  Value value;
};

// A read-only view of a map value (cheap to copy; valid while the map lives).
class MapView {
 public:
  explicit MapView(const MapObject* m) noexcept : map_(m) {}
  size_t size() const noexcept { return map_ ? map_->size : 0; }
  bool empty() const noexcept { return size() == 0; }
  // Entries in insertion order.
  std::span<const MapEntry> entries() const noexcept {
    if (!map_) return {};
    return {map_->entries(), map_->size};
  }
  // The value for `key` under CEL equality: a map with key 1 is found by 1, 1u and 1.0.
  // Null when absent (including keys of a type maps cannot hold).
  const Value* find(const Value& key) const noexcept {
    const MapEntry* e = findEntry(key);
    return e ? &e->value : nullptr;
  }
  // The entry whose key equals `key`: its key tells which kind the map holds it as.
  const MapEntry* findEntry(const Value& key) const noexcept;

 private:
  const MapObject* map_;
};

// A read-only view of a record value.
class RecordView {
 public:
  explicit RecordView(const RecordObject* r) noexcept : record_(r) {}
  const RecordLayout& layout() const noexcept { return *record_->layout; }
  size_t fieldCount() const noexcept { return record_->fieldCount; }
  bool has(size_t field) const noexcept {
    return (record_->presence()[field / 64] >> (field % 64)) & 1;
  }
  // Null when absent.
  const Value& field(size_t field) const noexcept { return record_->fields()[field]; }

 private:
  const RecordObject* record_;
};

inline MapView Value::asMap() const noexcept {
  return MapView(static_cast<const MapObject*>(p_));
}
inline RecordView Value::asRecord() const noexcept {
  return RecordView(static_cast<const RecordObject*>(p_));
}

inline const uint32_t* MapObject::slots() const noexcept {
  return reinterpret_cast<const uint32_t*>(entries() + size);
}
inline uint32_t* MapObject::slots() noexcept {
  return reinterpret_cast<uint32_t*>(entries() + size);
}
inline size_t ListObject::bytesFor(uint64_t elements) noexcept {
  return sizeof(ListObject) + elements * sizeof(Value);
}
inline size_t MapObject::bytesFor(uint32_t entries, uint32_t slots) noexcept {
  return sizeof(MapObject) + entries * sizeof(MapEntry) + slots * sizeof(uint32_t);
}
inline size_t RecordObject::bytesFor(uint32_t fields) noexcept {
  return sizeof(RecordObject) + fields * sizeof(Value) + presenceWords(fields) * sizeof(uint64_t);
}
inline size_t OptionalObject::bytesFor() noexcept { return sizeof(OptionalObject) + sizeof(Value); }
inline const uint64_t* RecordObject::presence() const noexcept {
  return reinterpret_cast<const uint64_t*>(fields() + fieldCount);
}
inline uint64_t* RecordObject::presence() noexcept {
  return reinterpret_cast<uint64_t*>(fields() + fieldCount);
}
[[gnu::always_inline]] inline void RecordObject::setField(size_t field, Value&& value) noexcept {
  fields()[field] = std::move(value);
  presence()[field / 64] |= uint64_t{1} << (field % 64);
}
inline void RecordObject::clearField(size_t field) noexcept {
  fields()[field] = Value();
  presence()[field / 64] &= ~(uint64_t{1} << (field % 64));
}

// ---- helpers over values ---------------------------------------------------------------

// The CEL name of a value's type: `int`, `null_type`, `google.protobuf.Timestamp`,
// `optional_type`, a record's type name; `error` for errors.
std::string_view celTypeName(const Value& v) noexcept;
// The name of a value's type as this language writes it, for messages: `timestamp`, `duration`
// and `optional` where CEL's names differ; celTypeName otherwise.
std::string_view shownTypeName(const Value& v) noexcept;
std::string_view typeTagName(TypeTag tag) noexcept;
// CEL's type(v) (an error stays the error).
Value typeOf(const Value& v);

// `a + b` for two strings, two bytes or two lists (kinds are the caller's check).
Value concatStrings(const Value& a, const Value& b);
Value concatBytes(const Value& a, const Value& b);
Value concatLists(const Value& a, const Value& b);

}  // namespace journey
