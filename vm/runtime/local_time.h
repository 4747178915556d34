// Local-time rules of the runtime (LANGUAGE.md §4–5): the next HH:MM (optionally on a weekday)
// after an instant, quiet-hours windows, and schedule ticks (`every day at`, `every WEEKDAY at`,
// `every hour`, `every D`, `cron`). All take a TimeZone; a local time skipped by a DST jump
// moves forward by the jump, a repeated one takes its first occurrence (TimeZone::fromCivil).
//
// A local time of day is thus one instant per local date: `wait until 01:30` on a night when
// 01:30 happens twice resumes at the first 01:30 only, and when 02:30 is skipped it resumes at
// 03:30, even if that is after a 03:00 reached first (the jump moved 02:30 there).
#pragma once

#include <optional>
#include <string>

#include "compiler/ir/program_ir.h"
#include "vm/value/time_zone.h"
#include "vm/value/value.h"

namespace journey::runtime {

// What the searches below return when no such instant exists in the timestamp range (a cron
// spec that never matches, a time past year 9999): the largest timestamp, later than any
// other, so a timer set to it never fires.
inline constexpr Timestamp kNever{kMaxTimestampSeconds, 999'999'999};

// The first instant strictly after `after` whose local time is hour:minute (on `weekday`,
// 0 = Sunday, when weekday >= 0; the weekday is that of the local date the time belongs to,
// even when a DST jump moves it past midnight). kNever for an hour, minute or weekday out of
// range.
Timestamp nextLocalTime(Timestamp after, const TimeZone& zone, int hour, int minute,
                        int weekday = -1);

// When `t` falls inside a quiet-hours window, the instant the window ends; otherwise nullopt.
// The window of each local date starts at `fromMinute` and ends, excluded, at `toMinute` of the
// same date, or of the next one when from > to (21:00 to 08:00 crosses midnight). Both ends
// are turned into instants with the DST rules above, and `t` is compared with those instants,
// not by its local reading: when the end 01:30 occurs twice the window closes at the first one.
// from == to (which the checker rejects) is no window at all: always nullopt.
std::optional<Timestamp> quietHoursEnd(Timestamp t, const TimeZone& zone,
                                       const ir::QuietHoursIr& quiet);

// A schedule with its constant parts evaluated.
struct Schedule {
  ir::ScheduleIr::Kind kind = ir::ScheduleIr::Kind::DayAt;
  int weekday = 1;
  int hour = 0, minute = 0;
  Duration every;    // Every: positive; ticks at whole multiples of it since local 1970-01-01
  std::string cron;  // Cron: five fields (compiler/sema/cron.h)
};

// The first tick strictly after `after`; kNever when there is none (a malformed or never
// matching cron spec, a non-positive `every`, a time out of range). `Hour` ticks whenever the
// local clock reads a whole hour (once per real hour across a change of an hour; a change of
// 30 minutes leaves 90 between two ticks); `Every` at the instants of local readings that are
// whole multiples of it since 1970-01-01T00:00 local, in time order. A cron spec whose
// day-of-month and day-of-week fields both do not start with `*` matches a day when either
// matches (Vixie cron); otherwise both must match.
Timestamp nextTick(const Schedule& schedule, Timestamp after, const TimeZone& zone);

}  // namespace journey::runtime
