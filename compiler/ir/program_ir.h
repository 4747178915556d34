// The lowered program: what the runtime executes. Declarations become tables indexed by
// number (events, audiences, channels, actions, journeys), every expression is lowered into one
// shared ExprPool, and each journey's nested blocks become a flat step graph: a vector of steps
// whose successors are step indices.
//
// Expressions of a journey all take the journey's frame as inputs, in frame order: slot 0 is
// `profile`, then the entry binding, then every local name the journey declares (`let`, `as`
// of `wait for` and `call`), one slot per distinct name. An instance keeps one frame; any
// expression of the journey runs on it without renaming. The checker forbids shadowing, so a
// name means one thing wherever it is visible; sibling blocks may reuse a name and share its
// slot, never at the same time.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "compiler/ir/expr_ir.h"
#include "compiler/ir/record_layouts.h"
#include "compiler/sema/types.h"

namespace journey::ir {

// Index into ProgramIr::exprs.
using ExprIndex = uint32_t;
inline constexpr ExprIndex kNoExpr = UINT32_MAX;
// Index into JourneyIr::steps; kEndOfJourney ends the instance with reason `end`.
using StepIndex = uint32_t;
inline constexpr StepIndex kEndOfJourney = UINT32_MAX;

struct EventIr {
  std::string name;
  sema::RecordId record = 0;  // the event's record, including the implicit `time`
  sema::TypeId type = 0;
  uint32_t timeField = 0;     // index of `time` in the record
  ExprIndex retain = kNoExpr; // constant duration; kNoExpr: no history kept
};

struct AudienceIr {
  std::string name;
  ExprIndex rule = kNoExpr;  // inputs: [profile]
  // What membership can change with besides the profile (found in the rule and the audiences
  // it reads): an event's history, or the clock. The runtime re-evaluates the audience after
  // an event only when it depends on that event's history.
  std::vector<bool> readsHistory;  // per event
  bool readsClock = false;
};

struct ChannelIr {
  std::string name;
  ExprIndex address = kNoExpr;  // inputs: [profile]; kNoExpr when not declared
  ExprIndex consent = kNoExpr;  // inputs: [profile]; kNoExpr when not declared (always given)
};

// A payload, call argument, mock response or emitted event: named values, in written order.
struct FieldValue {
  std::string name;
  ExprIndex value = kNoExpr;
  bool optional = false;  // `?name: o`: the field is given only when the optional `o` has a value
};

struct ActionIr {
  std::string name;
  sema::RecordId response = 0;     // the response record (empty when none is declared)
  std::vector<FieldValue> mock;    // inputs: none; the mocked response's fields
  ExprIndex mockError = kNoExpr;   // inputs: none; a string: every call fails with it
};

struct CapIr {
  uint32_t channel = 0;          // index into ProgramIr::channels
  ExprIndex count = kNoExpr;     // constant int
  ExprIndex window = kNoExpr;    // constant duration
};

// ---- entries -------------------------------------------------------------------------------

struct EventEntryIr {        // `entry on E [as n] [when c]`
  uint32_t event = 0;
  ExprIndex when = kNoExpr;  // kNoExpr: always
};
struct AudienceEntryIr {     // `entry on audience A [exit]`
  uint32_t audience = 0;
  bool onExit = false;
};
struct ScheduleIr {
  enum class Kind : uint8_t { DayAt, WeekdayAt, Hour, Every, Cron } kind = Kind::DayAt;
  int weekday = 1;           // WeekdayAt: 0 = Sunday
  int hour = 0, minute = 0;  // DayAt, WeekdayAt
  ExprIndex every = kNoExpr; // Every: constant duration, at least kShortestPeriodSeconds
  std::string cron;          // Cron: "m h dom mon dow"

  // A cron schedule's finest period. Shorter would make a simulation tick millions of times
  // between two records a day apart; the checker reports it (E0418).
  static constexpr int64_t kShortestPeriodSeconds = 60;
};
struct ScheduledEntryIr {    // `entry every SCHEDULE [in TZ] for audience A [incremental]`
  ScheduleIr schedule;
  ExprIndex timezone = kNoExpr;  // constant string; kNoExpr: "UTC"
  uint32_t audience = 0;
  bool incremental = false;
};
struct AtEntryIr {           // `entry at T for audience A`
  ExprIndex at = kNoExpr;    // constant timestamp
  uint32_t audience = 0;
};
using EntryIr = std::variant<EventEntryIr, AudienceEntryIr, ScheduledEntryIr, AtEntryIr>;

struct ExitOnIr {            // `exit on E [as n] [when c]`
  uint32_t event = 0;
  // Where the event is bound while `when` runs: a slot of its own, visible to nothing else.
  uint32_t bindingSlot = kNoSlot;
  ExprIndex when = kNoExpr;
};

struct QuietHoursIr {
  int fromMinute = 0, toMinute = 0;  // minutes after local midnight; from > to crosses midnight
  bool discard = false;
};

enum class Reentry : uint8_t { Always, Never, After };

// ---- steps ---------------------------------------------------------------------------------

struct WaitIr { ExprIndex duration = kNoExpr; };
struct WaitUntilIr { ExprIndex at = kNoExpr; };
struct WaitUntilTimeIr {
  int hour = 0, minute = 0;
  int weekday = -1;  // 0 = Sunday; -1: any day
};
struct AwaitedIr {
  uint32_t event = 0;
  uint32_t bindingSlot = kNoSlot;  // kNoSlot: the event is not bound
  ExprIndex when = kNoExpr;
  StepIndex target = kEndOfJourney;  // the handler's first step (or what follows the wait)
};
struct WaitForIr {
  std::vector<AwaitedIr> events;
  ExprIndex within = kNoExpr;            // kNoExpr: until the journey's timeout
  StepIndex timeoutTarget = kEndOfJourney;
};
struct BranchIr {  // one `if` / `else if` test
  ExprIndex condition = kNoExpr;
  StepIndex then = kEndOfJourney;
  StepIndex otherwise = kEndOfJourney;
};
struct SplitArmIr {
  int64_t percent = 0;
  StepIndex target = kEndOfJourney;
};
struct SplitIr {
  std::string name;
  std::vector<SplitArmIr> arms;
};
struct SendIr {
  uint32_t channel = 0;
  std::string templateName;
  std::vector<FieldValue> payload;
};
struct CallIr {
  uint32_t action = 0;
  std::vector<FieldValue> args;
  uint32_t resultSlot = kNoSlot;
  // Where a failed call goes when `hasOnError`; otherwise the failure ends the instance
  // with reason `error`.
  StepIndex onError = kEndOfJourney;
  bool hasOnError = false;
};
struct SetIr {
  std::vector<std::string> path;  // below `profile`: `set profile.a.b = v` -> ["a", "b"]
  ExprIndex value = kNoExpr;
};
struct LetIr {
  uint32_t slot = 0;
  ExprIndex value = kNoExpr;
};
struct EmitIr {
  uint32_t event = 0;
  std::vector<FieldValue> fields;
};
struct GotoIr { uint32_t journey = 0; };
struct EndIr { std::optional<std::string> reason; };

using StepKindIr = std::variant<WaitIr, WaitUntilIr, WaitUntilTimeIr, WaitForIr, BranchIr,
                                SplitIr, SendIr, CallIr, SetIr, LetIr, EmitIr, GotoIr, EndIr>;

struct StepIr {
  StepKindIr kind;
  StepIndex next = kEndOfJourney;  // after this step (unused by steps that always jump)
  std::string location;            // `file:line:col`, what output records call `step`
};

// A field of a journey's entry event that the journey reads, held in a frame slot of its own
// (compiler/ir/entry_projection.h).
struct EntryFieldIr {
  uint32_t field = 0;     // in the entry event's record
  uint32_t slot = 0;      // the frame slot that holds it
  bool presence = false;  // the slot holds has(binding.field), not binding.field
};

struct JourneyIr {
  std::string name;
  std::string entryLocation;       // `file:line:col` of the entry clause (`step` of `enter`)
  std::vector<std::string> frame;  // slot names: `profile`, the entry binding, locals
  uint32_t entrySlot = kNoSlot;    // the entry event's slot (event entries only)
  // Set when the journey reads its entry event only through fields: instances then hold those
  // fields in slots of their own, not the event (the first of them in entrySlot).
  std::optional<std::vector<EntryFieldIr>> entryFields;
  EntryIr entry;
  ExprIndex key = kNoExpr;         // kNoExpr: the profile id
  Reentry reentry = Reentry::Always;
  ExprIndex reentryAfter = kNoExpr;
  std::vector<ExitOnIr> exitOn;
  std::vector<ExprIndex> exitWhen;
  ExprIndex timeout = kNoExpr;     // kNoExpr: 90 days
  ExprIndex timezone = kNoExpr;    // kNoExpr: "UTC"
  std::optional<QuietHoursIr> quietHours;
  std::vector<CapIr> caps;
  std::vector<StepIr> steps;       // the step graph, in no particular order
  StepIndex start = kEndOfJourney; // the first step; kEndOfJourney: the journey ends at once
};

struct ProgramIr {
  sema::TypeTable types;           // the checker's types, for reading JSON input
  sema::TypeId profileType = 0;    // the schema's record type (Error when none)
  std::optional<sema::RecordId> profileRecord;
  RecordLayouts layouts;
  ExprPool pool;
  std::vector<LoweredExpr> exprs;  // indexed by ExprIndex
  // Field defaults, constant expressions (no inputs), applied when JSON omits the field.
  std::map<std::pair<sema::RecordId, size_t>, ExprIndex> fieldDefaults;
  std::vector<EventIr> events;
  std::vector<AudienceIr> audiences;
  std::vector<ChannelIr> channels;
  std::vector<ActionIr> actions;
  std::vector<CapIr> caps;         // file-level frequency rules
  std::vector<JourneyIr> journeys;

  int findEvent(std::string_view name) const;
  int findJourney(std::string_view name) const;
  int findAudience(std::string_view name) const;
};

}  // namespace journey::ir
