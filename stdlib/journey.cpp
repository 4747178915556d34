// Our additions that read the journey's world. They are impure (the profile, its history, the
// clock), so the checker refuses them in `fn` bodies and `const` values. The engines' host
// answers them; without one (an expression evaluated outside a journey) they are errors.
#include "stdlib/domains.h"

namespace journey::stdlib {

namespace {

Value now(const Value*, CallContext& ctx) {
  if (!ctx.host) return Value::error("`now()` needs a journey runtime");
  return ctx.host->now();
}

// The event type arrives as a type value (`type<Purchase>`); a name as a string is accepted
// too. `ask` is the host's answer: the records, or their count.
template <Value (Host::*ask)(std::string_view, Duration)>
Value askHistory(const Value* a, CallContext& ctx) {
  if (!ctx.host) return Value::error("`history()` needs a journey runtime");
  std::string_view event;
  if (a[0].kind() == ValueKind::Type) {
    event = a[0].typeName();
  } else if (a[0].kind() == ValueKind::String) {
    event = a[0].asString();
  } else {
    return Value::error("`history` takes an event type or its name, found `" +
                        std::string(shownTypeName(a[0])) + "`");
  }
  return (ctx.host->*ask)(event, a[1].asDuration());
}

Value inAudience(const Value* a, CallContext& ctx) {
  if (!ctx.host) return Value::error("`inAudience()` needs a journey runtime");
  return ctx.host->inAudience(a[0].asString());
}

}  // namespace

void declareJourney(std::vector<Overload>& out) {
  out.insert(out.end(), {
      // The current journey time (the virtual clock in simulation).
      {"now", "now", false, {}, "timestamp", &now},
      // `history(Purchase, 30d)`: the first argument is an event type name, typed as the type
      // value `type<Purchase>`; the result lists that event's records, oldest first.
      {"history", "history", false, {"type<A>", "duration"}, "list<A>",
       &askHistory<&Host::history>},
      // What lowering makes of `size(history(E, D))`: the count, without the list. The `@`
      // keeps it out of the language (no source can spell it, as with `@in`).
      {"@historyCount", "history_count", false, {"type<A>", "duration"}, "int",
       &askHistory<&Host::historyCount>},
      // `inAudience(Gold)`: the argument is an audience name, passed to the engines as its
      // name (a string constant).
      {"inAudience", "in_audience", false, {"string"}, "bool", &inAudience},
  });
}

}  // namespace journey::stdlib
