#include "vm/runtime/time_math.h"

#include <utility>

#include "vm/value/checked_arith.h"
#include "vm/value/value_convert.h"

namespace journey::runtime {

namespace {

Timestamp clamp(const Value& v, bool forward) {
  if (v.kind() == ValueKind::Timestamp) return v.asTimestamp();
  return forward ? Timestamp{kMaxTimestampSeconds, 999'999'999} : Timestamp{kMinTimestampSeconds, 0};
}

}  // namespace

Timestamp plusDuration(Timestamp t, Duration d) {
  return clamp(addTimestampDuration(t, d), Duration{} < d);
}

Timestamp minusDuration(Timestamp t, Duration d) {
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
