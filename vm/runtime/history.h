// One event type's retained records of a profile, oldest first: their times always, the
// records themselves only when something may read them back.
//
// A run retains millions of records. When the program only counts them (`size(history(E, D))`,
// which lowering turns into a count), a retained record costs its 16-byte time; kept as a
// Value, a cart with two items is eight heap objects allocated on fresh memory and touched
// again only to be trimmed. Whether records are kept is fixed per event type
// (`ir::eventHistoryUse`, or a host that may ask for any history, like the REPL).
#pragma once

#include <cstdint>
#include <vector>

#include "vm/value/value.h"

namespace journey::runtime {

class History {
 public:
  // Retained records [begin, end), oldest first: `history(E, D)`'s window.
  struct Span {
    size_t begin = 0;
    size_t end = 0;
    size_t size() const { return end - begin; }
    bool empty() const { return begin == end; }
  };

  // `time` is the record's own (its `time` field); records come in time order, as the clock
  // never goes back. `record` is kept when `keepRecord` (the same for every append).
  void append(Timestamp time, const Value& record, bool keepRecord);
  // Drops the oldest record. Only an index moves; the stale front is dropped once it is half of
  // what is held, so appends and trims stay amortized O(1).
  void dropOldest();

  size_t size() const { return times_.size() - first_; }
  bool empty() const { return size() == 0; }
  // The i-th retained record's time (0 is the oldest).
  Timestamp time(size_t i) const { return times_[first_ + i]; }

  // The records with `from < time <= to`, both ends found by binary search over the times.
  Span between(Timestamp from, Timestamp to) const;
  // The span's records as a CEL list; an error when this history keeps only times.
  Value list(Span span, std::string_view event) const;

  // Where the next append writes, for prefetching.
  const void* appendAddress() const { return times_.data() + times_.size(); }

 private:
  std::vector<Timestamp> times_;
  std::vector<Value> records_;  // beside times_, or empty when only times are kept
  size_t first_ = 0;            // entries before it are trimmed
};

}  // namespace journey::runtime
