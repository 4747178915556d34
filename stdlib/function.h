// How a standard function is called by both engines: one implementation per overload, a plain
// function over already-evaluated arguments.
//
// The engines call an implementation only with arguments that are not errors (CEL functions
// are strict: an error argument is the result, without a call) and whose run-time kinds match
// the overload's parameters (a dynamic call picks the overload by those kinds first). The
// non-strict operators `&&`, `||`, `?:` and the comprehension macros are the engines' own.
#pragma once

#include <string_view>

#include "vm/value/value.h"

namespace journey::stdlib {

// What the journey functions ask of the world they run in: the runtime answers for one
// profile at one instant; `journey eval` answers with the wall clock and no profile.
class Host {
 public:
  virtual ~Host() = default;
  virtual Value now() = 0;
  // Whether the current profile is a member of the declared audience `name`.
  virtual Value inAudience(std::string_view name) = 0;
  // The current profile's retained `event` records of the last `window`, oldest first.
  virtual Value history(std::string_view event, Duration window) = 0;
  // How many records `history(event, window)` lists (or its error). Lowering turns
  // `size(history(E, D))` into this, so a host that keeps history should count without
  // building the list; this default is for hosts that do not.
  virtual Value historyCount(std::string_view event, Duration window) {
    Value records = history(event, window);
    if (records.kind() != ValueKind::List) return records;
    return Value::integer(static_cast<int64_t>(records.asList().size()));
  }
};

struct CallContext {
  Host* host = nullptr;  // null: the journey functions return an error value
};

// `args` holds as many values as the overload has parameters (the receiver first).
using Impl = Value (*)(const Value* args, CallContext& ctx);

}  // namespace journey::stdlib
