// Values as plain JSON, for the runtime's output records (LANGUAGE.md §5): what a reader of
// the output expects, not a typed format (value_json.h is that).
//
//   null, true, 42, 42 (uint)   80.0, 1e+300, "NaN", "Infinity", "-Infinity"
//   "text"  "YWJj" (bytes, base64)  "2026-03-02T10:00:00Z"  "3600s"
//   [1, 2]  {"a": 1, "2": true} (keys as strings)  records: {"field": ...} of present fields
//   optionals: the value or null   types: "int"   errors: {"error": "message"}
//
// Doubles always show a fraction or an exponent, so that 80.0 stays visibly a double.
// Separators are ", " and ": ", on one line.
#pragma once

#include <optional>
#include <string>

#include "vm/value/value.h"

namespace journey {

void appendPlainJson(std::string& out, const Value& v);

// Why `v` cannot be written as plain JSON without losing a value: a map, at any depth, with
// two keys of different kinds that write the same JSON key (`{1: "a", "1": "b"}`, whose keys
// both become "1"). Nothing when it can (the usual case: a map's keys are all of one kind).
std::optional<std::string> jsonKeyClashInside(const Value& v);
inline std::optional<std::string> jsonKeyClash(const Value& v) {
  ValueKind k = v.kind();  // a scalar writes no key: most values are, and return here
  bool holds = k == ValueKind::Map || k == ValueKind::List || k == ValueKind::Record ||
               k == ValueKind::Optional;
  return holds ? jsonKeyClashInside(v) : std::nullopt;
}

}  // namespace journey
