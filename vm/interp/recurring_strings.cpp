#include "vm/interp/recurring_strings.h"

#include <cstring>

namespace journey::interp {

namespace {
constexpr size_t kSlots = 8192;  // a power of two
constexpr uint64_t kMultiplier = 0x9E3779B97F4A7C15ULL;
}  // namespace

RecurringStrings::RecurringStrings() : slots_(kSlots) {}

// Eight bytes at a time: the strings are short, so speed matters more than spread.
uint64_t RecurringStrings::hash(std::string_view text) {
  uint64_t h = text.size() * kMultiplier;
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    h = (h ^ word) * kMultiplier;
    h ^= h >> 29;
  }
  if (i < text.size()) {
    uint64_t word = 0;
    std::memcpy(&word, text.data() + i, text.size() - i);
    h = (h ^ word) * kMultiplier;
    h ^= h >> 29;
  }
  return h ^ (h >> 32);
}

// A site where fewer than half the strings were found is not worth it: each miss replaces a
// string in the table, touching memory that may be cold. The others are judged again on their
// next lookups.
void RecurringStrings::review(Site& site) {
  if (site.hits * 2 < site.lookups) site.off = true;
  site.lookups = 0;
  site.hits = 0;
}

}  // namespace journey::interp
