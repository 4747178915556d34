// The math extension, math.sum and math.avg.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "tests/unit/stdlib_support.h"

using namespace journey;
using namespace journey::test::values;
using journey::test::callOverload;
using journey::test::printCall;

namespace {

Value list(std::initializer_list<Value> values) { return Value::list(std::vector<Value>(values)); }
}  // namespace

TEST_SUITE_BEGIN("stdlib");

TEST_CASE("stdlib ext math: greatest and least of one and two numbers") {
  CHECK(printCall("math_greatest_int64", {i(5)}) == "5");
  CHECK(printCall("math_greatest_uint64", {u(5)}) == "5u");
  CHECK(printCall("math_greatest_double", {d(-5.0)}) == "-5.0");
  CHECK(printCall("math_least_int64", {i(-5)}) == "-5");
  CHECK(printCall("math_least_uint64", {u(5)}) == "5u");
  CHECK(printCall("math_least_double", {d(5.5)}) == "5.5");

  CHECK(printCall("math_greatest_int64_int64", {i(3), i(-3)}) == "3");
  CHECK(printCall("math_greatest_int64_int64", {i(-7), i(5)}) == "5");
  CHECK(printCall("math_greatest_int64_int64", {i(INT64_MIN), i(1)}) == "1");
  CHECK(printCall("math_greatest_uint64_uint64", {u(1), u(UINT64_MAX)}) ==
        "18446744073709551615u");
  CHECK(printCall("math_greatest_double_double", {d(-1.797693e308), d(1.5)}) == "1.5");
  CHECK(printCall("math_least_int64_int64", {i(5), i(-7)}) == "-7");
  CHECK(printCall("math_least_uint64_uint64", {u(1), u(3)}) == "1u");
  CHECK(printCall("math_least_double_double", {d(5.5), d(-7.5)}) == "-7.5");

  // Mixed kinds compare on one number line; the winner keeps its kind, the first on a tie.
  CHECK(printCall("math_greatest_int64_double", {i(1), d(1.0)}) == "1");
  CHECK(printCall("math_greatest_double_int64", {d(1.0), i(1)}) == "1.0");
  CHECK(printCall("math_greatest_double_uint64", {d(1.0), u(1)}) == "1.0");
  CHECK(printCall("math_greatest_uint64_int64", {u(5), i(-7)}) == "5u");
  CHECK(printCall("math_greatest_int64_uint64", {i(-1), u(0)}) == "0u");
  CHECK(printCall("math_greatest_uint64_double", {u(1), d(1.5)}) == "1.5");
  CHECK(printCall("math_greatest_int64_uint64", {i(INT64_MAX), u(UINT64_MAX)}) ==
        "18446744073709551615u");
  CHECK(printCall("math_least_int64_uint64", {i(-1), u(0)}) == "-1");
  CHECK(printCall("math_least_uint64_int64", {u(3), i(2)}) == "2");
  CHECK(printCall("math_least_int64_double", {i(1), d(0.5)}) == "0.5");
  CHECK(printCall("math_least_double_int64", {d(1.0), i(1)}) == "1.0");
  CHECK(printCall("math_least_uint64_double", {u(1), d(1.0)}) == "1u");
  CHECK(printCall("math_least_double_uint64", {d(-0.5), u(0)}) == "-0.5");
  // NaN wins.
  CHECK(std::isnan(callOverload("math_greatest_double_double", {d(1), d(kNaN)}).asDouble()));
  CHECK(std::isnan(callOverload("math_least_double_int64", {d(kNaN), i(1)}).asDouble()));
}

TEST_CASE("stdlib ext math: greatest and least of a list") {
  CHECK(printCall("math_greatest_list_int64", {list({i(10), i(1), i(3)})}) == "10");
  CHECK(printCall("math_greatest_list_int64", {list({i(1), i(3), i(10)})}) == "10");
  CHECK(printCall("math_greatest_list_uint64", {list({u(1), u(1), u(1)})}) == "1u");
  CHECK(printCall("math_greatest_list_double", {list({d(-1.5), d(-2.5), d(-3.5)})}) == "-1.5");
  CHECK(printCall("math_greatest_list_double",
                  {list({d(5.4), u(10), u(3), d(-5.0), d(3.5)})}) == "10u");
  CHECK(printCall("math_greatest_list_double",
                  {list({d(5.4), i(10), u(3), d(-5.0), d(1.797693e308)})}) == "1.797693e+308");
  CHECK(printCall("math_least_list_int64", {list({d(5.4), i(10), u(3), d(-5.0), d(3.5)})}) ==
        "-5.0");
  CHECK(printCall("math_least_list_uint64", {list({d(5.4), i(10), u(3), u(1), u(UINT64_MAX)})}) ==
        "1u");
  CHECK(printCall("math_least_list_double", {list({i(1), d(1.0), d(1.0)})}) == "1");
  CHECK(printCall("math_least_list_int64", {list({i(7)})}) == "7");
  CHECK(std::isnan(
      callOverload("math_least_list_double", {list({d(1), d(kNaN), d(0)})}).asDouble()));

  CHECK(printCall("math_greatest_list_int64", {list({})}) ==
        "<error: `math.greatest` of an empty list>");
  CHECK(printCall("math_least_list_double", {list({})}) ==
        "<error: `math.least` of an empty list>");
  CHECK(printCall("math_least_list_int64", {list({i(1), Value::string("x")})}) ==
        "<error: `math.least` takes a list of numbers, found an element of type `string`>");
  CHECK(printCall("math_greatest_list_int64", {list({Value::boolean(true)})}) ==
        "<error: `math.greatest` takes a list of numbers, found an element of type `bool`>");
}

TEST_CASE("stdlib ext math: rounding") {
  CHECK(printCall("math_ceil_double", {d(1.2)}) == "2.0");
  CHECK(printCall("math_ceil_double", {d(-1.2)}) == "-1.0");
  CHECK(printCall("math_floor_double", {d(-1.2)}) == "-2.0");
  CHECK(printCall("math_floor_double", {d(1.8)}) == "1.0");
  CHECK(printCall("math_round_double", {d(-1.5)}) == "-2.0");
  CHECK(printCall("math_round_double", {d(1.5)}) == "2.0");
  CHECK(printCall("math_round_double", {d(2.5)}) == "3.0");  // half away from zero, not even
  CHECK(printCall("math_round_double", {d(1.2)}) == "1.0");
  CHECK(printCall("math_trunc_double", {d(-1.7)}) == "-1.0");
  CHECK(printCall("math_trunc_double", {d(1.7)}) == "1.0");
  for (const char* id : {"math_ceil_double", "math_floor_double", "math_round_double",
                         "math_trunc_double"}) {
    CAPTURE(id);
    CHECK(std::isnan(callOverload(id, {d(kNaN)}).asDouble()));
    CHECK(callOverload(id, {d(kInf)}).asDouble() == kInf);
  }
}

TEST_CASE("stdlib ext math: abs and sign") {
  CHECK(printCall("math_abs_int64", {i(-5)}) == "5");
  CHECK(printCall("math_abs_int64", {i(5)}) == "5");
  CHECK(printCall("math_abs_int64", {i(INT64_MAX)}) == "9223372036854775807");
  CHECK(printCall("math_abs_int64", {i(INT64_MIN)}) == "<error: integer overflow>");
  CHECK(printCall("math_abs_uint64", {u(7)}) == "7u");
  CHECK(printCall("math_abs_double", {d(-2.5)}) == "2.5");
  CHECK(printCall("math_abs_double", {d(-kInf)}) == "double(\"Infinity\")");

  CHECK(printCall("math_sign_int64", {i(-11)}) == "-1");
  CHECK(printCall("math_sign_int64", {i(0)}) == "0");
  CHECK(printCall("math_sign_int64", {i(42)}) == "1");
  CHECK(printCall("math_sign_uint64", {u(100)}) == "1u");
  CHECK(printCall("math_sign_uint64", {u(0)}) == "0u");
  CHECK(printCall("math_sign_double", {d(100.5)}) == "1.0");
  CHECK(printCall("math_sign_double", {d(-0.1)}) == "-1.0");
  CHECK(printCall("math_sign_double", {d(0.0)}) == "0.0");
  CHECK(printCall("math_sign_double", {d(-kInf)}) == "-1.0");
  CHECK(std::isnan(callOverload("math_sign_double", {d(kNaN)}).asDouble()));
}

TEST_CASE("stdlib ext math: isNaN, isInf, isFinite") {
  CHECK(printCall("math_isNaN_double", {d(kNaN)}) == "true");
  CHECK(printCall("math_isNaN_double", {d(1)}) == "false");
  CHECK(printCall("math_isInf_double", {d(kNaN)}) == "false");
  CHECK(printCall("math_isInf_double", {d(-kInf)}) == "true");
  CHECK(printCall("math_isFinite_double", {d(1e308)}) == "true");
  CHECK(printCall("math_isFinite_double", {d(kInf)}) == "false");
  CHECK(printCall("math_isFinite_double", {d(kNaN)}) == "false");
}

TEST_CASE("stdlib ext math: bit operations") {
  CHECK(printCall("math_bitAnd_int64_int64", {i(1), i(2)}) == "0");
  CHECK(printCall("math_bitAnd_int64_int64", {i(1), i(3)}) == "1");
  CHECK(printCall("math_bitAnd_uint64_uint64", {u(1), u(3)}) == "1u");
  CHECK(printCall("math_bitOr_int64_int64", {i(4), i(-2)}) == "-2");
  CHECK(printCall("math_bitOr_uint64_uint64", {u(1), u(2)}) == "3u");
  CHECK(printCall("math_bitXor_int64_int64", {i(4), i(-2)}) == "-6");
  CHECK(printCall("math_bitXor_uint64_uint64", {u(1), u(3)}) == "2u");
  CHECK(printCall("math_bitNot_int64", {i(1)}) == "-2");
  CHECK(printCall("math_bitNot_int64", {i(-1)}) == "0");
  CHECK(printCall("math_bitNot_uint64", {u(1)}) == "18446744073709551614u");
}

TEST_CASE("stdlib ext math: shifts") {
  CHECK(printCall("math_bitShiftLeft_int64", {i(1), i(3)}) == "8");
  CHECK(printCall("math_bitShiftLeft_int64", {i(1), i(63)}) == "-9223372036854775808");
  CHECK(printCall("math_bitShiftLeft_int64", {i(-1), i(200)}) == "0");
  CHECK(printCall("math_bitShiftLeft_int64", {i(1), i(64)}) == "0");
  CHECK(printCall("math_bitShiftLeft_uint64", {u(1), i(200)}) == "0u");
  CHECK(printCall("math_bitShiftLeft_uint64", {u(3), i(2)}) == "12u");
  CHECK(printCall("math_bitShiftLeft_uint64", {u(1), i(-1)}) ==
        "<error: a bit shift by a negative offset: -1>");
  CHECK(printCall("math_bitShiftLeft_int64", {i(1), i(-5)}) ==
        "<error: a bit shift by a negative offset: -5>");
  CHECK(printCall("math_bitShiftRight_int64", {i(1024), i(64)}) == "0");
  CHECK(printCall("math_bitShiftRight_int64", {i(-1024), i(3)}) == "2305843009213693824");
  CHECK(printCall("math_bitShiftRight_int64", {i(-1024), i(64)}) == "0");
  CHECK(printCall("math_bitShiftRight_int64", {i(-1), i(0)}) == "-1");
  CHECK(printCall("math_bitShiftRight_uint64", {u(1024), i(2)}) == "256u");
  CHECK(printCall("math_bitShiftRight_uint64", {u(1024), i(200)}) == "0u");
  CHECK(printCall("math_bitShiftRight_uint64", {u(1), i(INT64_MIN)}) ==
        "<error: a bit shift by a negative offset: -9223372036854775808>");
  CHECK(printCall("math_bitShiftRight_int64", {i(8), i(-1)}) ==
        "<error: a bit shift by a negative offset: -1>");
}

TEST_CASE("stdlib ext math: sum") {
  CHECK(printCall("math_sum_list_int64", {list({i(1), i(2), i(3)})}) == "6");
  CHECK(printCall("math_sum_list_uint64", {list({u(1), u(2)})}) == "3u");
  CHECK(printCall("math_sum_list_double", {list({d(0.5), d(0.25)})}) == "0.75");
  // An empty list sums to the zero of the overload's element type.
  CHECK(printCall("math_sum_list_int64", {list({})}) == "0");
  CHECK(printCall("math_sum_list_uint64", {list({})}) == "0u");
  CHECK(printCall("math_sum_list_double", {list({})}) == "0.0");
  CHECK(printCall("math_sum_list_int64", {list({i(INT64_MAX), i(1)})}) ==
        "<error: integer overflow>");
  CHECK(printCall("math_sum_list_int64", {list({i(INT64_MIN), i(-1)})}) ==
        "<error: integer overflow>");
  CHECK(printCall("math_sum_list_int64", {list({i(INT64_MAX), i(1), i(-1)})}) ==
        "<error: integer overflow>");
  CHECK(printCall("math_sum_list_uint64", {list({u(UINT64_MAX), u(1)})}) ==
        "<error: unsigned integer overflow>");
  CHECK(printCall("math_sum_list_int64", {list({i(1), d(2.0)})}) ==
        "<error: `math.sum` takes numbers of one type, found `int` and `double`>");
  CHECK(printCall("math_sum_list_double", {list({d(1), u(2)})}) ==
        "<error: `math.sum` takes numbers of one type, found `double` and `uint`>");
  CHECK(printCall("math_sum_list_int64", {list({i(1), Value::string("2")})}) ==
        "<error: `math.sum` takes a list of numbers, found an element of type `string`>");
}

TEST_CASE("stdlib ext math: avg") {
  CHECK(printCall("math_avg_list_int64", {list({i(1), i(2)})}) == "1.5");
  // Integers are summed exactly: no overflow on the way to the mean.
  CHECK(callOverload("math_avg_list_int64", {list({i(INT64_MAX), i(INT64_MAX)})}).asDouble() ==
        9223372036854775807.0);
  CHECK(callOverload("math_avg_list_uint64", {list({u(UINT64_MAX), u(UINT64_MAX)})}).asDouble() ==
        18446744073709551615.0);
  CHECK(printCall("math_avg_list_uint64", {list({u(1), u(2), u(3), u(4)})}) == "2.5");
  CHECK(printCall("math_avg_list_double", {list({d(1.0), d(2.0), d(4.5)})}) == "2.5");
  CHECK(printCall("math_avg_list_int64", {list({i(-3)})}) == "-3.0");
  CHECK(printCall("math_avg_list_int64", {list({})}) == "<error: `math.avg` of an empty list>");
  CHECK(printCall("math_avg_list_double", {list({})}) == "<error: `math.avg` of an empty list>");
  CHECK(printCall("math_avg_list_int64", {list({i(1), u(2)})}) ==
        "<error: `math.avg` takes numbers of one type, found `int` and `uint`>");
  CHECK(printCall("math_avg_list_double", {list({d(1), Value::null()})}) ==
        "<error: `math.avg` takes a list of numbers, found an element of type `null_type`>");
}

TEST_SUITE_END();
