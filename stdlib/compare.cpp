// Equality and ordering. Equality is declared on (A, A): the checker wants both sides of one
// type (or dyn), while the engines compare numbers across types on one number line. Ordering
// accepts mixed numeric operands, as CEL implementations do.
#include "stdlib/domains.h"

namespace journey::stdlib {

void declareCompare(std::vector<Overload>& out) {
  out.insert(out.end(), {
      {"_==_", "equals", false, {"A", "A"}, "bool"},
      {"_!=_", "not_equals", false, {"A", "A"}, "bool"},

      {"_<_", "less_bool", false, {"bool", "bool"}, "bool"},
      {"_<_", "less_int64", false, {"int", "int"}, "bool"},
      {"_<_", "less_uint64", false, {"uint", "uint"}, "bool"},
      {"_<_", "less_double", false, {"double", "double"}, "bool"},
      {"_<_", "less_string", false, {"string", "string"}, "bool"},
      {"_<_", "less_bytes", false, {"bytes", "bytes"}, "bool"},
      {"_<_", "less_timestamp", false, {"timestamp", "timestamp"}, "bool"},
      {"_<_", "less_duration", false, {"duration", "duration"}, "bool"},
      {"_<_", "less_int64_uint64", false, {"int", "uint"}, "bool"},
      {"_<_", "less_int64_double", false, {"int", "double"}, "bool"},
      {"_<_", "less_uint64_int64", false, {"uint", "int"}, "bool"},
      {"_<_", "less_uint64_double", false, {"uint", "double"}, "bool"},
      {"_<_", "less_double_int64", false, {"double", "int"}, "bool"},
      {"_<_", "less_double_uint64", false, {"double", "uint"}, "bool"},

      {"_<=_", "less_equals_bool", false, {"bool", "bool"}, "bool"},
      {"_<=_", "less_equals_int64", false, {"int", "int"}, "bool"},
      {"_<=_", "less_equals_uint64", false, {"uint", "uint"}, "bool"},
      {"_<=_", "less_equals_double", false, {"double", "double"}, "bool"},
      {"_<=_", "less_equals_string", false, {"string", "string"}, "bool"},
      {"_<=_", "less_equals_bytes", false, {"bytes", "bytes"}, "bool"},
      {"_<=_", "less_equals_timestamp", false, {"timestamp", "timestamp"}, "bool"},
      {"_<=_", "less_equals_duration", false, {"duration", "duration"}, "bool"},
      {"_<=_", "less_equals_int64_uint64", false, {"int", "uint"}, "bool"},
      {"_<=_", "less_equals_int64_double", false, {"int", "double"}, "bool"},
      {"_<=_", "less_equals_uint64_int64", false, {"uint", "int"}, "bool"},
      {"_<=_", "less_equals_uint64_double", false, {"uint", "double"}, "bool"},
      {"_<=_", "less_equals_double_int64", false, {"double", "int"}, "bool"},
      {"_<=_", "less_equals_double_uint64", false, {"double", "uint"}, "bool"},

      {"_>_", "greater_bool", false, {"bool", "bool"}, "bool"},
      {"_>_", "greater_int64", false, {"int", "int"}, "bool"},
      {"_>_", "greater_uint64", false, {"uint", "uint"}, "bool"},
      {"_>_", "greater_double", false, {"double", "double"}, "bool"},
      {"_>_", "greater_string", false, {"string", "string"}, "bool"},
      {"_>_", "greater_bytes", false, {"bytes", "bytes"}, "bool"},
      {"_>_", "greater_timestamp", false, {"timestamp", "timestamp"}, "bool"},
      {"_>_", "greater_duration", false, {"duration", "duration"}, "bool"},
      {"_>_", "greater_int64_uint64", false, {"int", "uint"}, "bool"},
      {"_>_", "greater_int64_double", false, {"int", "double"}, "bool"},
      {"_>_", "greater_uint64_int64", false, {"uint", "int"}, "bool"},
      {"_>_", "greater_uint64_double", false, {"uint", "double"}, "bool"},
      {"_>_", "greater_double_int64", false, {"double", "int"}, "bool"},
      {"_>_", "greater_double_uint64", false, {"double", "uint"}, "bool"},

      {"_>=_", "greater_equals_bool", false, {"bool", "bool"}, "bool"},
      {"_>=_", "greater_equals_int64", false, {"int", "int"}, "bool"},
      {"_>=_", "greater_equals_uint64", false, {"uint", "uint"}, "bool"},
      {"_>=_", "greater_equals_double", false, {"double", "double"}, "bool"},
      {"_>=_", "greater_equals_string", false, {"string", "string"}, "bool"},
      {"_>=_", "greater_equals_bytes", false, {"bytes", "bytes"}, "bool"},
      {"_>=_", "greater_equals_timestamp", false, {"timestamp", "timestamp"}, "bool"},
      {"_>=_", "greater_equals_duration", false, {"duration", "duration"}, "bool"},
      {"_>=_", "greater_equals_int64_uint64", false, {"int", "uint"}, "bool"},
      {"_>=_", "greater_equals_int64_double", false, {"int", "double"}, "bool"},
      {"_>=_", "greater_equals_uint64_int64", false, {"uint", "int"}, "bool"},
      {"_>=_", "greater_equals_uint64_double", false, {"uint", "double"}, "bool"},
      {"_>=_", "greater_equals_double_int64", false, {"double", "int"}, "bool"},
      {"_>=_", "greater_equals_double_uint64", false, {"double", "uint"}, "bool"},
  });
}

}  // namespace journey::stdlib
