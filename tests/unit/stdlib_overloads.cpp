// The stdlib registry: complete, well-formed, and with stable unique ids.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "compiler/sema/types.h"
#include "stdlib/overloads.h"

using namespace journey;

namespace {

size_t countOverloads(std::string_view function, bool receiver, size_t arity) {
  size_t n = 0;
  for (const stdlib::Overload& o : stdlib::standardOverloads()) {
    if (o.function == function && o.receiver == receiver && o.params.size() == arity) ++n;
  }
  return n;
}

}  // namespace

TEST_SUITE_BEGIN("stdlib");

TEST_CASE("every overload has a unique id and well-formed patterns") {
  sema::TypeTable types;
  std::set<std::string_view> ids;
  for (const stdlib::Overload& o : stdlib::standardOverloads()) {
    CAPTURE(o.id);
    CHECK(!o.function.empty());
    CHECK(ids.insert(o.id).second);
    if (o.receiver) CHECK(!o.params.empty());
    for (std::string_view p : o.params) CHECK(types.parsePattern(p) != types.error());
    CHECK(types.parsePattern(o.result) != types.error());
  }
  MESSAGE(stdlib::standardOverloads().size() << " standard overloads");
  CHECK(stdlib::standardOverloads().size() >= 240);
}

TEST_CASE("the registry is built once, in a stable order") {
  const auto& a = stdlib::standardOverloads();
  const auto& b = stdlib::standardOverloads();
  CHECK(&a == &b);
  CHECK(a.front().function == "_+_");
}

TEST_CASE("the index finds each overload by its id and among its function's, in order") {
  const auto& all = stdlib::standardOverloads();
  size_t listed = 0;
  for (uint32_t i = 0; i < all.size(); ++i) {
    CAPTURE(all[i].id);
    CHECK(stdlib::overloadWithId(all[i].id) == i);
    std::span<const uint32_t> named = stdlib::overloadsNamed(all[i].function);
    CHECK(std::is_sorted(named.begin(), named.end()));
    CHECK(std::count(named.begin(), named.end(), i) == 1);
    for (uint32_t j : named) CHECK(all[j].function == all[i].function);
    if (!named.empty() && named.front() == i) listed += named.size();
  }
  CHECK(listed == all.size());  // every overload is under exactly one name
  CHECK(stdlib::overloadsNamed("noSuchFunction").empty());
  CHECK(stdlib::overloadsNamed("").empty());
  CHECK(!stdlib::overloadWithId("no_such_overload").has_value());
  CHECK(stdlib::overloadsNamed("math.abs").size() >= 1);
}

TEST_CASE("CEL's standard functions are all declared") {
  for (const char* op : {"_+_", "_-_", "_*_", "_/_"}) {
    CAPTURE(op);
    CHECK(countOverloads(op, false, 2) >= 3);
  }
  CHECK(countOverloads("_%_", false, 2) == 2);
  CHECK(countOverloads("-_", false, 1) == 3);  // int, double, and our duration
  CHECK(countOverloads("!_", false, 1) == 1);
  CHECK(countOverloads("_&&_", false, 2) == 1);
  CHECK(countOverloads("_||_", false, 2) == 1);
  CHECK(countOverloads("_?_:_", false, 3) == 1);
  CHECK(countOverloads("_==_", false, 2) == 1);
  CHECK(countOverloads("_!=_", false, 2) == 1);
  for (const char* op : {"_<_", "_<=_", "_>_", "_>=_"}) {
    CAPTURE(op);
    CHECK(countOverloads(op, false, 2) == 14);  // 8 same-type + 6 cross-numeric
  }
  CHECK(countOverloads("@in", false, 2) == 2);
  CHECK(countOverloads("size", false, 1) == 4);
  CHECK(countOverloads("size", true, 1) == 4);
  for (const char* f : {"contains", "startsWith", "endsWith", "matches"}) {
    CAPTURE(f);
    CHECK(countOverloads(f, true, 2) == 1);
  }
  CHECK(countOverloads("matches", false, 2) == 1);
  CHECK(countOverloads("int", false, 1) == 5);
  CHECK(countOverloads("uint", false, 1) == 4);
  CHECK(countOverloads("double", false, 1) == 4);
  CHECK(countOverloads("string", false, 1) == 8);
  CHECK(countOverloads("bytes", false, 1) == 2);
  CHECK(countOverloads("bool", false, 1) == 2);
  CHECK(countOverloads("timestamp", false, 1) == 3);
  CHECK(countOverloads("duration", false, 1) == 2);
  CHECK(countOverloads("dyn", false, 1) == 1);
  CHECK(countOverloads("type", false, 1) == 1);
  for (const char* f :
       {"getFullYear", "getMonth", "getDayOfYear", "getDayOfMonth", "getDate", "getDayOfWeek",
        "getHours", "getMinutes", "getSeconds", "getMilliseconds"}) {
    CAPTURE(f);
    CHECK(countOverloads(f, true, 1) >= 1);
    CHECK(countOverloads(f, true, 2) == 1);  // with a time zone
  }
  for (const char* f : {"getHours", "getMinutes", "getSeconds", "getMilliseconds"}) {
    CAPTURE(f);
    CHECK(countOverloads(f, true, 1) == 2);  // timestamp and duration
  }
}

TEST_CASE("the extensions are all declared") {
  CHECK(countOverloads("charAt", true, 2) == 1);
  for (const char* f : {"indexOf", "lastIndexOf", "split", "substring"}) {
    CAPTURE(f);
    CHECK(countOverloads(f, true, 2) == 1);
    CHECK(countOverloads(f, true, 3) == 1);
  }
  CHECK(countOverloads("replace", true, 3) == 1);
  CHECK(countOverloads("replace", true, 4) == 1);
  for (const char* f : {"lowerAscii", "upperAscii", "trim", "reverse", "join"}) {
    CAPTURE(f);
    CHECK(countOverloads(f, true, 1) == 1);
  }
  CHECK(countOverloads("join", true, 2) == 1);
  CHECK(countOverloads("format", true, 2) == 1);
  CHECK(countOverloads("strings.quote", false, 1) == 1);

  for (const char* f : {"math.greatest", "math.least"}) {
    CAPTURE(f);
    CHECK(countOverloads(f, false, 1) == 6);  // three numbers, three lists
    CHECK(countOverloads(f, false, 2) == 9);
  }
  for (const char* f : {"math.ceil", "math.floor", "math.round", "math.trunc", "math.isNaN",
                        "math.isInf", "math.isFinite"}) {
    CAPTURE(f);
    CHECK(countOverloads(f, false, 1) == 1);
  }
  for (const char* f : {"math.abs", "math.sign", "math.sum", "math.avg"}) {
    CAPTURE(f);
    CHECK(countOverloads(f, false, 1) == 3);
  }
  for (const char* f :
       {"math.bitAnd", "math.bitOr", "math.bitXor", "math.bitShiftLeft", "math.bitShiftRight"}) {
    CAPTURE(f);
    CHECK(countOverloads(f, false, 2) == 2);
  }
  CHECK(countOverloads("math.bitNot", false, 1) == 2);

  CHECK(countOverloads("optional.of", false, 1) == 1);
  CHECK(countOverloads("optional.ofNonZeroValue", false, 1) == 1);
  CHECK(countOverloads("optional.none", false, 0) == 1);
  CHECK(countOverloads("hasValue", true, 1) == 1);
  CHECK(countOverloads("value", true, 1) == 1);
  CHECK(countOverloads("orValue", true, 2) == 1);
  CHECK(countOverloads("or", true, 2) == 1);

  CHECK(countOverloads("base64.encode", false, 1) == 1);
  CHECK(countOverloads("base64.decode", false, 1) == 1);

  CHECK(countOverloads("now", false, 0) == 1);
  CHECK(countOverloads("history", false, 2) == 1);
  CHECK(countOverloads("inAudience", false, 1) == 1);
}

TEST_SUITE_END();
