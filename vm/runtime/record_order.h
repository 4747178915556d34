// The order of a record stream: each record at or after the last accepted one, and not further
// after it than a limit (a mistyped year would otherwise run every timer of the years between).
#pragma once

#include <optional>
#include <string>

#include "vm/value/value.h"

namespace journey::runtime {

class RecordOrder {
 public:
  // From now on, a record more than `gap` after the last accepted one is refused (none: any gap
  // is accepted). `flag` names the setting that changes the limit, for the message.
  void limitGap(std::optional<Duration> gap, std::string flag);
  // Why a record at `time` cannot follow the last accepted one, if it cannot.
  std::optional<std::string> problem(Timestamp time) const;
  void accept(Timestamp time) { last_ = time; }
  std::optional<Timestamp> last() const { return last_; }

 private:
  std::optional<Timestamp> last_;
  std::optional<Duration> maxGap_;
  std::string maxGapFlag_;
};

}  // namespace journey::runtime
