#include "vm/interp/recurring_objects.h"

#include <cstring>
#include <string_view>

#include "vm/value/objects.h"

namespace journey::interp {

namespace {

constexpr size_t kObjectSlots = 256;  // a power of two

// What makes the object this value, beside its kind: a record's layout, and its contents'
// bytes (a record's fields and presence words, a list's elements), which follow its header
// (objects.h).
struct Content {
  const void* shape = nullptr;
  std::string_view bytes;
  bool operator==(const Content&) const = default;
};

Content contentOf(const Value& v) {
  const HeapObject* o = v.heapObject();
  if (!o) return {};
  switch (v.kind()) {
    case ValueKind::Record: {
      auto& r = *static_cast<const RecordObject*>(o);
      return {r.layout, {reinterpret_cast<const char*>(r.fields()),
                         RecordObject::bytesFor(r.fieldCount) - sizeof(RecordObject)}};
    }
    case ValueKind::List: {
      auto& l = *static_cast<const ListObject*>(o);
      return {nullptr, {reinterpret_cast<const char*>(l.elements()), l.size * sizeof(Value)}};
    }
    default: return {};
  }
}

uint64_t contentHash(ValueKind kind, const Content& c) {
  constexpr uint64_t kMultiplier = 0x9E3779B97F4A7C15ULL;
  uint64_t h = (static_cast<uint64_t>(kind) + c.bytes.size()) * kMultiplier;
  h ^= reinterpret_cast<uintptr_t>(c.shape) * kMultiplier;
  for (size_t i = 0; i < c.bytes.size(); i += 8) {  // whole words: contents are 8-aligned
    uint64_t word;
    std::memcpy(&word, c.bytes.data() + i, 8);
    h = (h ^ word) * kMultiplier;
    h ^= h >> 29;
  }
  return h ^ (h >> 32);
}

}  // namespace

RecurringObjects::RecurringObjects() : slots_(kObjectSlots) {}

Value RecurringObjects::get(Value built, SharingSite* site) {
  if (!site || site->off) return built;
  Content content = contentOf(built);
  if (content.bytes.empty() || content.bytes.size() > kLargest) return built;
  uint64_t h = contentHash(built.kind(), content);
  Slot& slot = slots_[h & (kObjectSlots - 1)];
  bool found = false;
  if (slot.hash == h && slot.value.kind() == built.kind()) {
    found = contentOf(slot.value) == content;
  }
  site->count(found);
  if (found) return slot.value;
  slot = Slot{h, built};
  return built;
}

}  // namespace journey::interp
