// Map values: entries in insertion order (for printing), found by a linear scan when small and
// through an open-addressing index otherwise. Keys compare under CEL equality, so the hash
// treats 1, 1u and 1.0 alike (equality.h).
#include <algorithm>
#include <bit>
#include <cmath>
#include <new>

#include "vm/value/equality.h"
#include "vm/value/printer.h"
#include "vm/value/value.h"

namespace journey {

namespace {

uint32_t slotCountFor(uint32_t size) {
  if (size <= kLinearMapLimit) return 0;
  return std::bit_ceil(size * 2);  // load factor at most 1/2
}

// A lookup key reduced to the forms stored keys take, so that testing it against a stored key
// is an integer or string compare rather than general equality. Numbers become their sign
// and 64 bits: 1, 1u and 1.0 all become NonNegative 1, as equality demands.
struct LookupKey {
  enum class Form : uint8_t { Negative, NonNegative, Bool, String, Unmatchable };
  Form form = Form::Unmatchable;
  uint64_t bits = 0;      // Negative: the int64's bits; NonNegative: the value; Bool: 0 or 1
  std::string_view text;  // String
};

LookupKey lookupKeyOf(const Value& key) {
  LookupKey k;
  switch (key.kind()) {
    case ValueKind::Int:
      k.form = key.asInt() < 0 ? LookupKey::Form::Negative : LookupKey::Form::NonNegative;
      k.bits = static_cast<uint64_t>(key.asInt());
      break;
    case ValueKind::Uint:
      k.form = LookupKey::Form::NonNegative;
      k.bits = key.asUint();
      break;
    case ValueKind::Double: {
      double d = key.asDouble();
      if (d != std::trunc(d)) break;  // fractions and NaN match no key
      if (d < 0 && d >= -9223372036854775808.0) {
        k.form = LookupKey::Form::Negative;
        k.bits = static_cast<uint64_t>(static_cast<int64_t>(d));
      } else if (d >= 0 && d < 18446744073709551616.0) {
        k.form = LookupKey::Form::NonNegative;
        k.bits = static_cast<uint64_t>(d);
      }
      break;
    }
    case ValueKind::Bool:
      k.form = LookupKey::Form::Bool;
      k.bits = key.asBool();
      break;
    case ValueKind::String:
      k.form = LookupKey::Form::String;
      k.text = key.asString();
      break;
    default:
      break;
  }
  return k;
}

bool matches(const LookupKey& k, const Value& stored) {
  switch (stored.kind()) {
    case ValueKind::Int: {
      auto form = stored.asInt() < 0 ? LookupKey::Form::Negative : LookupKey::Form::NonNegative;
      return k.form == form && k.bits == static_cast<uint64_t>(stored.asInt());
    }
    case ValueKind::Uint:
      return k.form == LookupKey::Form::NonNegative && k.bits == stored.asUint();
    case ValueKind::Bool:
      return k.form == LookupKey::Form::Bool && k.bits == static_cast<uint64_t>(stored.asBool());
    case ValueKind::String:
      return k.form == LookupKey::Form::String && stored.asString() == k.text;
    default:
      return false;
  }
}

// Index of the entry whose key matches, or -1. With `self` >= 0 (construction), a miss also
// claims the empty slot the probe ended on for entry `self`.
int64_t findIndex(const MapObject* map, const Value& key, int64_t self) {
  LookupKey k = lookupKeyOf(key);
  if (k.form == LookupKey::Form::Unmatchable) return -1;
  const MapEntry* entries = map->entries();
  if (map->slotCount == 0) {
    uint32_t limit = self >= 0 ? static_cast<uint32_t>(self) : map->size;
    for (uint32_t i = 0; i < limit; ++i) {
      if (matches(k, entries[i].key)) return i;
    }
    return -1;
  }
  uint32_t mask = map->slotCount - 1;
  // Safe: only construction writes, before the map is shared.
  uint32_t* slots = const_cast<MapObject*>(map)->slots();
  for (uint64_t i = hashValue(key) & mask;; i = (i + 1) & mask) {
    uint32_t slot = slots[i];
    if (slot == 0) {
      if (self >= 0) slots[i] = static_cast<uint32_t>(self) + 1;
      return -1;
    }
    if (matches(k, entries[slot - 1].key)) return slot - 1;
  }
}

}  // namespace

Value Value::map(std::vector<MapEntry> entries) {
  if (entries.empty()) return adopt(ValueKind::Map, nullptr);
  for (const MapEntry& e : entries) {
    if (!isMapKeyKind(e.key.kind())) {
      if (e.key.isError()) return e.key;
      return error("unsupported map key type `" + std::string(shownTypeName(e.key)) + "`");
    }
  }
  if (entries.size() > UINT32_MAX / 4) return error("map too large");
  auto size = static_cast<uint32_t>(entries.size());
  uint32_t slotCount = slotCountFor(size);
  void* memory = allocateHeapObject(MapObject::bytesFor(size, slotCount));
  auto* map = new (memory) MapObject(size, slotCount);
  for (uint32_t i = 0; i < size; ++i) new (map->entries() + i) MapEntry(std::move(entries[i]));
  Value result = adopt(ValueKind::Map, map);  // frees the object on the error paths below
  std::fill_n(map->slots(), slotCount, 0u);

  for (uint32_t i = 0; i < size; ++i) {
    const Value& key = map->entries()[i].key;
    if (findIndex(map, key, i) >= 0) {
      return error("duplicate map key `" + toCelLiteral(key) + "`");
    }
  }
  return result;
}

const MapEntry* MapView::findEntry(const Value& key) const noexcept {
  if (!map_) return nullptr;
  int64_t i = findIndex(map_, key, -1);
  return i < 0 ? nullptr : &map_->entries()[i];
}

}  // namespace journey
