// vm/runtime/time_math: deadline arithmetic gives CEL's timestamp ± duration wherever that is in
// range, and the range's end where it is not.
#include <doctest/doctest.h>

#include <random>

#include "vm/runtime/time_math.h"
#include "vm/value/checked_arith.h"

using namespace journey;
using runtime::minusDuration;
using runtime::plusDuration;

namespace {

constexpr Timestamp kFirst{kMinTimestampSeconds, 0};
constexpr Timestamp kLast{kMaxTimestampSeconds, 999'999'999};

// What CEL says, clamped: the definition the runtime's arithmetic must keep.
Timestamp expected(const Value& cel, bool forward) {
  if (cel.kind() == ValueKind::Timestamp) return cel.asTimestamp();
  return forward ? kLast : kFirst;
}

void checkBoth(Timestamp t, Duration d) {
  CAPTURE(t.seconds);
  CAPTURE(t.nanos);
  CAPTURE(d.seconds);
  CAPTURE(d.nanos);
  CHECK(plusDuration(t, d) == expected(addTimestampDuration(t, d), Duration{} < d));
  CHECK(minusDuration(t, d) == expected(subTimestampDuration(t, d), d < Duration{}));
}

}  // namespace

TEST_SUITE("runtime") {

TEST_CASE("deadlines: timestamp plus or minus a duration, as CEL computes it, clamped") {
  std::mt19937_64 random(4);
  const int64_t range = kMaxTimestampSeconds - kMinTimestampSeconds;
  for (int i = 0; i < 20000; ++i) {
    Timestamp t{kMinTimestampSeconds + static_cast<int64_t>(random() % (range + 1)),
                static_cast<int32_t>(random() % kNanosPerSecond)};
    // Durations of every size: a few seconds to past the whole range, either sign, with
    // nanos of the same sign (a duration's form).
    int64_t seconds = static_cast<int64_t>(random() % (uint64_t{1} << (random() % 40)));
    int32_t nanos = static_cast<int32_t>(random() % kNanosPerSecond);
    if (random() % 2) {
      seconds = -seconds;
      nanos = -nanos;
    }
    checkBoth(t, Duration{seconds, nanos});
  }
  // The edges: the range's ends, carries across them, the largest durations.
  for (Timestamp t : {kFirst, kLast, Timestamp{0, 0}, Timestamp{kMinTimestampSeconds, 1},
                      Timestamp{kMaxTimestampSeconds, 0}}) {
    for (Duration d : {Duration{0, 0}, Duration{0, 1}, Duration{0, -1}, Duration{1, 0},
                       Duration{-1, 0}, Duration{0, 999'999'999}, Duration{0, -999'999'999},
                       Duration{INT64_MAX / kNanosPerSecond, 0},
                       Duration{INT64_MIN / kNanosPerSecond, 0}, Duration{86400 * 30, 0}}) {
      checkBoth(t, d);
    }
  }
}

}  // TEST_SUITE
