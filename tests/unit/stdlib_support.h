// Shared by the tests/unit/stdlib_*.cpp files: calling a standard overload's implementation
// through the registry, by its id, as the engines do.
#pragma once

#include <doctest/doctest.h>

#include <initializer_list>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "stdlib/overloads.h"
#include "vm/value/printer.h"
#include "vm/value/value.h"
#include "vm/value/value_convert.h"

namespace journey::test {

// The overload with this id, or null.
inline const stdlib::Overload* findOverload(std::string_view id) {
  for (const stdlib::Overload& o : stdlib::standardOverloads()) {
    if (o.id == id) return &o;
  }
  return nullptr;
}

// Calls the implementation of overload `id` with `args` (fails the test when the overload is
// missing, has no implementation or takes another number of arguments).
inline Value callOverload(std::string_view id, std::initializer_list<Value> args,
                          stdlib::CallContext* context = nullptr) {
  const stdlib::Overload* o = findOverload(id);
  REQUIRE_MESSAGE(o != nullptr, "no overload " << std::string(id));
  // Parenthesized: doctest cannot print a function pointer.
  REQUIRE_MESSAGE((o->impl != nullptr), "no implementation for " << std::string(id));
  REQUIRE_MESSAGE(o->params.size() == args.size(), "arity of " << std::string(id));
  std::vector<Value> values(args);
  stdlib::CallContext none;
  return o->impl(values.data(), context ? *context : none);
}

// The value printed as a CEL literal (errors as `<error: message>`), for compact CHECKs:
// CHECK(printCall("add_int64", {Value::integer(1), Value::integer(2)}) == "3").
inline std::string printCall(std::string_view id, std::initializer_list<Value> args,
                             stdlib::CallContext* context = nullptr) {
  return toCelLiteral(callOverload(id, args, context));
}

}  // namespace journey::test

// Short builders for the stdlib tests' arguments and expectations.
namespace journey::test::values {

inline Value i(int64_t v) { return Value::integer(v); }
inline Value u(uint64_t v) { return Value::uinteger(v); }
inline Value d(double v) { return Value::dbl(v); }
inline Value s(std::string_view v) { return Value::string(v); }
inline Value b(std::string_view v) { return Value::bytes(v); }
inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
inline constexpr double kInf = std::numeric_limits<double>::infinity();
// Test inputs, which must be valid.
inline Value ts(std::string_view text) {
  Value v = parseTimestamp(text);
  REQUIRE_MESSAGE(!v.isError(), text);
  return v;
}
inline Value dur(std::string_view text) {
  Value v = parseDuration(text);
  REQUIRE_MESSAGE(!v.isError(), text);
  return v;
}

}  // namespace journey::test::values
