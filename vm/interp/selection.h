// CEL's selection and indexing on run-time values, shared by the interpreter's generic paths
// (and by the JIT's helpers later): `x.f`, `x.?f`, `has(x.f)`, `x[i]`, `x[?i]`.
//
// Records are read by field name here (the interpreter's fast path reads by index when the
// layout is known statically); maps by key. Selecting on an optional chains: an empty optional
// gives an empty optional, a present one selects optionally on its value. An error operand is
// the result.
#pragma once

#include <string_view>

#include "vm/value/value.h"

namespace journey::interp {

Value selectField(const Value& operand, std::string_view field);
Value selectOptionalField(const Value& operand, std::string_view field);
Value testField(const Value& operand, std::string_view field);
Value indexValue(const Value& operand, const Value& index);
Value indexOptional(const Value& operand, const Value& index);

// The error of reading an absent record field.
Value noSuchField(std::string_view field);

}  // namespace journey::interp
