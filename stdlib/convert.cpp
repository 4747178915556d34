// Type conversions, named after the type they produce. Identity conversions are included so
// that `int(x)` type-checks whatever numeric x is.
#include "stdlib/domains.h"

namespace journey::stdlib {

void declareConvert(std::vector<Overload>& out) {
  out.insert(out.end(), {
      {"int", "int64_to_int64", false, {"int"}, "int"},
      {"int", "uint64_to_int64", false, {"uint"}, "int"},
      {"int", "double_to_int64", false, {"double"}, "int"},
      {"int", "string_to_int64", false, {"string"}, "int"},
      {"int", "timestamp_to_int64", false, {"timestamp"}, "int"},  // seconds since the epoch

      {"uint", "uint64_to_uint64", false, {"uint"}, "uint"},
      {"uint", "int64_to_uint64", false, {"int"}, "uint"},
      {"uint", "double_to_uint64", false, {"double"}, "uint"},
      {"uint", "string_to_uint64", false, {"string"}, "uint"},

      {"double", "double_to_double", false, {"double"}, "double"},
      {"double", "int64_to_double", false, {"int"}, "double"},
      {"double", "uint64_to_double", false, {"uint"}, "double"},
      {"double", "string_to_double", false, {"string"}, "double"},

      {"string", "string_to_string", false, {"string"}, "string"},
      {"string", "bool_to_string", false, {"bool"}, "string"},
      {"string", "int64_to_string", false, {"int"}, "string"},
      {"string", "uint64_to_string", false, {"uint"}, "string"},
      {"string", "double_to_string", false, {"double"}, "string"},
      {"string", "bytes_to_string", false, {"bytes"}, "string"},
      {"string", "timestamp_to_string", false, {"timestamp"}, "string"},
      {"string", "duration_to_string", false, {"duration"}, "string"},

      {"bytes", "bytes_to_bytes", false, {"bytes"}, "bytes"},
      {"bytes", "string_to_bytes", false, {"string"}, "bytes"},

      {"bool", "bool_to_bool", false, {"bool"}, "bool"},
      {"bool", "string_to_bool", false, {"string"}, "bool"},

      {"timestamp", "timestamp_to_timestamp", false, {"timestamp"}, "timestamp"},
      {"timestamp", "string_to_timestamp", false, {"string"}, "timestamp"},  // RFC 3339
      {"timestamp", "int64_to_timestamp", false, {"int"}, "timestamp"},     // epoch seconds

      {"duration", "duration_to_duration", false, {"duration"}, "duration"},
      {"duration", "string_to_duration", false, {"string"}, "duration"},  // "1h30m", "-1.5s"

      // No effect at run time: tells the checker to stop checking this value's type.
      {"dyn", "to_dyn", false, {"A"}, "dyn"},
  });
}

}  // namespace journey::stdlib
