// The standard library's function overloads, declared once and used by the checker (types) and
// by both engines (implementations). Each domain file (arithmetic.cpp, strings.cpp, ...)
// contributes its overloads, each with its implementation, through a declare function.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "stdlib/function.h"

namespace journey::stdlib {

struct Overload {
  std::string_view function;  // as called: "size", "_+_", "math.abs", "startsWith"
  std::string_view id;        // unique and stable: "size_list", "add_int64"
  bool receiver = false;      // called as `target.function(args)`; params[0] is the target
  std::vector<std::string_view> params;  // type patterns: "int", "list<A>", "map<K, V>"
  std::string_view result;
  Impl impl = nullptr;        // the implementation, shared by both engines
};

// Every overload of the standard library and the extensions, in a stable order.
const std::vector<Overload>& standardOverloads();

// Look-ups into standardOverloads(), indexed once: the indices of the overloads a function name
// (as called) has, in registry order (empty for an unknown name), and the index of an id.
std::span<const uint32_t> overloadsNamed(std::string_view function);
std::optional<uint32_t> overloadWithId(std::string_view id);

}  // namespace journey::stdlib
