// Type values: `type(x)` is the run-time type of x, itself a value (`type(1) == int`).
#include "stdlib/domains.h"

namespace journey::stdlib {

namespace {

// A record gives its declared type's name (`type(p) == Purchase`); a type gives `type`.
Value typeImpl(const Value* a, CallContext&) { return typeOf(a[0]); }

}  // namespace

void declareTypes(std::vector<Overload>& out) {
  out.insert(out.end(), {
      {"type", "type", false, {"A"}, "type<A>", &typeImpl},
  });
}

}  // namespace journey::stdlib
