// Strings that recur across the values read from one input (time zones, tags, cities), shared
// instead of allocated again: a direct-mapped table of the strings made last. Those short
// enough to be inline (Value::kMaxInlineText) are not kept: they cost no allocation. Strings
// are immutable values, so sharing one is invisible but for memory and time.
// Sharing stops for a site (a record's field) whose strings seldom recur, such as ids.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "vm/value/value.h"

namespace journey::interp {

class RecurringStrings {
 public:
  // Where strings come from, and how often they were found in the table there.
  struct Site {
    uint32_t lookups = 0;
    uint32_t hits = 0;
    bool off = false;
  };

  RecurringStrings();

  // The string `text` as a value: the one in the table when it holds `text`, else what `make()`
  // gives (kept in the table unless it is an error). `site` may be null (nothing shared).
  template <typename Make>
  Value get(std::string_view text, Site* site, Make make) {
    // Text short enough to sit inside its value costs no allocation to make again.
    if (!site || site->off || text.size() <= Value::kMaxInlineText || text.size() > kLongest) {
      return make();
    }
    uint64_t h = hash(text);
    Slot& slot = slots_[h & (slots_.size() - 1)];
    ++site->lookups;
    // The hash is compared first: the string it stands for may be cold in a large heap.
    if (slot.hash == h && slot.value.asString() == text) {
      ++site->hits;
      return slot.value;
    }
    Value made = make();
    if (made.kind() == ValueKind::String) slot = Slot{h, made};
    if (site->lookups == kReview) review(*site);
    return made;
  }

 private:
  static constexpr size_t kLongest = 32;   // longer strings are mostly unique (emails, ids)
  static constexpr uint32_t kReview = 1024;  // lookups at a site before its hit rate is judged

  struct Slot {
    uint64_t hash = 0;
    Value value;
  };

  static uint64_t hash(std::string_view text);
  static void review(Site& site);

  std::vector<Slot> slots_;
};

}  // namespace journey::interp
