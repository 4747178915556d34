// The journey runtime (LANGUAGE.md §4–5): applies profiles, events and profile updates to a
// program, runs instances step by step, fires timers on the clock, and writes output records.
//
// Order of work for one record at time t: every timer due at or before t fires first (in
// deadline order, ties by input order, then journey declaration order: TimerRank in state.h;
// schedules due at the same instant tick together); then the record is applied (history
// appended, or the profile merged) and the profile's audiences re-evaluated; then, for an
// event, the profile's active instances see it (`exit on` first, then `wait for`), and then the
// journeys it starts are entered, in declaration order. Work an instance causes for others
// (emitted events, audience changes) is queued and done once the record, timer or scheduled
// entry is done with: every instance it reached or started has waited or ended.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "compiler/ir/program_ir.h"
#include "vm/runtime/clock.h"
#include "vm/runtime/expression_engine.h"
#include "vm/runtime/input_records.h"
#include "vm/runtime/output.h"
#include "vm/runtime/store.h"

namespace journey::runtime {

struct RunStats {
  uint64_t profiles = 0;
  uint64_t records = 0;                         // records applied
  uint64_t rejected = 0;                        // lines of either input
  uint64_t rejectedProfiles = 0;                // of them, profile lines
  // The last record's time when the run's end (`--until`) was given before it: the clock ran
  // on to that record all the same, and no further.
  std::optional<Timestamp> lastRecordAfterUntil;
  uint64_t entered = 0;
  uint64_t skipped = 0;
  std::map<std::string, uint64_t> ended;        // by reason kind: end, exit, timeout, error, goto
  std::map<std::string, uint64_t> sends;        // by channel
  uint64_t suppressed = 0;
  uint64_t capped = 0;
};

struct RuntimeOptions {
  // Each step an instance takes, as a line to this sink (null: no trace).
  OutputSink* trace = nullptr;
  // Keep every retained record, not only what the program reads of each event's history
  // (ir::eventHistoryUse): for a host that evaluates expressions the program does not have,
  // like the REPL's.
  bool keepEveryRetainedRecord = false;
};

class Runtime {
 public:
  // Everything passed in must outlive the runtime.
  Runtime(const ir::ProgramIr& program, ExpressionEngine& engine, Store& store, Clock& clock,
          OutputSink& output, RuntimeOptions options = {});
  ~Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  // The value of a field default (for the input reader).
  Value fieldDefault(sema::RecordId record, size_t field);

  // Before start(): a profile of the initial set. A profile id given twice: the later wins.
  void addProfile(ProfileInput profile);
  // Sets the clock to the first record's time, the initial audience memberships (silently)
  // and the first schedule ticks.
  void start(Timestamp firstRecord);
  // Applies a record at its time (not before the previous one). An event for an unknown
  // profile is refused: the reason is returned, and nothing is applied (nor the clock moved).
  std::optional<std::string> apply(const EventInput& event);
  // A `set` for an unknown profile creates it: its patch must then be a whole profile
  // (InputReader::newProfile with the patch). Refused, with the reason and nothing applied
  // (nor the clock moved), when the merged profile would lack a field the schema requires
  // (missingAfterMerge).
  std::optional<std::string> apply(const SetInput& set);
  // Why apply(set) would refuse it, if it would: for a first record, before the clock starts.
  std::optional<std::string> refuses(const SetInput& set);
  // A membership change decided elsewhere (`journey audience --previous`): applied as if the
  // audience's rule had changed, unless the profile already has that membership. Refused for
  // an unknown profile, as an event is.
  std::optional<std::string> apply(const AudienceInput& change);
  bool hasProfile(std::string_view id) const;
  // Why a record naming a profile that is not known is refused.
  static std::string unknownProfile(std::string_view id);
  // These records are about to be applied: what applying them reads starts loading (the
  // profiles they name, the timers due by the last one's time, the (journey, key) entries
  // that their events' entries look up when the key is the profile's id or an event's field).
  // A hint: Store::prefetchProfiles, prefetchTimers, prefetchJourneyKey.
  void prefetch(std::span<const RecordInput> records);
  // The same for a batch of profiles about to be added (each looked up first).
  void prefetchProfiles(const std::vector<std::string_view>& ids);
  // Fires every timer due at or before `until` and leaves the clock there.
  void finish(Timestamp until);

  // What `now()`, `history()` and `inAudience()` answer for the profile `id` (none, or an
  // unknown id: no profile) at the clock's time: for evaluating expressions beside a run.
  std::unique_ptr<stdlib::Host> hostFor(std::string_view id);

  // When the instance's journey timeout is due, for one whose timeout timer may not be queued
  // (Instance::timeoutTimer); none for the others, whose timer is in the store.
  std::optional<Timestamp> timeoutDeadline(const Instance& instance) const;

  void countRejected(bool profileLine) {
    ++stats_.rejected;
    stats_.rejectedProfiles += profileLine;
  }
  const RunStats& stats() const { return stats_; }

  struct Impl;  // runtime_impl.h, for the runtime's own files

 private:
  RunStats stats_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace journey::runtime
