#include "vm/value/checked_arith.h"

namespace journey {

namespace {

Value intOverflow() { return Value::error("integer overflow"); }
Value uintOverflow() { return Value::error("unsigned integer overflow"); }
Value divisionByZero() { return Value::error("division by zero"); }
Value modulusByZero() { return Value::error("modulus by zero"); }

Value durationOf(__int128 nanos) {
  if (nanos > kMaxDurationNanos || nanos < kMinDurationNanos) {
    return Value::error("duration out of range");
  }
  return Value::durationFromNanos(static_cast<int64_t>(nanos));
}

}  // namespace

Value addInt(int64_t a, int64_t b) {
  int64_t r;
  return checkedAdd(a, b, r) ? Value::integer(r) : intOverflow();
}

Value subInt(int64_t a, int64_t b) {
  int64_t r;
  return checkedSub(a, b, r) ? Value::integer(r) : intOverflow();
}

Value mulInt(int64_t a, int64_t b) {
  int64_t r;
  return checkedMul(a, b, r) ? Value::integer(r) : intOverflow();
}

Value divInt(int64_t a, int64_t b) {
  if (b == 0) return divisionByZero();
  if (a == INT64_MIN && b == -1) return intOverflow();
  return Value::integer(a / b);
}

Value modInt(int64_t a, int64_t b) {
  if (b == 0) return modulusByZero();
  if (a == INT64_MIN && b == -1) return intOverflow();
  return Value::integer(a % b);
}

Value negInt(int64_t a) {
  if (a == INT64_MIN) return intOverflow();
  return Value::integer(-a);
}

Value addUint(uint64_t a, uint64_t b) {
  uint64_t r;
  return checkedAdd(a, b, r) ? Value::uinteger(r) : uintOverflow();
}

Value subUint(uint64_t a, uint64_t b) {
  uint64_t r;
  return checkedSub(a, b, r) ? Value::uinteger(r) : uintOverflow();
}

Value mulUint(uint64_t a, uint64_t b) {
  uint64_t r;
  return checkedMul(a, b, r) ? Value::uinteger(r) : uintOverflow();
}

Value divUint(uint64_t a, uint64_t b) {
  if (b == 0) return divisionByZero();
  return Value::uinteger(a / b);
}

Value modUint(uint64_t a, uint64_t b) {
  if (b == 0) return modulusByZero();
  return Value::uinteger(a % b);
}

Value addTimestampDuration(Timestamp t, Duration d) {
  // Both second counts are far from int64's limits, so the sums cannot overflow; the
  // constructor normalizes the nanos and checks the range.
  return Value::timestamp(t.seconds + d.seconds, static_cast<int64_t>(t.nanos) + d.nanos);
}

Value subTimestampDuration(Timestamp t, Duration d) {
  return Value::timestamp(t.seconds - d.seconds, static_cast<int64_t>(t.nanos) - d.nanos);
}

Value subTimestamps(Timestamp a, Timestamp b) {
  __int128 nanos = static_cast<__int128>(a.seconds - b.seconds) * kNanosPerSecond +
                   (a.nanos - b.nanos);
  return durationOf(nanos);
}

Value addDurations(Duration a, Duration b) {
  return durationOf(static_cast<__int128>(durationNanos(a)) + durationNanos(b));
}

Value subDurations(Duration a, Duration b) {
  return durationOf(static_cast<__int128>(durationNanos(a)) - durationNanos(b));
}

Value negDuration(Duration d) { return durationOf(-static_cast<__int128>(durationNanos(d))); }

}  // namespace journey
