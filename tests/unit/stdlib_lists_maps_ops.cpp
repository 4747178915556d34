// size() and `in` over lists and maps.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>

#include "tests/unit/stdlib_support.h"

using namespace journey;
using namespace journey::test::values;
using journey::test::printCall;

namespace {


}  // namespace

TEST_SUITE_BEGIN("stdlib");

TEST_CASE("stdlib core lists_maps: size") {
  Value list = Value::list({i(1), s("two"), Value::null()});
  Value map = Value::map({{s("a"), i(1)}, {i(2), s("b")}});
  for (const char* id : {"size_list", "list_size"}) {
    CAPTURE(id);
    CHECK(printCall(id, {list}) == "3");
    CHECK(printCall(id, {Value::list({})}) == "0");
  }
  for (const char* id : {"size_map", "map_size"}) {
    CAPTURE(id);
    CHECK(printCall(id, {map}) == "2");
    CHECK(printCall(id, {Value::map({})}) == "0");
  }
  // Above the linear-search limit the map has an index; size still counts entries.
  std::vector<MapEntry> entries;
  for (int64_t k = 0; k < 20; ++k) entries.push_back({i(k), i(k * k)});
  CHECK(printCall("size_map", {Value::map(std::move(entries))}) == "20");
}

TEST_CASE("stdlib core lists_maps: in a list uses equality") {
  Value strings = Value::list({s("elem"), s("elemA"), s("elemB")});
  CHECK(printCall("in_list", {s("elem"), strings}) == "true");
  CHECK(printCall("in_list", {s("not"), strings}) == "false");
  CHECK(printCall("in_list", {s("elem"), Value::list({i(1), s("elem"), i(2)})}) == "true");
  CHECK(printCall("in_list", {s("elem"), Value::list({u(1), s("str"), Value::bytes("elem")})}) ==
        "false");
  CHECK(printCall("in_list", {u(3), Value::list({i(5), i(4), i(3)})}) == "true");
  CHECK(printCall("in_list", {d(3.0), Value::list({u(5), u(3)})}) == "true");
  CHECK(printCall("in_list", {d(std::nan("")), Value::list({d(std::nan(""))})}) == "false");
  CHECK(printCall("in_list", {Value::list({i(1)}), Value::list({Value::list({d(1.0)})})}) ==
        "true");
  CHECK(printCall("in_list", {Value::null(), Value::list({})}) == "false");
}

TEST_CASE("stdlib core lists_maps: in a map looks keys up") {
  Value map = Value::map({{i(1), i(1)}, {i(2), i(2)}, {u(3), i(3)}});
  CHECK(printCall("in_map", {d(3.0), map}) == "true");
  CHECK(printCall("in_map", {i(3), map}) == "true");
  CHECK(printCall("in_map", {u(1), map}) == "true");
  CHECK(printCall("in_map", {d(1.5), map}) == "false");
  CHECK(printCall("in_map", {i(7), Value::map({})}) == "false");
  CHECK(printCall("in_map", {s("key"), Value::map({{u(1), s("str")}, {i(2), s("b")}})}) ==
        "false");
  Value names = Value::map({{s("John"), s("smart")}, {s("George"), s("quiet")}});
  CHECK(printCall("in_map", {s("George"), names}) == "true");
  CHECK(printCall("in_map", {s("george"), names}) == "false");
  // Keys of kinds no map holds are simply absent.
  CHECK(printCall("in_map", {Value::list({}), names}) == "false");
  CHECK(printCall("in_map", {Value::null(), names}) == "false");
  // An indexed (large) map.
  std::vector<MapEntry> entries;
  for (int64_t k = 0; k < 20; ++k) entries.push_back({i(k), i(k)});
  Value big = Value::map(std::move(entries));
  CHECK(printCall("in_map", {u(19), big}) == "true");
  CHECK(printCall("in_map", {d(12.0), big}) == "true");
  CHECK(printCall("in_map", {i(20), big}) == "false");
}

TEST_SUITE_END();
