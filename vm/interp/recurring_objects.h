// Small records and lists that recur across the values read from one input (a profile's
// consents: three flags, eight combinations among a million profiles; its tags), shared
// instead of kept once per value: a direct-mapped table of the objects made last. Records and
// lists are immutable values (a change copies one that is shared), so sharing one is invisible
// but for memory and time.
//
// Two objects are taken as the same when they are of one kind (and layout) and their contents
// are the same bits: equal scalars, and the same objects for anything on the heap (a string
// RecurringStrings shared). Objects equal only by content (two copies of one string) are not
// shared; nothing else is lost. Sharing stops at a site whose objects seldom recur (a loyalty
// tier with its points, a cart's items).
#pragma once

#include <cstdint>
#include <vector>

#include "vm/interp/sharing_site.h"
#include "vm/value/value.h"

namespace journey::interp {

class RecurringObjects {
 public:
  RecurringObjects();

  // `built` (a record or a list), or the object of the same bits in the table. `site` may be
  // null (nothing shared). Dropped for a shared one, `built` is freed at once: the last object
  // its builder placed in a chunk gives its bytes back (ObjectChunks::freed).
  Value get(Value built, SharingSite* site);

 private:
  static constexpr size_t kLargest = 256;  // content bytes: larger objects are seldom alike

  struct Slot {
    uint64_t hash = 0;
    Value value;
  };

  std::vector<Slot> slots_;
};

}  // namespace journey::interp
