// Equality and ordering. Equality is declared on (A, A): the checker wants both sides of one
// type (or dyn), while the engines compare numbers across types on one number line (an integer meets a double as the nearest double). Ordering
// accepts mixed numeric operands, as CEL implementations do.
#include <functional>

#include "stdlib/domains.h"
#include "vm/value/equality.h"

namespace journey::stdlib {

namespace {

// Any kinds may meet here (A is a type parameter): values of unrelated types are unequal, not
// an error (CEL's heterogeneous equality).
Value equalsImpl(const Value* a, CallContext&) { return Value::boolean(equals(a[0], a[1])); }
Value notEqualsImpl(const Value* a, CallContext&) { return Value::boolean(!equals(a[0], a[1])); }

using Lt = std::less<>;
using Le = std::less_equal<>;
using Gt = std::greater<>;
using Ge = std::greater_equal<>;

// Both operands of one kind, read with `Get`. The built-in operators already give CEL's
// answers: false < true, NaN unordered (every comparison false), strings bytewise on UTF-8
// (which is code point order; char_traits<char> compares as unsigned char), timestamps and
// durations by their (seconds, nanos) pairs.
template <auto Get, class Op>
Value ordered(const Value* a, CallContext&) {
  return Value::boolean(Op{}((a[0].*Get)(), (a[1].*Get)()));
}

// int, uint and double across kinds, on one number line (an integer meets a double as the nearest double).
template <class Op>
Value orderedNumbers(const Value* a, CallContext&) {
  Ordering o = compareNumbers(a[0], a[1]);
  if (o == Ordering::Unordered) return Value::boolean(false);
  return Value::boolean(Op{}(static_cast<int>(o), 0));
}

template <class Op> constexpr Impl bools = &ordered<&Value::asBool, Op>;
template <class Op> constexpr Impl ints = &ordered<&Value::asInt, Op>;
template <class Op> constexpr Impl uints = &ordered<&Value::asUint, Op>;
template <class Op> constexpr Impl doubles = &ordered<&Value::asDouble, Op>;
template <class Op> constexpr Impl strings = &ordered<&Value::asString, Op>;
template <class Op> constexpr Impl bytes = &ordered<&Value::asBytes, Op>;
template <class Op> constexpr Impl timestamps = &ordered<&Value::asTimestamp, Op>;
template <class Op> constexpr Impl durations = &ordered<&Value::asDuration, Op>;
template <class Op> constexpr Impl numbers = &orderedNumbers<Op>;

}  // namespace

void declareCompare(std::vector<Overload>& out) {
  out.insert(out.end(), {
      {"_==_", "equals", false, {"A", "A"}, "bool", &equalsImpl},
      {"_!=_", "not_equals", false, {"A", "A"}, "bool", &notEqualsImpl},

      {"_<_", "less_bool", false, {"bool", "bool"}, "bool", bools<Lt>},
      {"_<_", "less_int64", false, {"int", "int"}, "bool", ints<Lt>},
      {"_<_", "less_uint64", false, {"uint", "uint"}, "bool", uints<Lt>},
      {"_<_", "less_double", false, {"double", "double"}, "bool", doubles<Lt>},
      {"_<_", "less_string", false, {"string", "string"}, "bool", strings<Lt>},
      {"_<_", "less_bytes", false, {"bytes", "bytes"}, "bool", bytes<Lt>},
      {"_<_", "less_timestamp", false, {"timestamp", "timestamp"}, "bool", timestamps<Lt>},
      {"_<_", "less_duration", false, {"duration", "duration"}, "bool", durations<Lt>},
      {"_<_", "less_int64_uint64", false, {"int", "uint"}, "bool", numbers<Lt>},
      {"_<_", "less_int64_double", false, {"int", "double"}, "bool", numbers<Lt>},
      {"_<_", "less_uint64_int64", false, {"uint", "int"}, "bool", numbers<Lt>},
      {"_<_", "less_uint64_double", false, {"uint", "double"}, "bool", numbers<Lt>},
      {"_<_", "less_double_int64", false, {"double", "int"}, "bool", numbers<Lt>},
      {"_<_", "less_double_uint64", false, {"double", "uint"}, "bool", numbers<Lt>},

      {"_<=_", "less_equals_bool", false, {"bool", "bool"}, "bool", bools<Le>},
      {"_<=_", "less_equals_int64", false, {"int", "int"}, "bool", ints<Le>},
      {"_<=_", "less_equals_uint64", false, {"uint", "uint"}, "bool", uints<Le>},
      {"_<=_", "less_equals_double", false, {"double", "double"}, "bool", doubles<Le>},
      {"_<=_", "less_equals_string", false, {"string", "string"}, "bool", strings<Le>},
      {"_<=_", "less_equals_bytes", false, {"bytes", "bytes"}, "bool", bytes<Le>},
      {"_<=_", "less_equals_timestamp", false, {"timestamp", "timestamp"}, "bool", timestamps<Le>},
      {"_<=_", "less_equals_duration", false, {"duration", "duration"}, "bool", durations<Le>},
      {"_<=_", "less_equals_int64_uint64", false, {"int", "uint"}, "bool", numbers<Le>},
      {"_<=_", "less_equals_int64_double", false, {"int", "double"}, "bool", numbers<Le>},
      {"_<=_", "less_equals_uint64_int64", false, {"uint", "int"}, "bool", numbers<Le>},
      {"_<=_", "less_equals_uint64_double", false, {"uint", "double"}, "bool", numbers<Le>},
      {"_<=_", "less_equals_double_int64", false, {"double", "int"}, "bool", numbers<Le>},
      {"_<=_", "less_equals_double_uint64", false, {"double", "uint"}, "bool", numbers<Le>},

      {"_>_", "greater_bool", false, {"bool", "bool"}, "bool", bools<Gt>},
      {"_>_", "greater_int64", false, {"int", "int"}, "bool", ints<Gt>},
      {"_>_", "greater_uint64", false, {"uint", "uint"}, "bool", uints<Gt>},
      {"_>_", "greater_double", false, {"double", "double"}, "bool", doubles<Gt>},
      {"_>_", "greater_string", false, {"string", "string"}, "bool", strings<Gt>},
      {"_>_", "greater_bytes", false, {"bytes", "bytes"}, "bool", bytes<Gt>},
      {"_>_", "greater_timestamp", false, {"timestamp", "timestamp"}, "bool", timestamps<Gt>},
      {"_>_", "greater_duration", false, {"duration", "duration"}, "bool", durations<Gt>},
      {"_>_", "greater_int64_uint64", false, {"int", "uint"}, "bool", numbers<Gt>},
      {"_>_", "greater_int64_double", false, {"int", "double"}, "bool", numbers<Gt>},
      {"_>_", "greater_uint64_int64", false, {"uint", "int"}, "bool", numbers<Gt>},
      {"_>_", "greater_uint64_double", false, {"uint", "double"}, "bool", numbers<Gt>},
      {"_>_", "greater_double_int64", false, {"double", "int"}, "bool", numbers<Gt>},
      {"_>_", "greater_double_uint64", false, {"double", "uint"}, "bool", numbers<Gt>},

      {"_>=_", "greater_equals_bool", false, {"bool", "bool"}, "bool", bools<Ge>},
      {"_>=_", "greater_equals_int64", false, {"int", "int"}, "bool", ints<Ge>},
      {"_>=_", "greater_equals_uint64", false, {"uint", "uint"}, "bool", uints<Ge>},
      {"_>=_", "greater_equals_double", false, {"double", "double"}, "bool", doubles<Ge>},
      {"_>=_", "greater_equals_string", false, {"string", "string"}, "bool", strings<Ge>},
      {"_>=_", "greater_equals_bytes", false, {"bytes", "bytes"}, "bool", bytes<Ge>},
      {"_>=_", "greater_equals_timestamp", false, {"timestamp", "timestamp"}, "bool",
       timestamps<Ge>},
      {"_>=_", "greater_equals_duration", false, {"duration", "duration"}, "bool", durations<Ge>},
      {"_>=_", "greater_equals_int64_uint64", false, {"int", "uint"}, "bool", numbers<Ge>},
      {"_>=_", "greater_equals_int64_double", false, {"int", "double"}, "bool", numbers<Ge>},
      {"_>=_", "greater_equals_uint64_int64", false, {"uint", "int"}, "bool", numbers<Ge>},
      {"_>=_", "greater_equals_uint64_double", false, {"uint", "double"}, "bool", numbers<Ge>},
      {"_>=_", "greater_equals_double_int64", false, {"double", "int"}, "bool", numbers<Ge>},
      {"_>=_", "greater_equals_double_uint64", false, {"double", "uint"}, "bool", numbers<Ge>},
  });
}

}  // namespace journey::stdlib
