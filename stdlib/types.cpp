// Type values: `type(x)` is the run-time type of x, itself a value (`type(1) == int`).
#include "stdlib/domains.h"

namespace journey::stdlib {

void declareTypes(std::vector<Overload>& out) {
  out.insert(out.end(), {
      {"type", "type", false, {"A"}, "type<A>"},
  });
}

}  // namespace journey::stdlib
