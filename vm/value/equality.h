// CEL's runtime equality, ordering and a hash consistent with equality.
//
// Equality is heterogeneous (langdef "Equality"): int, uint and double compare as points on
// one number line (1 == 1u == 1.0; an integer meets a double as the nearest double, as in
// cel-go), NaN equals nothing, values of unrelated types are unequal
// (false, not an error), lists compare element-wise, maps by key set and values regardless of
// order, records by type and present fields, optionals by content, types by name.
//
// Errors never reach these functions in CEL (an error operand makes `==` an error, and lists
// or maps cannot hold errors): the evaluator propagates them first. Here an error equals
// nothing.
#pragma once

#include <cstdint>

#include "vm/value/value.h"

namespace journey {

bool equals(const Value& a, const Value& b) noexcept;

enum class Ordering : int8_t {
  Less = -1,
  Equal = 0,
  Greater = 1,
  Unordered = 2,     // a NaN is involved: <, <=, >, >= are all false
  Incomparable = 3,  // no ordering between these kinds: the caller reports that it cannot apply
};

// CEL ordering (langdef "Ordering"): int, uint and double across types, strings by code point
// (bytewise on UTF-8), bytes bytewise, false < true, timestamps, durations.
Ordering compare(const Value& a, const Value& b) noexcept;

// Numbers across kinds (both operands must be Int, Uint or Double).
Ordering compareNumbers(const Value& a, const Value& b) noexcept;

// equals(a, b) implies hashValue(a) == hashValue(b): numbers equal across kinds hash alike (an
// integral double hashes as the integer it equals).
uint64_t hashValue(const Value& v) noexcept;

// The kinds a map key may have.
inline bool isMapKeyKind(ValueKind k) noexcept {
  return k == ValueKind::Int || k == ValueKind::Uint || k == ValueKind::Bool ||
         k == ValueKind::String;
}

}  // namespace journey
