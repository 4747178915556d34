// Arithmetic operators. CEL has no implicit numeric conversion: both operands have one type.
#include "stdlib/domains.h"

namespace journey::stdlib {

void declareArithmetic(std::vector<Overload>& out) {
  out.insert(out.end(), {
      {"_+_", "add_int64", false, {"int", "int"}, "int"},
      {"_+_", "add_uint64", false, {"uint", "uint"}, "uint"},
      {"_+_", "add_double", false, {"double", "double"}, "double"},
      {"_+_", "add_string", false, {"string", "string"}, "string"},
      {"_+_", "add_bytes", false, {"bytes", "bytes"}, "bytes"},
      {"_+_", "add_list", false, {"list<A>", "list<A>"}, "list<A>"},
      {"_+_", "add_timestamp_duration", false, {"timestamp", "duration"}, "timestamp"},
      {"_+_", "add_duration_timestamp", false, {"duration", "timestamp"}, "timestamp"},
      {"_+_", "add_duration_duration", false, {"duration", "duration"}, "duration"},

      {"_-_", "subtract_int64", false, {"int", "int"}, "int"},
      {"_-_", "subtract_uint64", false, {"uint", "uint"}, "uint"},
      {"_-_", "subtract_double", false, {"double", "double"}, "double"},
      {"_-_", "subtract_timestamp_timestamp", false, {"timestamp", "timestamp"}, "duration"},
      {"_-_", "subtract_timestamp_duration", false, {"timestamp", "duration"}, "timestamp"},
      {"_-_", "subtract_duration_duration", false, {"duration", "duration"}, "duration"},

      {"_*_", "multiply_int64", false, {"int", "int"}, "int"},
      {"_*_", "multiply_uint64", false, {"uint", "uint"}, "uint"},
      {"_*_", "multiply_double", false, {"double", "double"}, "double"},

      {"_/_", "divide_int64", false, {"int", "int"}, "int"},
      {"_/_", "divide_uint64", false, {"uint", "uint"}, "uint"},
      {"_/_", "divide_double", false, {"double", "double"}, "double"},

      {"_%_", "modulo_int64", false, {"int", "int"}, "int"},
      {"_%_", "modulo_uint64", false, {"uint", "uint"}, "uint"},

      {"-_", "negate_int64", false, {"int"}, "int"},
      {"-_", "negate_double", false, {"double"}, "double"},
      // Ours: `-1h`, so that a negative duration can be written as a literal.
      {"-_", "negate_duration", false, {"duration"}, "duration"},
  });
}

}  // namespace journey::stdlib
