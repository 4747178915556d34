// Arithmetic with CEL's overflow rules (langdef "Overflow"): int and uint results outside
// 64 bits, and timestamps or durations outside their ranges, are errors, as are division and
// modulus by zero. The Value-returning functions give the result or an Error value; the
// inline `checked*` forms report success with a bool for callers that box results themselves
// (the JIT emits the same overflow intrinsics).
#pragma once

#include <cstdint>

#include "vm/value/value.h"

namespace journey {

inline bool checkedAdd(int64_t a, int64_t b, int64_t& out) noexcept {
  return !__builtin_add_overflow(a, b, &out);
}
inline bool checkedSub(int64_t a, int64_t b, int64_t& out) noexcept {
  return !__builtin_sub_overflow(a, b, &out);
}
inline bool checkedMul(int64_t a, int64_t b, int64_t& out) noexcept {
  return !__builtin_mul_overflow(a, b, &out);
}
inline bool checkedAdd(uint64_t a, uint64_t b, uint64_t& out) noexcept {
  return !__builtin_add_overflow(a, b, &out);
}
inline bool checkedSub(uint64_t a, uint64_t b, uint64_t& out) noexcept {
  return !__builtin_sub_overflow(a, b, &out);
}
inline bool checkedMul(uint64_t a, uint64_t b, uint64_t& out) noexcept {
  return !__builtin_mul_overflow(a, b, &out);
}

// int: overflow errors; INT64_MIN / -1 and INT64_MIN % -1 overflow too. Division truncates
// toward zero and the remainder has the dividend's sign (-3 % 5 == -3), as in C++ and CEL.
Value addInt(int64_t a, int64_t b);
Value subInt(int64_t a, int64_t b);
Value mulInt(int64_t a, int64_t b);
Value divInt(int64_t a, int64_t b);  // b == 0: "division by zero"
Value modInt(int64_t a, int64_t b);  // b == 0: "modulus by zero"
Value negInt(int64_t a);

Value addUint(uint64_t a, uint64_t b);
Value subUint(uint64_t a, uint64_t b);  // below zero: overflow
Value mulUint(uint64_t a, uint64_t b);
Value divUint(uint64_t a, uint64_t b);
Value modUint(uint64_t a, uint64_t b);

// A duration as its total nanoseconds (always fits: durations are limited to int64 nanos).
inline int64_t durationNanos(Duration d) noexcept {
  return d.seconds * kNanosPerSecond + d.nanos;
}

Value addTimestampDuration(Timestamp t, Duration d);
Value subTimestampDuration(Timestamp t, Duration d);
Value subTimestamps(Timestamp a, Timestamp b);  // a duration; beyond ±2^63 ns: range error
Value addDurations(Duration a, Duration b);
Value subDurations(Duration a, Duration b);
Value negDuration(Duration d);

}  // namespace journey
