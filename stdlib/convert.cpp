// Type conversions, named after the type they produce. Identity conversions are included so
// that `int(x)` type-checks whatever numeric x is. Range and syntax errors are error values,
// with the rules and wording of vm/value/value_convert.h.
#include <charconv>

#include "stdlib/domains.h"
#include "vm/value/value_convert.h"

namespace journey::stdlib {

namespace {

// Integers print in decimal without a suffix: string(5u) == "5".
template <class Integer>
Value integerToString(Integer i) {
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, i);
  (void)ec;  // 24 characters hold any 64-bit integer
  return Value::string(std::string_view(buffer, static_cast<size_t>(end - buffer)));
}

// ---- int ---------------------------------------------------------------------------------
Value uintToIntImpl(const Value* a, CallContext&) { return uintToInt(a[0].asUint()); }
// Truncates toward zero; NaN, infinities and values outside (-2^63, 2^63) are range errors.
Value doubleToIntImpl(const Value* a, CallContext&) { return doubleToInt(a[0].asDouble()); }
Value stringToInt(const Value* a, CallContext&) { return parseInt(a[0].asString()); }
// Whole seconds since the epoch (the nanoseconds dropped; seconds are already the floor).
Value timestampToInt(const Value* a, CallContext&) {
  return Value::integer(a[0].asTimestamp().seconds);
}

// ---- uint --------------------------------------------------------------------------------
Value intToUintImpl(const Value* a, CallContext&) { return intToUint(a[0].asInt()); }
Value doubleToUintImpl(const Value* a, CallContext&) { return doubleToUint(a[0].asDouble()); }
Value stringToUint(const Value* a, CallContext&) { return parseUint(a[0].asString()); }

// ---- double ------------------------------------------------------------------------------
// Rounds to the nearest double beyond 2^53, as CEL does.
Value intToDouble(const Value* a, CallContext&) {
  return Value::dbl(static_cast<double>(a[0].asInt()));
}
Value uintToDouble(const Value* a, CallContext&) {
  return Value::dbl(static_cast<double>(a[0].asUint()));
}
Value stringToDouble(const Value* a, CallContext&) { return parseDouble(a[0].asString()); }

// ---- string ------------------------------------------------------------------------------
Value boolToString(const Value* a, CallContext&) {
  return Value::string(a[0].asBool() ? "true" : "false");
}
Value intToString(const Value* a, CallContext&) { return integerToString(a[0].asInt()); }
Value uintToString(const Value* a, CallContext&) { return integerToString(a[0].asUint()); }
Value doubleToString(const Value* a, CallContext&) {
  return Value::string(formatDouble(a[0].asDouble()));
}
// Invalid UTF-8 is an error, not replaced.
Value bytesToStringImpl(const Value* a, CallContext&) { return bytesToString(a[0].asBytes()); }
Value timestampToString(const Value* a, CallContext&) {
  return Value::string(formatTimestamp(a[0].asTimestamp()));
}
Value durationToString(const Value* a, CallContext&) {
  return Value::string(formatDuration(a[0].asDuration()));
}

// ---- bytes, bool, timestamp, duration ----------------------------------------------------
Value stringToBytes(const Value* a, CallContext&) { return Value::bytes(a[0].asString()); }
// `true`, `True`, `TRUE`, `t`, `T`, `1` and the matching false forms, as cel-go accepts.
Value stringToBool(const Value* a, CallContext&) { return parseBool(a[0].asString()); }
Value stringToTimestamp(const Value* a, CallContext&) {
  return parseTimestamp(a[0].asString());
}
Value intToTimestamp(const Value* a, CallContext&) { return Value::timestamp(a[0].asInt()); }
Value stringToDuration(const Value* a, CallContext&) { return parseDuration(a[0].asString()); }

}  // namespace

void declareConvert(std::vector<Overload>& out) {
  out.insert(out.end(), {
      {"int", "int64_to_int64", false, {"int"}, "int", &identity},
      {"int", "uint64_to_int64", false, {"uint"}, "int", &uintToIntImpl},
      {"int", "double_to_int64", false, {"double"}, "int", &doubleToIntImpl},
      {"int", "string_to_int64", false, {"string"}, "int", &stringToInt},
      // Seconds since the epoch.
      {"int", "timestamp_to_int64", false, {"timestamp"}, "int", &timestampToInt},

      {"uint", "uint64_to_uint64", false, {"uint"}, "uint", &identity},
      {"uint", "int64_to_uint64", false, {"int"}, "uint", &intToUintImpl},
      {"uint", "double_to_uint64", false, {"double"}, "uint", &doubleToUintImpl},
      {"uint", "string_to_uint64", false, {"string"}, "uint", &stringToUint},

      {"double", "double_to_double", false, {"double"}, "double", &identity},
      {"double", "int64_to_double", false, {"int"}, "double", &intToDouble},
      {"double", "uint64_to_double", false, {"uint"}, "double", &uintToDouble},
      {"double", "string_to_double", false, {"string"}, "double", &stringToDouble},

      {"string", "string_to_string", false, {"string"}, "string", &identity},
      {"string", "bool_to_string", false, {"bool"}, "string", &boolToString},
      {"string", "int64_to_string", false, {"int"}, "string", &intToString},
      {"string", "uint64_to_string", false, {"uint"}, "string", &uintToString},
      {"string", "double_to_string", false, {"double"}, "string", &doubleToString},
      {"string", "bytes_to_string", false, {"bytes"}, "string", &bytesToStringImpl},
      {"string", "timestamp_to_string", false, {"timestamp"}, "string", &timestampToString},
      {"string", "duration_to_string", false, {"duration"}, "string", &durationToString},

      {"bytes", "bytes_to_bytes", false, {"bytes"}, "bytes", &identity},
      {"bytes", "string_to_bytes", false, {"string"}, "bytes", &stringToBytes},

      {"bool", "bool_to_bool", false, {"bool"}, "bool", &identity},
      {"bool", "string_to_bool", false, {"string"}, "bool", &stringToBool},

      {"timestamp", "timestamp_to_timestamp", false, {"timestamp"}, "timestamp", &identity},
      // RFC 3339.
      {"timestamp", "string_to_timestamp", false, {"string"}, "timestamp", &stringToTimestamp},
      // Epoch seconds.
      {"timestamp", "int64_to_timestamp", false, {"int"}, "timestamp", &intToTimestamp},

      {"duration", "duration_to_duration", false, {"duration"}, "duration", &identity},
      // "1h30m", "-1.5s".
      {"duration", "string_to_duration", false, {"string"}, "duration", &stringToDuration},

      // No effect at run time: tells the checker to stop checking this value's type.
      {"dyn", "to_dyn", false, {"A"}, "dyn", &identity},
  });
}

}  // namespace journey::stdlib
