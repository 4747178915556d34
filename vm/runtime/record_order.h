// The order of a record stream: each record at or after the last accepted one, and not further
// after it than a limit (a mistyped year would otherwise run every timer of the years between).
#pragma once

#include <optional>
#include <string>

#include "vm/runtime/time_math.h"
#include "vm/value/value.h"

namespace journey::runtime {

// The default limit: ten years, far more than any stream's quiet spell, far less than a
// mistyped century.
inline constexpr Duration kDefaultMaxGap{3650 * 86400, 0};

class RecordOrder {
 public:
  // From now on, a record more than `gap` after the last accepted one is refused (none: any gap
  // is accepted). `flag` names the setting that changes the limit, for the message.
  void limitGap(std::optional<Duration> gap, std::string flag);
  // Why a record at `time` cannot follow the last accepted one, if it cannot. Asked of every
  // record: the usual answer is inline.
  std::optional<std::string> problem(Timestamp time) const {
    if (!last_ || (!(time < *last_) && !(maxGap_ && plusDuration(*last_, *maxGap_) < time))) {
      return std::nullopt;
    }
    return why(time);
  }
  void accept(Timestamp time) { last_ = time; }
  std::optional<Timestamp> last() const { return last_; }

 private:
  std::string why(Timestamp time) const;

  std::optional<Timestamp> last_;
  std::optional<Duration> maxGap_;
  std::string maxGapFlag_;
};

}  // namespace journey::runtime
