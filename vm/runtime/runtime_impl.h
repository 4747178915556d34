// The runtime's internals, shared by runtime.cpp (records, timers, entries, audiences) and
// steps.cpp (running an instance's steps).
#pragma once

#include <deque>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "compiler/ir/history_reads.h"
#include "vm/runtime/audience_answers.h"
#include "vm/runtime/audience_set.h"
#include "vm/runtime/audience_windows.h"
#include "vm/runtime/direct_call.h"
#include "vm/runtime/event_uses.h"
#include "vm/runtime/field_path.h"
#include "vm/runtime/runtime.h"

namespace journey::runtime {

// A journey's lifetime without a `timeout` clause (LANGUAGE.md §4).
inline constexpr Duration kDefaultTimeout{90 * 86400, 0};

// Work an instance causes for others, done when it waits or ends.
struct PendingEvent {
  ProfileRef profile = 0;
  uint32_t event = 0;
  Value record;
  int chain = 1;  // see Runtime::Impl::chain
};

struct Runtime::Impl {
  Impl(const ir::ProgramIr& program, ExpressionEngine& engine, Store& store, Clock& clock,
       OutputSink& output, RuntimeOptions options, RunStats& stats);

  const ir::ProgramIr& program;
  ExpressionEngine& engine;
  Store& store;
  Clock& clock;
  OutputSink& output;
  RuntimeOptions options;
  RunStats& stats;

  AudienceAnswers audienceAnswers{program};  // `inAudience(NAME)`'s audience and answers
  std::vector<Value> constants;          // per expression: its value when it is a constant
  std::vector<bool> isConstant;
  std::vector<std::optional<FieldPath>> fieldPaths;  // per expression: the path it reads, if so
  std::vector<std::optional<DirectCall>> directCalls;  // per expression: the call it is, if so
  std::vector<Value> defaults;           // field defaults by ProgramIr::fieldDefaults order
  std::vector<Duration> retain;          // per event: how long history is kept (0: none)
  std::vector<ir::HistoryUse> historyUse;  // per event: what of its history is kept
  // Per event: its place in ProfileState::history, or -1 when none is kept (not retained, or
  // nothing reads it); only those events cost a History in every profile.
  std::vector<int32_t> historySlot;
  uint32_t historySlots = 0;
  Duration longestCapWindow{};           // how long send logs are kept
  std::vector<bool> channelCapped;       // per channel: a rule counts its sends, so they are logged
  // A frequency rule with its constants evaluated once, and what a `capped` record says of it.
  // Rules whose count or window do not evaluate are left out: they never cap.
  struct CapRule {
    uint32_t channel = 0;
    int64_t count = 0;
    Duration window;
    std::string text;  // `cap email 3 per 7d`, ` in CartRecovery` for a journey's
  };
  std::vector<CapRule> fileCaps;
  std::vector<std::vector<CapRule>> journeyCaps;  // per journey
  std::deque<PendingEvent> pendingEvents;
  // Profiles whose audiences need re-evaluating after a change, with the audiences it may have
  // changed.
  struct DirtyProfile {
    ProfileRef profile;
    AudienceSet audiences;
    int chain = 1;  // see `chain`
  };
  std::vector<DirtyProfile> dirtyProfiles;
  AudienceSet allAudiences;
  // What each audience's membership can change with (docs/runtime.md, "When audiences are
  // re-evaluated"). Per field of the profile's record, the audiences whose rules read it
  // (through the audiences they read). Per audience, whether every record re-evaluates it (it
  // reads the clock, or a history window that moves in a way not known ahead), and its history
  // windows, whose oldest events leaving them re-evaluate it at that instant.
  std::vector<AudienceSet> audiencesReadingField;
  std::vector<bool> evaluateAlways;
  AudienceSet audiencesAlways;  // the same, as a set
  AudienceWindows windows;  // only over kept histories, no longer than they are retained
  // The audiences with windows, and those of them that read the clock (every window timer
  // re-evaluates these).
  AudienceSet windowedAudiences;
  AudienceSet windowedClockAudiences;
  // Each distinct (event, length) among the audiences' windows, with the audiences that look
  // through it: an event leaving it changes those, and only those.
  struct SharedWindow {
    AudienceWindow window;
    AudienceSet audiences;
  };
  std::vector<SharedWindow> distinctWindows;
  // The audiences whose windows an event leaves at `now` (the windows are (now - D, now]),
  // and the windowed ones that read the clock: those an AudienceWindow timer re-evaluates.
  AudienceSet audiencesWithWindowLeftAt(const ProfileState& p, Timestamp now) const;
  std::vector<bool> windowedEvent;  // per event: some audience has a window over its history
  std::vector<Duration> shortestWindow;  // per windowed event: its shortest window (retained)
  std::vector<AudienceSet> eventAudiences;  // per event: the audiences it may change
  // Per audience, in declaration order: the journeys a change of its membership enters
  // (`entry on enter|exit of`), and the `incremental` reads of it, which forget a member
  // that leaves. A change then costs its own journeys, not a look at every journey.
  std::vector<std::vector<uint32_t>> audienceEntryJourneys;
  std::vector<std::vector<uint32_t>> incrementalReadsOf;
  void findAudienceReads();  // fills the above
  // The audiences a change of these profile fields (a `set` record's patch) may change.
  AudienceSet audiencesChangedBy(const Value& patch) const;
  // Sets the profile's AudienceWindow timer at the next instant an event leaves one of its
  // audiences' windows, unless one is set for then or earlier.
  void scheduleWindowRecheck(ProfileState& p);
  // Per journey: its `reentry after` window when that is a constant (past it, a last entry
  // no longer matters and is forgotten), and how many last entries the store held after the
  // previous clean-up.
  std::vector<std::optional<Duration>> reentryWindow;
  // Per journey: its timeout when that is a constant (the default 90 days included): then an
  // instance queues the timeout's timer only when a wait could last until it (armWait).
  std::vector<std::optional<Duration>> constantTimeout;
  size_t lastEntriesAfterCleanUp = 0;
  std::vector<EventUses> eventUses;  // per event (event_uses.h)
  // ---- loading a batch's memory before it is applied (prefetch.cpp)
  // What applying the event reads of its profile, and the (journey, key) entries its entries
  // will look up, added to `keysToLoad`.
  ProfileUse profileUse(const EventInput& event);
  std::vector<ProfileUse> profileUses;  // Runtime::prefetch's own, kept for their memory
  std::vector<std::pair<uint32_t, std::string_view>> keysToLoad;
  bool draining = false;
  // `?name: o` (ir::FieldValue::optional): the field is given only when the optional `o` has
  // a value, and then as that value. False when the field is left out.
  static bool presentField(const ir::FieldValue& f, Value& v) {
    if (!f.optional || v.kind() != ValueKind::Optional) return true;
    if (!v.hasValue()) return false;
    v = Value(v.optionalValue());
    return true;
  }
  // Per journey and step, what its records need that is the same for every instance: the
  // names of a send's payload as the keys of a map, a call's argument names as the JSON text
  // before each argument's value (`"id": `), a `set`'s path.
  struct StepConstants {
    std::vector<Value> fieldNames;
    std::vector<std::string> argumentKeys;
    std::string setPath;  // `profile.a.b`
    AudienceSet setAudiences;  // the audiences the `set` may change
    // The type of what a `set` writes, and of each field an `emit` gives: a `dyn` value is
    // checked against it when the step runs.
    sema::TypeId setType = 0;
    std::vector<sema::TypeId> emitTypes;
  };
  std::vector<std::vector<StepConstants>> stepConstants;
  // Where `stats` counts sends per channel (found in its map at a channel's first send), and
  // the instances ended per reason kind seen so far: a std::map's elements stay in place.
  std::vector<uint64_t*> sendCounts;
  ir::NameIndex eventsByName{program.events};  // `history(E, d)`'s event, by its name
  std::vector<std::pair<std::string, uint64_t*>> endedCounts;
  uint64_t& endedCount(std::string_view kind);

  // ---- evaluation (runtime.cpp)
  // `inputs` is a frame whose slot 0 is `profile`'s place (or `&profile->profile` itself): the
  // slot is lent the profile for the evaluation (ProfileLoan).
  Value eval(ir::ExprIndex e, Value* inputs, ProfileState* profile);
  Value evalConstant(ir::ExprIndex e) { return eval(e, nullptr, nullptr); }
  Value fieldDefault(sema::RecordId record, size_t field);
  // The defaults, for the nested records a `set` creates (mergeProfile).
  FieldDefaults defaultOf = [this](sema::RecordId r, size_t f) { return fieldDefault(r, f); };

  // ---- records, audiences, entries (runtime.cpp)
  // Fires every timer due at or before `t`, in order, each at its own time, then leaves the
  // clock at `t`.
  void advanceClockTo(Timestamp t);
  void fire(const Timer& timer);
  void handleEvent(ProfileState& p, uint32_t event, const Value& record);
  // Keeps the event in the profile's history (when kept), trims it to `retain`, and moves the
  // profile's audience-window timer earlier when the event leaves a window first.
  void appendHistory(ProfileState& p, uint32_t event, const Value& record);
  // After an event (`event` >= 0) only the audiences that read its history or the clock can
  // change; after a change of the profile, those in `audiences`; at the start, all of them.
  void reevaluateAudiences(ProfileState& p, bool silent, int event = -1,
                           const AudienceSet* audiences = nullptr);  // null: all
  // Whether the profile is in audience `a` now (a boolean, or the rule's error): the rule's
  // answer, unless an input record decided the membership since the rule was last evaluated
  // for the profile (`inAudience()` and scheduled reads ask this).
  Value audienceAnswer(uint32_t a, ProfileState& p);
  // Sets the profile's membership of audience `a` (it differs): the `audience` record and the
  // journeys it starts, unless `silent`.
  void changeMembership(ProfileState& p, uint32_t a, bool member, bool silent);
  // `byStep`: a `set` step changed the profile, one more link of the chain being handled
  // (`chain`); else an input record did, which starts one.
  void markDirty(ProfileRef profile, const AudienceSet& audiences, bool byStep);
  // Pending events and audience changes, until none are left. Asked after every record and
  // timer, and mostly with nothing queued: that answer is inline.
  void drain() {
    if (draining) return;
    if (!dirtyProfiles.empty() || !pendingEvents.empty()) drainQueued();
    caused = 0;
  }
  void drainQueued();
  // Tries to start `journey` for the profile; `entryEvent` is the entry binding (or null).
  void enter(uint32_t journey, ProfileState& p, const Value* entryEvent, bool checkWhen);
  // Remembers an ended instance's entry for `reentry`, forgetting, as the store grows,
  // entries whose window is over.
  void noteEntry(uint32_t journey, std::string_view key, Timestamp entered);
  // The first tick of a scheduled journey strictly after `after` (none: not scheduled, or its
  // schedule does not evaluate).
  std::optional<Timestamp> nextTickAfter(uint32_t journey, Timestamp after);
  void scheduleNextTick(uint32_t journey, Timestamp after);
  // Whether a scheduled or `entry at` journey has a tick at `t`.
  bool ticksAt(uint32_t journey, Timestamp t);
  void tick(uint32_t journey, Timestamp at);

  // ---- instances (steps.cpp)
  std::string_view keyOf(const Instance& instance) {
    return instanceKey(instance, store.profile(instance.profile));
  }
  // Runs the instance from its pc until it waits or ends.
  void run(InstanceId id);
  // Starts a wait that ends at `wake` (none: only an awaited event or the timeout ends it),
  // set `delay` after now when that is fixed (the timer queue's hint). A wait that the
  // journey's timeout would end first gets no timer of its own: the timeout's is queued.
  void armWait(Instance& instance, std::optional<Timestamp> wake, Duration delay = {});
  // When the instance's timeout is due, for one whose timer may not be queued yet.
  std::optional<Timestamp> timeoutDeadline(const Instance& instance) const;
  // A wait is over: go on at `next` (after the `exit when` check that follows every wait).
  void resume(Instance& instance, ir::StepIndex next);
  // The journey's `timezone` for the instance (UTC without one), or none, `why` then saying
  // why (an error): the evaluation failed, the value is not a string, the zone is unknown.
  std::optional<TimeZone> journeyZone(Instance& instance, ProfileState* profile, Value& why);
  // Checks the `exit when` criteria; true when the instance ended (exit, or an error).
  bool exitWhenHolds(Instance& instance, std::string_view step);
  // Ends an instance: writes `exit` with the reason and removes it.
  void endInstance(Instance& instance, std::string_view reason, std::string_view step);
  // ProfileState::instances: a started instance joins the list, an ended one leaves it.
  void rememberInstance(ProfileState& p, InstanceId id);
  void forgetInstance(ProfileState& p, InstanceId id);
  // Queued work (`chain` > 0: an event a step emitted, an audience change after a `set`; an
  // input record comes after every timer due by its time) is handled at the instant of the
  // timer that ran the step, with other timers of that instant possibly still queued: the
  // profile's own (a wait's end, a `within` deadline, a timeout, a held send) fire first, as
  // before an input record of that time. So an event emitted at a `within` deadline loses to
  // the timeout ([start, start + D)). So do those of the instance holding (journey, key), of
  // whichever profile, before an entry of that key is refused as active.
  void fireQueuedInstantTimersOf(ProfileState& p);
  void fireDueTimersOfKey(uint32_t journey, std::string_view key);
  // The instance and held-send timers due by now that `candidates` visits (a profile's, or
  // those of a key's instance), in their order.
  void fireDueTimers(
      absl::FunctionRef<void(const std::function<void(const Timer&)>&)> candidates);
  // An event for a waiting instance: true when a `wait for` took it (the instance then runs).
  bool offerEvent(Instance& instance, uint32_t event, const Value& record);
  // Whether an `exit on` criterion takes the event (an error in its `when` is no match).
  bool exitOnMatches(Instance& instance, uint32_t event, const Value& record);
  int gotoChain = 0;  // `goto`s being entered, one inside the other
  // The input being handled: records and the clock's own inputs (schedule ticks, audience
  // windows) are numbered as they are handled; while a timer fires, the input that entered
  // what set it. An instance entered now is ranked by it
  // and its journey (TimerRank), so that timers due together fire in input order, then in
  // journey declaration order (LANGUAGE.md §5).
  uint64_t input = 0;
  uint64_t inputsHandled = 0;
  void beginInput() { input = ++inputsHandled; }
  static uint64_t inputOf(const Timer& timer) { return timer.rank >> 16; }
  // How many emitted events and profile changes, each because of the one before, led to what
  // is being handled at this instant (0: an input record or a timer). A journey that starts
  // itself again through an event it emits, or two that undo each other's change to an
  // audience, would otherwise never let time move on (steps.cpp, kMaxChain).
  int chain = 0;
  // Emitted events and profile changes that steps made since the input record or timer being
  // handled began (all it caused included): a journey emitting two events that each start it
  // again doubles its work at each turn, and a chain of 100 turns would never end.
  int caused = 0;
  // The error that ends an `emit` or `set` step which would go past either limit (steps.cpp),
  // or nothing, counting the step in `caused`.
  std::optional<Value> loopStopped();

  // ---- sends and calls (actions.cpp)
  struct SendContext {
    uint32_t journey = 0;
    ProfileRef profile = 0;
    std::string_view key;  // held by the instance (or the held send) for the call
    bool keyPlain = false;  // the key needs no escape (known from the instance)
    ir::StepIndex step = 0;
    // The instance sending, whose bindings the journey's `timezone` may read; null for a held
    // send being delivered: quiet hours do not apply again.
    Instance* instance = nullptr;
  };
  // Consent, address, caps and quiet hours, then the `send` record (or why not). The payload is
  // made only for a send that is held or delivered, so a refused one goes on whatever it holds;
  // the payload's error when it fails (the instance then ends with it), else null.
  Value send(const SendContext& context, absl::FunctionRef<Value()> payload);
  void deliverHeldSend(const Timer& timer);
  // A send's output record (`send`, `suppressed`, `capped`) with its journey, profile, key,
  // step, channel and template.
  RecordLine sendLine(std::string_view kind, const SendContext& c);
  void suppress(const SendContext& c, std::string_view reason);
  // The sends `instance` holds are dropped as `suppressed` (it exits by its criteria).
  void dropHeldSends(const Instance& instance);
  // True when the instance ended (a failed call without `on error`).
  bool call(Instance& instance, const ir::StepIr& step, const ir::CallIr& call);
  // What every call of an action gets, its mock being constant: the response, or why it fails.
  struct MockOutcome {
    Value response;
    std::string responseJson;  // the response as plain JSON, as each call's line writes it
    std::string failure;  // empty: the call succeeds
  };
  MockOutcome mockOutcome(const ir::ActionIr& action);
  std::vector<MockOutcome> mocks;  // per action, made at start
  // A record of `record`'s type from named fields, declared defaults filling the others.
  Value buildRecord(sema::RecordId record,
                    const std::vector<std::pair<std::string, Value>>& fields);

  // ---- output helpers (runtime.cpp)
  RecordLine line(std::string_view kind);
  // `name: value` for one of the program's names or source locations (journeys, steps,
  // channels, templates, audiences): unchecked when none of them needs an escape, which is
  // known at start.
  template <size_t N>
  RecordLine& programText(RecordLine& l, const char (&name)[N], std::string_view value) {
    return plainNames ? l.plainText(name, value) : l.text(name, value);
  }
  bool plainNames = false;
  // `profile: id`, unchecked while no profile's id needs an escape (known as each is added).
  RecordLine& profileText(RecordLine& l, std::string_view id) {
    return idsPlain ? l.plainText("profile", id) : l.text("profile", id);
  }
  bool idsPlain = true;
  // `key: …`, unchecked when `plain` (known to need no escape).
  static RecordLine& keyField(RecordLine& l, std::string_view key, bool plain) {
    return plain ? l.plainText("key", key) : l.text("key", key);
  }
  // Whether the instance's key needs no escape in a JSON string.
  bool keyPlain(const Instance& instance) const {
    return instance.key.isNull() ? idsPlain : instance.keyPlain;
  }
  // `journey`, `profile`, `key` and `step`: `step` when given, else where the instance is.
  RecordLine instanceLine(std::string_view kind, const Instance& instance,
                          std::string_view step = {});
  void write(RecordLine& line);
  // With --trace, a line saying what `instance` does: `describe()` builds its text, called only
  // when tracing (most runs do not trace, and every step would build a string).
  template <typename Describe>
  void trace(const Instance& instance, Describe&& describe) {
    if (options.trace) traceLine(instance, describe());
  }
  void traceLine(const Instance& instance, const std::string& what);
};

// The journey functions' view of the world during an evaluation: the clock, and one profile
// (none for constants).
class RuntimeHost final : public stdlib::Host {
 public:
  RuntimeHost(Runtime::Impl& rt, ProfileState* profile) : rt_(rt), profile_(profile) {}
  Value now() override;
  Value inAudience(std::string_view name) override;
  Value history(std::string_view event, Duration window) override;
  Value historyCount(std::string_view event, Duration window) override;

 private:
  // The records `history(event, window)` lists, or why there are none (`error`).
  struct HistoryWindow {
    const History* history = nullptr;
    History::Span records;
    Value error;
  };
  HistoryWindow inWindow(std::string_view event, Duration window);

  Runtime::Impl& rt_;
  ProfileState* profile_;
};

}  // namespace journey::runtime
