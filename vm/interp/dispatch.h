// Calling standard library overloads: strictness (an error argument is the result) and the
// choice of an overload by the run-time kinds of the arguments.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "stdlib/function.h"
#include "vm/value/value.h"

namespace journey::interp {

// Calls the first of `candidates` (indices into stdlib::standardOverloads()) whose parameters
// accept the arguments' kinds. An error argument is returned without a call; no candidate that
// fits gives noMatchingOverload's error, naming `function` and the argument types.
Value callOverloads(const std::vector<uint32_t>& candidates, std::string_view function,
                    const Value* args, size_t count, stdlib::CallContext& ctx);

// `function` as users write it: `_+_` -> `+`, `@in` -> `in`, others unchanged.
std::string_view displayFunctionName(std::string_view function);

// "`+` cannot be applied to `int` and `string`" (CEL's "no matching overload").
Value noMatchingOverload(std::string_view function, const Value* args, size_t count);

}  // namespace journey::interp
