// Arithmetic operators. CEL has no implicit numeric conversion: both operands have one type.
// Overflow, division by zero and out-of-range times are error values (vm/value/checked_arith.h).
#include "stdlib/domains.h"
#include "vm/value/checked_arith.h"

namespace journey::stdlib {

namespace {

// The int and uint operators check inline and fall back to checked_arith only to build the
// error, so the common path is a flag test and no call.
Value addInt64(const Value* a, CallContext&) {
  int64_t r;
  return checkedAdd(a[0].asInt(), a[1].asInt(), r) ? Value::integer(r)
                                                    : addInt(a[0].asInt(), a[1].asInt());
}
Value addUint64(const Value* a, CallContext&) {
  uint64_t r;
  return checkedAdd(a[0].asUint(), a[1].asUint(), r) ? Value::uinteger(r)
                                                      : addUint(a[0].asUint(), a[1].asUint());
}
Value addDouble(const Value* a, CallContext&) {
  return Value::dbl(a[0].asDouble() + a[1].asDouble());
}
Value addString(const Value* a, CallContext&) { return concatStrings(a[0], a[1]); }
Value addBytes(const Value* a, CallContext&) { return concatBytes(a[0], a[1]); }
Value addList(const Value* a, CallContext&) { return concatLists(a[0], a[1]); }
Value addTimestampDurationImpl(const Value* a, CallContext&) {
  return addTimestampDuration(a[0].asTimestamp(), a[1].asDuration());
}
Value addDurationTimestamp(const Value* a, CallContext&) {
  return addTimestampDuration(a[1].asTimestamp(), a[0].asDuration());
}
Value addDurationDuration(const Value* a, CallContext&) {
  return addDurations(a[0].asDuration(), a[1].asDuration());
}

Value subtractInt64(const Value* a, CallContext&) {
  int64_t r;
  return checkedSub(a[0].asInt(), a[1].asInt(), r) ? Value::integer(r)
                                                    : subInt(a[0].asInt(), a[1].asInt());
}
Value subtractUint64(const Value* a, CallContext&) {
  uint64_t r;
  return checkedSub(a[0].asUint(), a[1].asUint(), r) ? Value::uinteger(r)
                                                      : subUint(a[0].asUint(), a[1].asUint());
}
Value subtractDouble(const Value* a, CallContext&) {
  return Value::dbl(a[0].asDouble() - a[1].asDouble());
}
Value subtractTimestampTimestamp(const Value* a, CallContext&) {
  return subTimestamps(a[0].asTimestamp(), a[1].asTimestamp());
}
Value subtractTimestampDuration(const Value* a, CallContext&) {
  return subTimestampDuration(a[0].asTimestamp(), a[1].asDuration());
}
Value subtractDurationDuration(const Value* a, CallContext&) {
  return subDurations(a[0].asDuration(), a[1].asDuration());
}

Value multiplyInt64(const Value* a, CallContext&) {
  int64_t r;
  return checkedMul(a[0].asInt(), a[1].asInt(), r) ? Value::integer(r)
                                                    : mulInt(a[0].asInt(), a[1].asInt());
}
Value multiplyUint64(const Value* a, CallContext&) {
  uint64_t r;
  return checkedMul(a[0].asUint(), a[1].asUint(), r) ? Value::uinteger(r)
                                                      : mulUint(a[0].asUint(), a[1].asUint());
}
Value multiplyDouble(const Value* a, CallContext&) {
  return Value::dbl(a[0].asDouble() * a[1].asDouble());
}

Value divideInt64(const Value* a, CallContext&) { return divInt(a[0].asInt(), a[1].asInt()); }
Value divideUint64(const Value* a, CallContext&) { return divUint(a[0].asUint(), a[1].asUint()); }
// IEEE division: x / 0.0 is an infinity or NaN, not an error (CEL's fp_math).
Value divideDouble(const Value* a, CallContext&) {
  return Value::dbl(a[0].asDouble() / a[1].asDouble());
}

Value moduloInt64(const Value* a, CallContext&) { return modInt(a[0].asInt(), a[1].asInt()); }
Value moduloUint64(const Value* a, CallContext&) { return modUint(a[0].asUint(), a[1].asUint()); }

Value negateInt64(const Value* a, CallContext&) { return negInt(a[0].asInt()); }
Value negateDouble(const Value* a, CallContext&) { return Value::dbl(-a[0].asDouble()); }
Value negateDuration(const Value* a, CallContext&) { return negDuration(a[0].asDuration()); }

}  // namespace

void declareArithmetic(std::vector<Overload>& out) {
  out.insert(out.end(), {
      {"_+_", "add_int64", false, {"int", "int"}, "int", &addInt64},
      {"_+_", "add_uint64", false, {"uint", "uint"}, "uint", &addUint64},
      {"_+_", "add_double", false, {"double", "double"}, "double", &addDouble},
      {"_+_", "add_string", false, {"string", "string"}, "string", &addString},
      {"_+_", "add_bytes", false, {"bytes", "bytes"}, "bytes", &addBytes},
      {"_+_", "add_list", false, {"list<A>", "list<A>"}, "list<A>", &addList},
      {"_+_", "add_timestamp_duration", false, {"timestamp", "duration"}, "timestamp",
       &addTimestampDurationImpl},
      {"_+_", "add_duration_timestamp", false, {"duration", "timestamp"}, "timestamp",
       &addDurationTimestamp},
      {"_+_", "add_duration_duration", false, {"duration", "duration"}, "duration",
       &addDurationDuration},

      {"_-_", "subtract_int64", false, {"int", "int"}, "int", &subtractInt64},
      {"_-_", "subtract_uint64", false, {"uint", "uint"}, "uint", &subtractUint64},
      {"_-_", "subtract_double", false, {"double", "double"}, "double", &subtractDouble},
      {"_-_", "subtract_timestamp_timestamp", false, {"timestamp", "timestamp"}, "duration",
       &subtractTimestampTimestamp},
      {"_-_", "subtract_timestamp_duration", false, {"timestamp", "duration"}, "timestamp",
       &subtractTimestampDuration},
      {"_-_", "subtract_duration_duration", false, {"duration", "duration"}, "duration",
       &subtractDurationDuration},

      {"_*_", "multiply_int64", false, {"int", "int"}, "int", &multiplyInt64},
      {"_*_", "multiply_uint64", false, {"uint", "uint"}, "uint", &multiplyUint64},
      {"_*_", "multiply_double", false, {"double", "double"}, "double", &multiplyDouble},

      {"_/_", "divide_int64", false, {"int", "int"}, "int", &divideInt64},
      {"_/_", "divide_uint64", false, {"uint", "uint"}, "uint", &divideUint64},
      {"_/_", "divide_double", false, {"double", "double"}, "double", &divideDouble},

      {"_%_", "modulo_int64", false, {"int", "int"}, "int", &moduloInt64},
      {"_%_", "modulo_uint64", false, {"uint", "uint"}, "uint", &moduloUint64},

      {"-_", "negate_int64", false, {"int"}, "int", &negateInt64},
      {"-_", "negate_double", false, {"double"}, "double", &negateDouble},
      // Ours: `-1h`, so that a negative duration can be written as a literal.
      {"-_", "negate_duration", false, {"duration"}, "duration", &negateDuration},
  });
}

}  // namespace journey::stdlib
