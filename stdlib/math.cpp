// The math extension, plus our aggregations math.sum and math.avg.
//
// math.greatest and math.least take one or two numbers, or a list. A call with three or more
// arguments is checked as a call with one list argument holding them (the checker records the
// list overload for it), so the engines gather the arguments into a list first. Mixed numeric
// types compare on one number line and give `dyn` (the winner keeps its own type).
#include "stdlib/domains.h"

namespace journey::stdlib {

namespace {

void declareExtremum(std::vector<Overload>& out, bool greatest) {
  std::string_view f = greatest ? "math.greatest" : "math.least";
  if (greatest) {
    out.insert(out.end(), {
        {f, "math_greatest_int64", false, {"int"}, "int"},
        {f, "math_greatest_uint64", false, {"uint"}, "uint"},
        {f, "math_greatest_double", false, {"double"}, "double"},
        {f, "math_greatest_int64_int64", false, {"int", "int"}, "int"},
        {f, "math_greatest_uint64_uint64", false, {"uint", "uint"}, "uint"},
        {f, "math_greatest_double_double", false, {"double", "double"}, "double"},
        {f, "math_greatest_int64_uint64", false, {"int", "uint"}, "dyn"},
        {f, "math_greatest_int64_double", false, {"int", "double"}, "dyn"},
        {f, "math_greatest_uint64_int64", false, {"uint", "int"}, "dyn"},
        {f, "math_greatest_uint64_double", false, {"uint", "double"}, "dyn"},
        {f, "math_greatest_double_int64", false, {"double", "int"}, "dyn"},
        {f, "math_greatest_double_uint64", false, {"double", "uint"}, "dyn"},
        {f, "math_greatest_list_int64", false, {"list<int>"}, "int"},
        {f, "math_greatest_list_uint64", false, {"list<uint>"}, "uint"},
        {f, "math_greatest_list_double", false, {"list<double>"}, "double"},
    });
  } else {
    out.insert(out.end(), {
        {f, "math_least_int64", false, {"int"}, "int"},
        {f, "math_least_uint64", false, {"uint"}, "uint"},
        {f, "math_least_double", false, {"double"}, "double"},
        {f, "math_least_int64_int64", false, {"int", "int"}, "int"},
        {f, "math_least_uint64_uint64", false, {"uint", "uint"}, "uint"},
        {f, "math_least_double_double", false, {"double", "double"}, "double"},
        {f, "math_least_int64_uint64", false, {"int", "uint"}, "dyn"},
        {f, "math_least_int64_double", false, {"int", "double"}, "dyn"},
        {f, "math_least_uint64_int64", false, {"uint", "int"}, "dyn"},
        {f, "math_least_uint64_double", false, {"uint", "double"}, "dyn"},
        {f, "math_least_double_int64", false, {"double", "int"}, "dyn"},
        {f, "math_least_double_uint64", false, {"double", "uint"}, "dyn"},
        {f, "math_least_list_int64", false, {"list<int>"}, "int"},
        {f, "math_least_list_uint64", false, {"list<uint>"}, "uint"},
        {f, "math_least_list_double", false, {"list<double>"}, "double"},
    });
  }
}

}  // namespace

void declareMath(std::vector<Overload>& out) {
  declareExtremum(out, true);
  declareExtremum(out, false);
  out.insert(out.end(), {
      {"math.ceil", "math_ceil_double", false, {"double"}, "double"},
      {"math.floor", "math_floor_double", false, {"double"}, "double"},
      {"math.round", "math_round_double", false, {"double"}, "double"},  // half away from zero
      {"math.trunc", "math_trunc_double", false, {"double"}, "double"},

      {"math.abs", "math_abs_int64", false, {"int"}, "int"},
      {"math.abs", "math_abs_uint64", false, {"uint"}, "uint"},
      {"math.abs", "math_abs_double", false, {"double"}, "double"},
      {"math.sign", "math_sign_int64", false, {"int"}, "int"},
      {"math.sign", "math_sign_uint64", false, {"uint"}, "uint"},
      {"math.sign", "math_sign_double", false, {"double"}, "double"},

      {"math.isNaN", "math_isNaN_double", false, {"double"}, "bool"},
      {"math.isInf", "math_isInf_double", false, {"double"}, "bool"},
      {"math.isFinite", "math_isFinite_double", false, {"double"}, "bool"},

      {"math.bitAnd", "math_bitAnd_int64_int64", false, {"int", "int"}, "int"},
      {"math.bitAnd", "math_bitAnd_uint64_uint64", false, {"uint", "uint"}, "uint"},
      {"math.bitOr", "math_bitOr_int64_int64", false, {"int", "int"}, "int"},
      {"math.bitOr", "math_bitOr_uint64_uint64", false, {"uint", "uint"}, "uint"},
      {"math.bitXor", "math_bitXor_int64_int64", false, {"int", "int"}, "int"},
      {"math.bitXor", "math_bitXor_uint64_uint64", false, {"uint", "uint"}, "uint"},
      {"math.bitNot", "math_bitNot_int64", false, {"int"}, "int"},
      {"math.bitNot", "math_bitNot_uint64", false, {"uint"}, "uint"},
      // The shift count is an int; shifting by 64 or more gives 0 (or -1 for a negative int
      // shifted right).
      {"math.bitShiftLeft", "math_bitShiftLeft_int64", false, {"int", "int"}, "int"},
      {"math.bitShiftLeft", "math_bitShiftLeft_uint64", false, {"uint", "int"}, "uint"},
      {"math.bitShiftRight", "math_bitShiftRight_int64", false, {"int", "int"}, "int"},
      {"math.bitShiftRight", "math_bitShiftRight_uint64", false, {"uint", "int"}, "uint"},

      // Ours: aggregation over a homogeneous numeric list (mixed types are a run-time error).
      {"math.sum", "math_sum_list_int64", false, {"list<int>"}, "int"},
      {"math.sum", "math_sum_list_uint64", false, {"list<uint>"}, "uint"},
      {"math.sum", "math_sum_list_double", false, {"list<double>"}, "double"},
      {"math.avg", "math_avg_list_int64", false, {"list<int>"}, "double"},
      {"math.avg", "math_avg_list_uint64", false, {"list<uint>"}, "double"},
      {"math.avg", "math_avg_list_double", false, {"list<double>"}, "double"},
  });
}

}  // namespace journey::stdlib
