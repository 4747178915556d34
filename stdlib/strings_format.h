// Internal to stdlib/: the strings extension's `format` and `strings.quote`, implemented in
// strings_format.cpp and registered by strings.cpp.
#pragma once

#include "stdlib/function.h"

namespace journey::stdlib {

// `"%s is %d".format([a, b])`: the verbs %s %d %f %e %x %X %o %b with an optional precision
// (`%.2f`) and `%%`; a verb that does not accept its value's kind is an error value.
Value formatString(const Value* args, CallContext& ctx);

// `strings.quote(s)`: `s` as a double-quoted string literal.
Value quoteString(const Value* args, CallContext& ctx);

}  // namespace journey::stdlib
