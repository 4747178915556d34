// The standard library's function overloads, declared once and used by the checker (types) and
// by both engines (implementations, added with the expression engine). Each domain file
// (arithmetic.cpp, strings.cpp, ...) contributes its overloads through a register function.
#pragma once

#include <string_view>
#include <vector>

namespace journey::stdlib {

struct Overload {
  std::string_view function;  // as called: "size", "_+_", "math.abs", "startsWith"
  std::string_view id;        // unique and stable: "size_list", "add_int64"
  bool receiver = false;      // called as `target.function(args)`; params[0] is the target
  std::vector<std::string_view> params;  // type patterns: "int", "list<A>", "map<K, V>"
  std::string_view result;
};

// Every overload of the standard library and the extensions, in a stable order.
const std::vector<Overload>& standardOverloads();

}  // namespace journey::stdlib
