#include "vm/runtime/time_math.h"

#include <optional>
#include <utility>

#include "vm/value/checked_arith.h"
#include "vm/value/value_convert.h"

namespace journey::runtime {

namespace {

Timestamp clamp(const Value& v, bool forward) {
  if (v.kind() == ValueKind::Timestamp) return v.asTimestamp();
  return forward ? Timestamp{kMaxTimestampSeconds, 999'999'999} : Timestamp{kMinTimestampSeconds, 0};
}

// t + d (or t - d) when it lies inside the timestamp range, computed directly: the runtime's
// deadlines (a send's cap windows, a history's window, each timer) almost always do, and CEL's
// checked arithmetic builds a Value for each. Nullopt otherwise.
std::optional<Timestamp> inRange(Timestamp t, Duration d, bool subtract) {
  int64_t seconds;
  bool overflow = subtract ? __builtin_sub_overflow(t.seconds, d.seconds, &seconds)
                           : __builtin_add_overflow(t.seconds, d.seconds, &seconds);
  if (overflow) return std::nullopt;
  int64_t nanos = subtract ? int64_t{t.nanos} - d.nanos : int64_t{t.nanos} + d.nanos;
  if (nanos < 0) {  // nanos is in (-1e9, 2e9)
    nanos += kNanosPerSecond;
    --seconds;
  } else if (nanos >= kNanosPerSecond) {
    nanos -= kNanosPerSecond;
    ++seconds;
  }
  if (seconds < kMinTimestampSeconds || seconds > kMaxTimestampSeconds) return std::nullopt;
  return Timestamp{seconds, static_cast<int32_t>(nanos)};
}

}  // namespace

Timestamp plusDuration(Timestamp t, Duration d) {
  if (std::optional<Timestamp> sum = inRange(t, d, false)) return *sum;
  return clamp(addTimestampDuration(t, d), Duration{} < d);
}

Timestamp minusDuration(Timestamp t, Duration d) {
  if (std::optional<Timestamp> difference = inRange(t, d, true)) return *difference;
  return clamp(subTimestampDuration(t, d), d < Duration{});
}

std::string authorDuration(Duration d) {
  if (d.nanos != 0 || d.seconds <= 0) return formatDuration(d);
  std::string out;
  int64_t s = d.seconds;
  for (auto [unit, size] : {std::pair{"d", 86400}, {"h", 3600}, {"m", 60}, {"s", 1}}) {
    if (s >= size) {
      out += std::to_string(s / size) + unit;
      s %= size;
    }
  }
  return out;
}

}  // namespace journey::runtime
