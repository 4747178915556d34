// The math extension, plus our aggregations math.sum and math.avg.
//
// math.greatest and math.least take one or two numbers, or a list. A call with three or more
// arguments is checked as a call with one list argument holding them (the checker records the
// list overload for it), so the engines gather the arguments into a list first. Mixed numeric
// types compare on one number line and give `dyn` (the winner keeps its own type).
#include <cmath>
#include <cstdint>
#include <functional>
#include <string>

#include "stdlib/domains.h"
#include "vm/value/checked_arith.h"
#include "vm/value/equality.h"

namespace journey::stdlib {

namespace {

bool isNaN(const Value& v) { return v.kind() == ValueKind::Double && std::isnan(v.asDouble()); }

// The error of an aggregation over numbers of more than one kind (`[1, 2.0]`).
Value mixedNumbers(std::string_view function, const Value& first, const Value& other) {
  return Value::error("`" + std::string(function) + "` takes numbers of one type, found `" +
                      std::string(shownTypeName(first)) + "` and `" +
                      std::string(shownTypeName(other)) + "`");
}

// ---- greatest and least -------------------------------------------------------------------

// The winner of `best` and `candidate` (numbers of any kinds), keeping its own kind; the first
// on a tie. A NaN wins: an extremum involving NaN is NaN.
template <bool Greatest>
const Value& better(const Value& best, const Value& candidate) {
  Ordering order = compareNumbers(best, candidate);
  if (order == Ordering::Unordered) return isNaN(best) ? best : candidate;
  if (Greatest ? order == Ordering::Less : order == Ordering::Greater) return candidate;
  return best;
}

Value extremumOfOne(const Value* a, CallContext&) { return a[0]; }

template <bool Greatest>
Value extremumOfTwo(const Value* a, CallContext&) {
  return better<Greatest>(a[0], a[1]);
}

template <bool Greatest>
Value extremumOfList(const Value* a, CallContext&) {
  std::string_view function = Greatest ? "math.greatest" : "math.least";
  std::span<const Value> values = a[0].asList();
  if (values.empty()) return Value::error("`" + std::string(function) + "` of an empty list");
  const Value* best = &values[0];
  for (const Value& v : values) {
    if (!v.isNumber()) return wrongElement(function, "numbers", v);
    best = &better<Greatest>(*best, v);
  }
  return *best;
}

// ---- rounding, sign, classification -------------------------------------------------------

template <double (*F)(double)>
Value onDouble(const Value* a, CallContext&) {
  return Value::dbl(F(a[0].asDouble()));
}

double ceilOf(double d) { return std::ceil(d); }
double floorOf(double d) { return std::floor(d); }
double roundOf(double d) { return std::round(d); }  // half away from zero
double truncOf(double d) { return std::trunc(d); }
double absOf(double d) { return std::fabs(d); }
double signOf(double d) { return d > 0 ? 1.0 : d < 0 ? -1.0 : d; }  // 0, -0 and NaN stay

Value absInt(const Value* a, CallContext&) {
  int64_t v = a[0].asInt();
  if (v == INT64_MIN) return Value::error("integer overflow");
  return Value::integer(v < 0 ? -v : v);
}
Value signInt(const Value* a, CallContext&) {
  int64_t v = a[0].asInt();
  return Value::integer((v > 0) - (v < 0));
}
Value signUint(const Value* a, CallContext&) { return Value::uinteger(a[0].asUint() > 0); }

Value isNaNOf(const Value* a, CallContext&) { return Value::boolean(std::isnan(a[0].asDouble())); }
Value isInfOf(const Value* a, CallContext&) { return Value::boolean(std::isinf(a[0].asDouble())); }
Value isFiniteOf(const Value* a, CallContext&) {
  return Value::boolean(std::isfinite(a[0].asDouble()));
}

// ---- bits ---------------------------------------------------------------------------------

template <template <typename> class Op>
Value bitsInt(const Value* a, CallContext&) {
  return Value::integer(Op<int64_t>{}(a[0].asInt(), a[1].asInt()));
}
template <template <typename> class Op>
Value bitsUint(const Value* a, CallContext&) {
  return Value::uinteger(Op<uint64_t>{}(a[0].asUint(), a[1].asUint()));
}
Value bitNotInt(const Value* a, CallContext&) { return Value::integer(~a[0].asInt()); }
Value bitNotUint(const Value* a, CallContext&) { return Value::uinteger(~a[0].asUint()); }

// Shifts work on the 64 bits as unsigned (a right shift of a negative int brings in zeros);
// shifting by 64 or more clears every bit.
template <bool Left>
uint64_t shifted(uint64_t bits, int64_t offset) {
  return offset >= 64 ? 0 : Left ? bits << offset : bits >> offset;
}

Value negativeOffset(int64_t offset) {
  return Value::error("a bit shift by a negative offset: " + std::to_string(offset));
}

template <bool Left>
Value shiftInt(const Value* a, CallContext&) {
  if (a[1].asInt() < 0) return negativeOffset(a[1].asInt());
  return Value::integer(
      static_cast<int64_t>(shifted<Left>(static_cast<uint64_t>(a[0].asInt()), a[1].asInt())));
}

template <bool Left>
Value shiftUint(const Value* a, CallContext&) {
  if (a[1].asInt() < 0) return negativeOffset(a[1].asInt());
  return Value::uinteger(shifted<Left>(a[0].asUint(), a[1].asInt()));
}

// ---- aggregation --------------------------------------------------------------------------

// The sum of a list of numbers of one kind; an empty list sums to the zero of `EmptyKind` (the
// overload's element type).
template <ValueKind EmptyKind>
Value sumOf(const Value* a, CallContext&) {
  std::span<const Value> values = a[0].asList();
  if (values.empty()) {
    if constexpr (EmptyKind == ValueKind::Uint) return Value::uinteger(0);
    if constexpr (EmptyKind == ValueKind::Double) return Value::dbl(0.0);
    return Value::integer(0);
  }
  ValueKind kind = values[0].kind();
  for (const Value& v : values) {
    if (!v.isNumber()) return wrongElement("math.sum", "numbers", v);
    if (v.kind() != kind) return mixedNumbers("math.sum", values[0], v);
  }
  switch (kind) {
    case ValueKind::Int: {
      int64_t sum = 0;
      for (const Value& v : values) {
        if (!checkedAdd(sum, v.asInt(), sum)) return Value::error("integer overflow");
      }
      return Value::integer(sum);
    }
    case ValueKind::Uint: {
      uint64_t sum = 0;
      for (const Value& v : values) {
        if (!checkedAdd(sum, v.asUint(), sum)) return Value::error("unsigned integer overflow");
      }
      return Value::uinteger(sum);
    }
    default: {
      double sum = 0;
      for (const Value& v : values) sum += v.asDouble();
      return Value::dbl(sum);
    }
  }
}

// The mean as a double; integers are summed exactly first.
Value averageOf(const Value* a, CallContext&) {
  std::span<const Value> values = a[0].asList();
  if (values.empty()) return Value::error("`math.avg` of an empty list");
  ValueKind kind = values[0].kind();
  for (const Value& v : values) {
    if (!v.isNumber()) return wrongElement("math.avg", "numbers", v);
    if (v.kind() != kind) return mixedNumbers("math.avg", values[0], v);
  }
  double n = static_cast<double>(values.size());
  switch (kind) {
    case ValueKind::Int: {
      __int128 sum = 0;
      for (const Value& v : values) sum += v.asInt();
      return Value::dbl(static_cast<double>(sum) / n);
    }
    case ValueKind::Uint: {
      unsigned __int128 sum = 0;
      for (const Value& v : values) sum += v.asUint();
      return Value::dbl(static_cast<double>(sum) / n);
    }
    default: {
      double sum = 0;
      for (const Value& v : values) sum += v.asDouble();
      return Value::dbl(sum / n);
    }
  }
}

void declareExtremum(std::vector<Overload>& out, bool greatest) {
  std::string_view f = greatest ? "math.greatest" : "math.least";
  Impl two = greatest ? &extremumOfTwo<true> : &extremumOfTwo<false>;
  Impl list = greatest ? &extremumOfList<true> : &extremumOfList<false>;
  if (greatest) {
    out.insert(out.end(), {
        {f, "math_greatest_int64", false, {"int"}, "int", &extremumOfOne},
        {f, "math_greatest_uint64", false, {"uint"}, "uint", &extremumOfOne},
        {f, "math_greatest_double", false, {"double"}, "double", &extremumOfOne},
        {f, "math_greatest_int64_int64", false, {"int", "int"}, "int", two},
        {f, "math_greatest_uint64_uint64", false, {"uint", "uint"}, "uint", two},
        {f, "math_greatest_double_double", false, {"double", "double"}, "double", two},
        {f, "math_greatest_int64_uint64", false, {"int", "uint"}, "dyn", two},
        {f, "math_greatest_int64_double", false, {"int", "double"}, "dyn", two},
        {f, "math_greatest_uint64_int64", false, {"uint", "int"}, "dyn", two},
        {f, "math_greatest_uint64_double", false, {"uint", "double"}, "dyn", two},
        {f, "math_greatest_double_int64", false, {"double", "int"}, "dyn", two},
        {f, "math_greatest_double_uint64", false, {"double", "uint"}, "dyn", two},
        {f, "math_greatest_list_int64", false, {"list<int>"}, "int", list},
        {f, "math_greatest_list_uint64", false, {"list<uint>"}, "uint", list},
        {f, "math_greatest_list_double", false, {"list<double>"}, "double", list},
    });
  } else {
    out.insert(out.end(), {
        {f, "math_least_int64", false, {"int"}, "int", &extremumOfOne},
        {f, "math_least_uint64", false, {"uint"}, "uint", &extremumOfOne},
        {f, "math_least_double", false, {"double"}, "double", &extremumOfOne},
        {f, "math_least_int64_int64", false, {"int", "int"}, "int", two},
        {f, "math_least_uint64_uint64", false, {"uint", "uint"}, "uint", two},
        {f, "math_least_double_double", false, {"double", "double"}, "double", two},
        {f, "math_least_int64_uint64", false, {"int", "uint"}, "dyn", two},
        {f, "math_least_int64_double", false, {"int", "double"}, "dyn", two},
        {f, "math_least_uint64_int64", false, {"uint", "int"}, "dyn", two},
        {f, "math_least_uint64_double", false, {"uint", "double"}, "dyn", two},
        {f, "math_least_double_int64", false, {"double", "int"}, "dyn", two},
        {f, "math_least_double_uint64", false, {"double", "uint"}, "dyn", two},
        {f, "math_least_list_int64", false, {"list<int>"}, "int", list},
        {f, "math_least_list_uint64", false, {"list<uint>"}, "uint", list},
        {f, "math_least_list_double", false, {"list<double>"}, "double", list},
    });
  }
}

}  // namespace

void declareMath(std::vector<Overload>& out) {
  declareExtremum(out, true);
  declareExtremum(out, false);
  out.insert(out.end(), {
      {"math.ceil", "math_ceil_double", false, {"double"}, "double", &onDouble<ceilOf>},
      {"math.floor", "math_floor_double", false, {"double"}, "double", &onDouble<floorOf>},
      // Half away from zero: math.round(-1.5) is -2.0.
      {"math.round", "math_round_double", false, {"double"}, "double", &onDouble<roundOf>},
      {"math.trunc", "math_trunc_double", false, {"double"}, "double", &onDouble<truncOf>},

      {"math.abs", "math_abs_int64", false, {"int"}, "int", &absInt},
      {"math.abs", "math_abs_uint64", false, {"uint"}, "uint", &identity},
      {"math.abs", "math_abs_double", false, {"double"}, "double", &onDouble<absOf>},
      {"math.sign", "math_sign_int64", false, {"int"}, "int", &signInt},
      {"math.sign", "math_sign_uint64", false, {"uint"}, "uint", &signUint},
      {"math.sign", "math_sign_double", false, {"double"}, "double", &onDouble<signOf>},

      {"math.isNaN", "math_isNaN_double", false, {"double"}, "bool", &isNaNOf},
      {"math.isInf", "math_isInf_double", false, {"double"}, "bool", &isInfOf},
      {"math.isFinite", "math_isFinite_double", false, {"double"}, "bool",
       &isFiniteOf},

      {"math.bitAnd", "math_bitAnd_int64_int64", false, {"int", "int"}, "int",
       &bitsInt<std::bit_and>},
      {"math.bitAnd", "math_bitAnd_uint64_uint64", false, {"uint", "uint"}, "uint",
       &bitsUint<std::bit_and>},
      {"math.bitOr", "math_bitOr_int64_int64", false, {"int", "int"}, "int", &bitsInt<std::bit_or>},
      {"math.bitOr", "math_bitOr_uint64_uint64", false, {"uint", "uint"}, "uint",
       &bitsUint<std::bit_or>},
      {"math.bitXor", "math_bitXor_int64_int64", false, {"int", "int"}, "int",
       &bitsInt<std::bit_xor>},
      {"math.bitXor", "math_bitXor_uint64_uint64", false, {"uint", "uint"}, "uint",
       &bitsUint<std::bit_xor>},
      {"math.bitNot", "math_bitNot_int64", false, {"int"}, "int", &bitNotInt},
      {"math.bitNot", "math_bitNot_uint64", false, {"uint"}, "uint", &bitNotUint},
      // The shift count is an int (negative: an error); shifting by 64 or more gives 0. A right
      // shift is logical: math.bitShiftRight(-1024, 3) is 2305843009213693824.
      {"math.bitShiftLeft", "math_bitShiftLeft_int64", false, {"int", "int"}, "int",
       &shiftInt<true>},
      {"math.bitShiftLeft", "math_bitShiftLeft_uint64", false, {"uint", "int"}, "uint",
       &shiftUint<true>},
      {"math.bitShiftRight", "math_bitShiftRight_int64", false, {"int", "int"}, "int",
       &shiftInt<false>},
      {"math.bitShiftRight", "math_bitShiftRight_uint64", false, {"uint", "int"}, "uint",
       &shiftUint<false>},

      // Ours: aggregation over a homogeneous numeric list (mixed types are a run-time error).
      // An empty list sums to 0 of its element type; its average is an error.
      {"math.sum", "math_sum_list_int64", false, {"list<int>"}, "int",
       &sumOf<ValueKind::Int>},
      {"math.sum", "math_sum_list_uint64", false, {"list<uint>"}, "uint",
       &sumOf<ValueKind::Uint>},
      {"math.sum", "math_sum_list_double", false, {"list<double>"}, "double",
       &sumOf<ValueKind::Double>},
      {"math.avg", "math_avg_list_int64", false, {"list<int>"}, "double", &averageOf},
      {"math.avg", "math_avg_list_uint64", false, {"list<uint>"}, "double", &averageOf},
      {"math.avg", "math_avg_list_double", false, {"list<double>"}, "double", &averageOf},
  });
}

}  // namespace journey::stdlib
