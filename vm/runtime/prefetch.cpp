// Loading what a batch of records will read before any of it is applied, so that the batch's
// cache misses overlap (docs/runtime.md, "Memory", "Reading ahead"). Every call here is a hint
// to the store: what it loads changes nothing the run does.
#include <type_traits>

#include "vm/runtime/runtime_impl.h"

namespace journey::runtime {

void Runtime::prefetch(std::span<const RecordInput> records) {
  Impl& rt = *impl_;
  rt.profileUses.clear();
  rt.keysToLoad.clear();
  std::optional<Timestamp> until;
  for (const RecordInput& read : records) {
    std::visit(
        [&](const auto& r) {
          using Read = std::decay_t<decltype(r)>;
          if constexpr (!std::is_same_v<Read, Rejection>) {
            if constexpr (std::is_same_v<Read, EventInput>) {
              rt.profileUses.push_back(rt.profileUse(r));
            } else {
              rt.profileUses.push_back({r.profile});  // a change of profile or membership
            }
            if (!until || *until < r.time) until = r.time;
          }
        },
        read);
  }
  if (!until) return;
  rt.store.prefetchProfiles(rt.profileUses);
  rt.store.prefetchTimers(*until);
  for (const auto& [journey, key] : rt.keysToLoad) rt.store.prefetchJourneyKey(journey, key);
}

void Runtime::prefetchProfiles(const std::vector<std::string_view>& ids) {
  impl_->profileUses.clear();
  for (std::string_view id : ids) {
    impl_->profileUses.push_back({.id = id, .histories = false, .instances = false});
  }
  impl_->store.prefetchProfiles(impl_->profileUses);
}

ProfileUse Runtime::Impl::profileUse(const EventInput& event) {
  const EventUses& uses = eventUses[event.event];
  // An audience's rule may read any of the profile, its histories among them.
  const bool audiences = !eventAudiences[event.event].empty();
  ProfileUse use{.id = event.profile,
                 .histories = audiences || historySlot[event.event] >= 0,
                 .instances = uses.instancesReact,
                 .record = audiences};
  for (const EventEntry& entry : uses.entries) {
    use.record = true;  // an entry reads the profile: its `exit when`, its time zone, its steps
    if (entry.keyIsProfileId) {
      keysToLoad.emplace_back(entry.journey, event.profile);
    } else if (const Value* key = entry.keyPath ? readFieldPath(*entry.keyPath, event.record)
                                                : nullptr;
               key && key->kind() == ValueKind::String) {
      keysToLoad.emplace_back(entry.journey, key->asString());
    }
  }
  return use;
}

}  // namespace journey::runtime
