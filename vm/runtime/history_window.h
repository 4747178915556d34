// Which of a profile's retained records of one event type `history(E, D)` sees: those with
// `from < time <= to`. Shared by the list and its count, so they cannot disagree.
#pragma once

#include <cstdint>
#include <ranges>
#include <utility>

#include "vm/runtime/state.h"

namespace journey::runtime {

using HistoryIterator = decltype(std::declval<const History&>().begin());
using HistoryRange = std::ranges::subrange<HistoryIterator>;

// `timeField` is the index of `time` in the event's records. A history is in time order (records
// are appended as the clock reaches them, and the clock never goes back), so both ends are
// found by binary search, whatever trimming has left before `from`.
HistoryRange recordsBetween(const History& history, uint32_t timeField, Timestamp from,
                            Timestamp to);

}  // namespace journey::runtime
