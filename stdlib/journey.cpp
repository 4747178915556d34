// Our additions that read the journey's world. They are impure (the profile, its history, the
// clock), so the checker refuses them in `fn` bodies and `const` values.
#include "stdlib/domains.h"

namespace journey::stdlib {

void declareJourney(std::vector<Overload>& out) {
  out.insert(out.end(), {
      // The current journey time (the virtual clock in simulation).
      {"now", "now", false, {}, "timestamp"},
      // `history(Purchase, 30d)`: the first argument is an event type name, typed as the type
      // value `type<Purchase>`; the result lists that event's records, oldest first.
      {"history", "history", false, {"type<A>", "duration"}, "list<A>"},
      // `inAudience(Gold)`: the argument is an audience name, passed to the engines as its
      // name (a string constant).
      {"inAudience", "in_audience", false, {"string"}, "bool"},
  });
}

}  // namespace journey::stdlib
