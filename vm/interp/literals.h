// Building list, map and record literals from evaluated elements, and the error of a non-bool
// condition: shared by the interpreter and the JIT's helpers, so both engines give the same
// values and messages.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "compiler/codegen/bytecode.h"
#include "vm/value/value.h"

namespace journey::interp {

// The elements of a list or map literal: errors first (the first one is the value), then
// `?x` entries (marked in `mask`, which may be null), which count only when their optional
// holds a value. A map's values alternate key, value.
Value makeList(const Value* values, size_t count, const std::vector<bool>* mask);
Value makeMap(const Value* values, size_t pairs, const std::vector<bool>* mask);
// A record literal of the site's type from its fields' values, in the site's order.
Value makeRecord(const codegen::RecordSite& site, const Value* values, size_t count);
// `v` used as a condition (`what`) is not a bool: its error, or "`what` is `int`, not `bool`".
Value notBool(const Value& v, std::string_view what);

}  // namespace journey::interp
