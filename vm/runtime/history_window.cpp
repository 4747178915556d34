#include "vm/runtime/history_window.h"

#include <algorithm>

#include "vm/value/record.h"

namespace journey::runtime {

HistoryRange recordsBetween(const History& history, uint32_t timeField, Timestamp from,
                            Timestamp to) {
  auto timeOf = [timeField](const Value& r) { return r.asRecord().field(timeField).asTimestamp(); };
  auto atOrBefore = [&](Timestamp t) { return [&, t](const Value& r) { return timeOf(r) <= t; }; };
  // Usually the whole history is in the window. Its two ends are the records that appending
  // and trimming just read, still in cache; a search would read others, each a cache miss.
  HistoryIterator first = history.begin(), last = history.end();
  if (first != last && timeOf(*first) <= from) {
    first = std::partition_point(first + 1, last, atOrBefore(from));
  }
  if (first != last && to < timeOf(*(last - 1))) {
    last = std::partition_point(first, last - 1, atOrBefore(to));
  }
  return {first, last};
}

}  // namespace journey::runtime
