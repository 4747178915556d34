// Small records that recur across the values read from one input (a profile's consents: three
// flags, eight combinations among a million profiles), shared instead of kept once per value: a
// direct-mapped table of the records made last. Records are immutable values (a change copies
// one that is shared), so sharing one is invisible but for memory and time.
//
// Two records are taken as the same when their fields and presence are the same bits: equal
// scalars, and the same objects for anything on the heap (a string RecurringStrings shared).
// Records equal only by content (two copies of one string) are not shared; nothing else is
// lost. Sharing stops at a site whose records seldom recur (a loyalty tier with its points).
#pragma once

#include <cstdint>
#include <vector>

#include "vm/interp/sharing_site.h"
#include "vm/value/value.h"

namespace journey::interp {

class RecurringRecords {
 public:
  RecurringRecords();

  // `built` (a record), or the record of the same bits in the table. `site` may be null
  // (nothing shared). Dropped for a shared one, `built` is freed at once: the last object its
  // builder placed in a chunk gives its bytes back (ObjectChunks::freed).
  Value get(Value built, SharingSite* site);

 private:
  static constexpr uint32_t kMostFields = 16;  // wider records are seldom alike

  struct Slot {
    uint64_t hash = 0;
    Value value;
  };

  std::vector<Slot> slots_;
};

}  // namespace journey::interp
