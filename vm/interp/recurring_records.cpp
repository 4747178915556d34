#include "vm/interp/recurring_records.h"

#include <cstring>
#include <string_view>

#include "vm/value/objects.h"

namespace journey::interp {

namespace {

constexpr size_t kRecordSlots = 256;  // a power of two

// What makes a record this value: its layout, then its fields' and presence words' bytes,
// which follow one another in the object (objects.h).
std::string_view recordContent(const RecordObject& r) {
  return {reinterpret_cast<const char*>(r.fields()),
          RecordObject::bytesFor(r.fieldCount) - sizeof(RecordObject)};
}

uint64_t recordHash(const RecordObject& r) {
  constexpr uint64_t kMultiplier = 0x9E3779B97F4A7C15ULL;
  std::string_view bytes = recordContent(r);
  uint64_t h = reinterpret_cast<uintptr_t>(r.layout) * kMultiplier;
  for (size_t i = 0; i < bytes.size(); i += 8) {  // whole words: the content is 8-aligned
    uint64_t word;
    std::memcpy(&word, bytes.data() + i, 8);
    h = (h ^ word) * kMultiplier;
    h ^= h >> 29;
  }
  return h ^ (h >> 32);
}

}  // namespace

RecurringRecords::RecurringRecords() : slots_(kRecordSlots) {}

Value RecurringRecords::get(Value built, SharingSite* site) {
  if (!site || site->off || built.kind() != ValueKind::Record || !built.heapObject()) {
    return built;
  }
  auto& record = *static_cast<const RecordObject*>(built.heapObject());
  if (record.fieldCount > kMostFields) return built;
  uint64_t h = recordHash(record);
  Slot& slot = slots_[h & (kRecordSlots - 1)];
  bool found = false;
  if (slot.hash == h && slot.value.kind() == ValueKind::Record) {
    auto& kept = *static_cast<const RecordObject*>(slot.value.heapObject());
    found = kept.layout == record.layout && recordContent(kept) == recordContent(record);
  }
  site->count(found);
  if (found) return slot.value;
  slot = Slot{h, built};
  return built;
}

}  // namespace journey::interp
