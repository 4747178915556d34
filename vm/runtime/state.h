// The runtime's state, as plain data: profiles with their retained history and audience
// memberships, journey instances, timers and schedule positions. The Store (store.h) keeps it;
// the step logic reads and changes it only through the Store.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/inlined_vector.h"

#include "compiler/ir/program_ir.h"
#include "vm/runtime/frame.h"
#include "vm/runtime/history.h"
#include "vm/runtime/inline_text.h"
#include "vm/runtime/memberships.h"
#include "vm/runtime/send_log.h"
#include "vm/value/value.h"

namespace journey::runtime {

// An instance's id: its slot in the store, and how often the slot was used (so a stale id,
// held by a timer of an ended instance, finds nothing).
using InstanceId = uint64_t;
// A profile's number: its position in the order profiles were added. Instances, held sends
// and pending work refer to a profile by it, not by its id, so no step looks up a string.
using ProfileRef = uint32_t;

inline constexpr Timestamp kNoWindowDue{INT64_MAX, 0};

// Two cache lines, aligned to them: every record reads its profile's state, and loads (and
// prefetches) what the state spans. The four-byte fields come last, together, so that no word
// is padding.
struct alignas(64) ProfileState {
  InlineText id;
  Value profile;                              // a record of the schema's type
  // Per event type whose history is kept (the runtime's historySlot maps event to place):
  // historyCount of them.
  std::unique_ptr<History[]> history;
  // When an audience window's oldest event leaves it (audience_windows.h): the due time of the
  // profile's AudienceWindow timer, kNoWindowDue when none is set. In two fields, so that the
  // four-byte fields below fill what a Timestamp leaves empty.
  int64_t windowDueSeconds = kNoWindowDue.seconds;
  Memberships member;                         // per audience, of the program's
  SendLog sends;                              // delivered sends of the channels caps count
  // Active instances, oldest first. A long list may still name some that have ended
  // (Runtime::Impl::forgetInstance): readers look each id up, and skip what they do not find.
  absl::InlinedVector<InstanceId, 2> instances;
  ProfileRef ref = 0;
  uint32_t profileBytes = 0;                  // what `profile`'s objects span where they
                                              // were packed (a record's prefetch loads it)
  int32_t windowDueNanos = kNoWindowDue.nanos;
  uint32_t historyCount = 0;

  std::span<History> histories() { return {history.get(), historyCount}; }
  std::span<const History> histories() const { return {history.get(), historyCount}; }
  void keepHistories(uint32_t count) {
    history = count ? std::make_unique<History[]>(count) : nullptr;
    historyCount = count;
  }
  Timestamp windowDue() const { return Timestamp{windowDueSeconds, windowDueNanos}; }
  void setWindowDue(Timestamp t) {
    windowDueSeconds = t.seconds;
    windowDueNanos = t.nanos;
  }
};
static_assert(sizeof(ProfileState) == 128);

// Where a timer stands among those due at the same time (LANGUAGE.md §5: ties go by input
// order, then by journey declaration order): the input (a record, or the clock's own: a
// schedule tick, an audience window's change) that entered its instance, then that instance's
// journey. Timers of one rank fire in the order they were set (or, for a journey timeout,
// reserved: Instance::timeoutTimer).
using TimerRank = uint64_t;
inline constexpr uint32_t kRankNoJourney = 0xFFFF;  // a timer of no journey: after the input's
inline TimerRank timerRank(uint64_t input, uint32_t journey) {
  return input << 16 | std::min(journey, kRankNoJourney);
}
// The clock's own timers (schedule ticks, audience windows) are inputs numbered when they are
// handled, so they rank after the timers of every input handled before their instant; ticks
// in declaration order, then windows.
inline TimerRank clockRank(uint32_t journey = kRankNoJourney) {
  constexpr uint64_t kLastInput = (uint64_t{1} << 48) - 1;
  return timerRank(kLastInput, journey);
}

// What a waiting instance waits for.
enum class WaitKind : uint8_t {
  None,     // running, or ready to run
  Timer,    // `wait D`, `wait until`: resumes when its timer fires
  Events,   // `wait for`: an awaited event, or its `within` timer when it has one
};

// Kept small (96 bytes): the state of waiting instances is what a run holds most of. The end
// of its wait lives only in its timer; the four-byte fields are paired so that no word is half
// padding.
struct Instance {
  InstanceId id = 0;
  uint64_t wakeTimer = 0;                // the sequence of the timer that ends the wait (0: none);
                                         // any other Resume timer is stale
  // When the journey's timeout is a constant: the timer sequence taken at entry for it. Its
  // timer (due at the entry time plus the timeout) is queued only once a wait could last until
  // then (`timeoutQueued`), so most instances never have one. 0: the timeout's timer was queued
  // at entry.
  uint64_t timeoutTimer = 0;
  TimerRank rank = 0;  // its timers' place among those due at the same time
  // The value of the journey's `key` as a string (sharing the text of the value it came from,
  // often a field the frame holds too); null when the key is the profile's id. instanceKey()
  // reads either.
  Value key;
  Frame frame;                           // the journey's slots (JourneyIr::frame)
  int64_t enteredSeconds = 0;            // when it entered, for `reentry` once it has ended
  int32_t enteredNanos = 0;
  uint32_t journey = 0;
  ProfileRef profile = 0;
  ir::StepIndex pc = ir::kEndOfJourney;  // the step to run (or the `wait for` being waited on)
  ir::StepIndex at = ir::kEndOfJourney;  // the last step started: where output records say it is
  WaitKind wait = WaitKind::None;
  bool timeoutQueued = false;
  bool keyPlain = false;  // `key` needs no escape in a JSON string (checked once, at entry)
  bool holdsSends = false;  // it has had a send held by quiet hours (some may be delivered):
                            // set by the store's holdSend

  Timestamp entered() const { return Timestamp{enteredSeconds, enteredNanos}; }
  void setEntered(Timestamp t) {
    enteredSeconds = t.seconds;
    enteredNanos = t.nanos;
  }
};
static_assert(sizeof(Instance) == 96);

// An instance's key: its journey's `key` value, or the id of `profile`, its profile.
inline std::string_view instanceKey(const Instance& instance, const ProfileState& profile) {
  return instance.key.isNull() ? std::string_view(profile.id) : instance.key.asString();
}

// A send held by quiet hours until the window ends.
struct HeldSend {
  InstanceId instance = 0;  // the instance that sent it (ended, perhaps, when it is delivered)
  uint32_t journey = 0;
  uint32_t step = 0;  // the send step
  ProfileRef profile = 0;
  bool keyPlain = false;  // `key` needs no escape in a JSON string
  std::string key;
  Value payload;      // evaluated when the send was made
};

// Something due at a time. Kept to 40 bytes (the due time is stored split, so the kind fits
// beside it): every waiting instance has one.
struct Timer {
  enum class Kind : uint8_t {
    Resume,       // an instance's wait ends (if `sequence` is still its Instance::wakeTimer)
    Timeout,      // an instance's journey timeout
    HeldSend,     // a send held by quiet hours is delivered (`id` names it)
    ScheduleTick, // a scheduled entry ticks (`id` is the journey)
    AudienceWindow,  // an event leaves an audience's history window (`id` is the profile;
                     // only the timer due at ProfileState::windowDue counts)
  };
  Timer() = default;
  Timer(Timestamp due, Kind kind, uint64_t id, TimerRank rank)
      : seconds(due.seconds), nanos(due.nanos), kind(kind), rank(rank), id(id) {}
  Timestamp due() const { return Timestamp{seconds, nanos}; }

  int64_t seconds = 0;
  int32_t nanos = 0;
  Kind kind = Kind::Resume;
  TimerRank rank = 0;
  uint64_t sequence = 0;    // set by the store
  uint64_t id = 0;          // Resume, Timeout: the instance; HeldSend: the held send;
                            // ScheduleTick: the journey; AudienceWindow: the profile
};
static_assert(sizeof(Timer) == 40);

}  // namespace journey::runtime
