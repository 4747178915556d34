// The shapes of heap objects. Each is one allocation: a small header followed by its payload
// (characters, elements, entries, fields) so that reading a value touches one cache line more
// at most. Only vm/value/ builds these; everyone else goes through Value and its views.
#pragma once

#include <cstddef>
#include <cstdint>

#include "vm/value/heap_object.h"

namespace journey {

class Value;
struct MapEntry;
struct RecordLayout;

// Text flag: every byte is ASCII, so code point indices are byte indices.
inline constexpr uint8_t kTextAscii = 1;

// String, Bytes, a named Type or an Error message. Followed by `size` bytes and a NUL (so the
// bytes can be handed to C APIs). Strings are valid UTF-8 (the caller's promise); one whose
// bytes are all ASCII is flagged so (kTextAscii), and its code points are its bytes. Others
// count their code points when asked (Value::stringSize): most text is ASCII, and a count kept
// in every text took 8 of its bytes (a third of a short one's header).
struct TextObject : HeapObject {
  uint64_t size;  // bytes

  explicit TextObject(uint64_t bytes) noexcept : HeapObject(HeapKind::Text), size(bytes) {}
  const char* data() const noexcept { return reinterpret_cast<const char*>(this + 1); }
  char* data() noexcept { return reinterpret_cast<char*>(this + 1); }
  // The allocation for a text of `bytes` bytes (each shape's bytesFor: header and payload).
  static size_t bytesFor(uint64_t bytes) noexcept { return sizeof(TextObject) + bytes + 1; }
};

// Followed by `size` Values.
struct ListObject : HeapObject {
  uint64_t size;

  explicit ListObject(uint64_t n) noexcept : HeapObject(HeapKind::List), size(n) {}
  const Value* elements() const noexcept { return reinterpret_cast<const Value*>(this + 1); }
  Value* elements() noexcept { return reinterpret_cast<Value*>(this + 1); }
  static size_t bytesFor(uint64_t elements) noexcept;  // in value.h, where Value's size is known
};

// Followed by `size` MapEntry (insertion order, which printing keeps) and, for maps larger
// than kLinearMapLimit, `slotCount` uint32 slots of an open-addressing index (entry index + 1,
// 0 = empty; slotCount is a power of two at least twice the size).
struct MapObject : HeapObject {
  uint32_t size;
  uint32_t slotCount;

  MapObject(uint32_t n, uint32_t slots) noexcept
      : HeapObject(HeapKind::Map), size(n), slotCount(slots) {}
  const MapEntry* entries() const noexcept { return reinterpret_cast<const MapEntry*>(this + 1); }
  MapEntry* entries() noexcept { return reinterpret_cast<MapEntry*>(this + 1); }
  // Defined in value.h, where MapEntry's size is known.
  const uint32_t* slots() const noexcept;
  uint32_t* slots() noexcept;
  static size_t bytesFor(uint32_t entries, uint32_t slots) noexcept;
};

// Maps up to this size are searched linearly: faster than hashing for the small maps
// expressions build, and no index to allocate.
inline constexpr uint32_t kLinearMapLimit = 8;

// Followed by `fieldCount` Values (absent fields hold null) and a presence bitset of
// ceil(fieldCount / 64) words.
struct RecordObject : HeapObject {
  const RecordLayout* layout;
  uint32_t fieldCount;
  uint32_t reserved2 = 0;

  RecordObject(const RecordLayout* l, uint32_t n) noexcept
      : HeapObject(HeapKind::Record), layout(l), fieldCount(n) {}
  const Value* fields() const noexcept { return reinterpret_cast<const Value*>(this + 1); }
  Value* fields() noexcept { return reinterpret_cast<Value*>(this + 1); }
  // Defined in value.h, where Value's size is known.
  const uint64_t* presence() const noexcept;
  uint64_t* presence() noexcept;
  // Makes `field` present with `value` (defined in value.h, inline: every record built from
  // input sets each of its fields through it).
  void setField(size_t field, Value&& value) noexcept;
  // Makes `field` absent (null).
  void clearField(size_t field) noexcept;
  static size_t presenceWords(uint32_t fields) noexcept { return (fields + 63) / 64; }
  static size_t bytesFor(uint32_t fields) noexcept;
};

// Followed by the one Value it holds (optional.none() is a null pointer, not an object).
struct OptionalObject : HeapObject {
  OptionalObject() noexcept : HeapObject(HeapKind::Optional) {}
  const Value* inner() const noexcept { return reinterpret_cast<const Value*>(this + 1); }
  Value* inner() noexcept { return reinterpret_cast<Value*>(this + 1); }
  static size_t bytesFor() noexcept;
};

static_assert(sizeof(TextObject) % 8 == 0 && sizeof(ListObject) % 8 == 0);
static_assert(sizeof(MapObject) % 8 == 0 && sizeof(RecordObject) % 8 == 0);
static_assert(sizeof(OptionalObject) % 8 == 0);

}  // namespace journey
