// Optional values. `x.?f` and `m[?k]` are selections, typed by the checker, and `optMap` /
// `optFlatMap` are macros; these are the functions.
#include "stdlib/domains.h"

namespace journey::stdlib {

void declareOptional(std::vector<Overload>& out) {
  out.insert(out.end(), {
      {"optional.of", "optional_of", false, {"A"}, "optional<A>"},
      // An empty optional when the value is its type's zero value ("", 0, [], {}, false, null).
      {"optional.ofNonZeroValue", "optional_ofNonZeroValue", false, {"A"}, "optional<A>"},
      {"optional.none", "optional_none", false, {}, "optional<A>"},
      {"hasValue", "optional_hasValue", true, {"optional<A>"}, "bool"},
      {"value", "optional_value", true, {"optional<A>"}, "A"},  // error when empty
      {"orValue", "optional_orValue_value", true, {"optional<A>", "A"}, "A"},
      {"or", "optional_or_optional", true, {"optional<A>", "optional<A>"}, "optional<A>"},
  });
}

}  // namespace journey::stdlib
