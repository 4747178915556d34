#include "vm/runtime/record_order.h"

#include "vm/runtime/time_math.h"
#include "vm/value/value_convert.h"

namespace journey::runtime {

void RecordOrder::limitGap(std::optional<Duration> gap, std::string flag) {
  maxGap_ = gap;
  maxGapFlag_ = std::move(flag);
}

std::optional<std::string> RecordOrder::problem(Timestamp time) const {
  if (!last_) return std::nullopt;
  if (time < *last_) {
    return "out of order: " + formatTimestamp(time) + " is before " + formatTimestamp(*last_);
  }
  if (maxGap_ && plusDuration(*last_, *maxGap_) < time) {
    return "too far ahead: " + formatTimestamp(time) + " is more than " +
           authorDuration(*maxGap_) + " after the previous record's " + formatTimestamp(*last_) +
           " (a mistyped time? " + maxGapFlag_ + " allows more)";
  }
  return std::nullopt;
}

}  // namespace journey::runtime
