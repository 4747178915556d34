#include "vm/runtime/record_order.h"

#include "vm/value/value_convert.h"

namespace journey::runtime {

void RecordOrder::limitGap(std::optional<Duration> gap, std::string flag) {
  maxGap_ = gap;
  maxGapFlag_ = std::move(flag);
}

std::string RecordOrder::why(Timestamp time) const {
  if (time < *last_) {
    return "out of order: " + formatTimestamp(time) + " is before " + formatTimestamp(*last_);
  }
  return "too far ahead: " + formatTimestamp(time) + " is more than " +
         authorDuration(*maxGap_) + " after the previous record's " + formatTimestamp(*last_) +
         " (a mistyped time? " + maxGapFlag_ + " allows more)";
}

}  // namespace journey::runtime
