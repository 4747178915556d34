// Where the runtime keeps its state (state.h). The simulator uses the in-memory store
// (memory_store.h); a long-running service would put a durable embedded store behind the same
// interface without changing the step logic.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vm/runtime/state.h"

namespace journey::runtime {

// A profile a record is about to use, and what of it the record reads besides its state and
// record: what a record does not read is left unloaded.
struct ProfileUse {
  std::string_view id;
  bool histories = true;  // an event that keeps its history, or may change an audience
  bool instances = true;  // an event that some instance may react to
  // The profile's record, whatever its instances: anything but an event that starts no
  // journey and changes no audience (which reads it only through the instances that react).
  bool record = true;
};

class Store {
 public:
  virtual ~Store() = default;

  // ---- profiles. A ProfileState stays at its address until the store is destroyed.
  virtual ProfileState* findProfile(std::string_view id) = 0;
  virtual ProfileState& profile(ProfileRef ref) = 0;
  // Adds a profile (after the existing ones in input order; its ref is the next number). The
  // id must be new. `spanBytes`: what the profile's objects span in memory when the reader
  // built them together (ProfileInput::spanBytes), else 0.
  virtual ProfileState& addProfile(const std::string& id, Value profile, uint32_t spanBytes) = 0;
  // Every profile in input order.
  virtual void forEachProfile(const std::function<void(ProfileState&)>& visit) = 0;
  // A hint that these profiles are about to be used, in this order: a store whose state is in
  // memory starts fetching it into the cache, so that the records of a batch wait for memory
  // together rather than one after the other. Changes nothing else.
  virtual void prefetchProfiles(std::span<const ProfileUse> uses) {}
  // The same for the timers due by `until`: what firing them reads (their instances and the
  // values they hold, held sends, profiles) starts loading.
  virtual void prefetchTimers(Timestamp until) {}
  // The runtime is about to end the instance of (journey, key) (setLastEntry, removeInstance):
  // where those look starts loading while the instance's last line is written. Changes nothing
  // else.
  virtual void prefetchJourneyKey(uint32_t journey, std::string_view key) {}

  // ---- instances. An Instance stays at its address until it is removed.
  virtual Instance& addInstance(Instance instance) = 0;  // assigns the id
  virtual Instance* findInstance(InstanceId id) = 0;
  virtual void removeInstance(InstanceId id) = 0;
  // Whether an instance of (journey, key) is active; which one.
  virtual bool hasActiveInstance(uint32_t journey, std::string_view key) = 0;
  virtual std::optional<InstanceId> activeInstance(uint32_t journey, std::string_view key) = 0;
  virtual size_t instanceCount() const = 0;

  // ---- entries: when (journey, key) last entered, for `reentry`
  virtual std::optional<Timestamp> lastEntry(uint32_t journey, std::string_view key) = 0;
  virtual void setLastEntry(uint32_t journey, std::string_view key, Timestamp t) = 0;
  // What the entries kept take, as a count that a clean-up (forgetEntriesBefore) lowers.
  virtual size_t lastEntryCount() const = 0;
  // Forgets the journey's entries made before `t` (their reentry window is over).
  virtual void forgetEntriesBefore(uint32_t journey, Timestamp t) = 0;

  // ---- sends held by quiet hours
  // An id names its send until released; a later send may take it then.
  // Returns its id; marks its instance, when live, as one that holds sends
  // (Instance::holdsSends).
  virtual uint64_t holdSend(HeldSend send) = 0;
  virtual HeldSend releaseSend(uint64_t id) = 0;
  // A held send, without releasing it (null: none with that id).
  virtual const HeldSend* heldSend(uint64_t id) const = 0;
  // The id of the oldest send a live `instance` holds (HeldSend::instance), or 0 when it holds
  // none; 0 once it has ended, though what it held is still delivered.
  virtual uint64_t heldSendOf(InstanceId instance) const = 0;

  // ---- timers
  // Assigns the sequence and returns it. `delay`: how long after the current time the timer is
  // due when it was set at a fixed delay (`wait D`, `within D`, a timeout), zero otherwise; a
  // hint for ordering the queue that changes nothing else.
  virtual uint64_t addTimer(Timer timer, Duration delay = {}) = 0;
  // The next sequence, taken now for a timer that may be queued later (queueTimer): among
  // timers due at the same time it fires in the place of one set now.
  virtual uint64_t reserveTimerSequence() = 0;
  virtual void queueTimer(Timer timer, uint64_t reservedSequence) = 0;
  // The earliest timer (ties: the lower rank, then the first added), if any.
  virtual const Timer* nextTimer() const = 0;
  virtual Timer popTimer() = 0;
  // Every queued timer in firing order, stale ones included (for inspection: the REPL's
  // `:state`).
  virtual void forEachTimer(const std::function<void(const Timer&)>& visit) const = 0;
  // The timers due by `until` of the instances and held sends of `profile`, in no set order;
  // some may have fired already (each then finds its instance resumed or gone, or its send
  // delivered). What an event raised at a timer's instant lets fire first: thousands of
  // profiles woken at one instant then cost each its own timers, not every one due.
  virtual void forEachDueTimerOf(ProfileRef profile, Timestamp until,
                                 const std::function<void(const Timer&)>& visit) = 0;

  // ---- schedule positions: the previous tick of a scheduled journey and who was a member
  // of its audience then (for `incremental`)
  virtual std::optional<Timestamp> lastTick(uint32_t journey) = 0;
  virtual bool memberAtLastTick(uint32_t journey, ProfileRef profile) = 0;
  virtual void setLastTick(uint32_t journey, Timestamp t, std::vector<ProfileRef> members) = 0;
  // The profile left the journey's audience: it no longer counts as a member at the last tick.
  virtual void forgetTickMember(uint32_t journey, ProfileRef profile) = 0;

  // ---- memberships decided elsewhere: set by an `audience` input record, they hold until the
  // runtime next evaluates the audience's rule for the profile (docs/runtime.md)
  virtual bool decidedElsewhere(ProfileRef profile, uint32_t audience) const = 0;
  virtual void setDecidedElsewhere(ProfileRef profile, uint32_t audience, bool decided) = 0;
  virtual bool anyDecidedElsewhere() const = 0;
};

}  // namespace journey::runtime
