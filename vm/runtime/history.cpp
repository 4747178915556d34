#include "vm/runtime/history.h"

#include <algorithm>
#include <string>

namespace journey::runtime {

void History::append(Timestamp time, const Value& record, bool keepRecord) {
  times_.push_back(time);
  if (keepRecord) records_.push_back(record);
}

void History::dropOldest() {
  ++first_;
  if (first_ * 2 < times_.size()) return;
  auto drop = [this](auto& v) {
    v.erase(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(std::min(first_, v.size())));
  };
  drop(times_);
  drop(records_);
  first_ = 0;
}

History::Span History::between(Timestamp from, Timestamp to) const {
  // Usually the whole history is in the window: its ends are checked before any search.
  auto begin = times_.begin() + static_cast<std::ptrdiff_t>(first_);
  auto end = times_.end();
  auto atOrBefore = [](Timestamp t) { return [t](Timestamp x) { return x <= t; }; };
  auto first = begin, last = end;
  if (first != last && *first <= from) first = std::partition_point(first + 1, last, atOrBefore(from));
  if (first != last && to < *(last - 1)) last = std::partition_point(first, last - 1, atOrBefore(to));
  return {static_cast<size_t>(first - begin), static_cast<size_t>(last - begin)};
}

Value History::list(Span span, std::string_view event) const {
  if (span.empty()) return Value::list({});
  if (records_.empty()) {
    return Value::error("the records of `" + std::string(event) +
                        "` are not kept: the program only counts them");
  }
  auto at = [this](size_t i) { return records_.begin() + static_cast<std::ptrdiff_t>(first_ + i); };
  return Value::list(std::vector<Value>(at(span.begin), at(span.end)));
}

}  // namespace journey::runtime
