#include "vm/runtime/local_time.h"

#include <date/date.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <variant>

#include "compiler/sema/cron.h"
#include "vm/value/calendar_math.h"

namespace journey::runtime {

namespace {

constexpr uint32_t kAllHours = (1u << 24) - 1;

// How far back a slot skipped by a DST jump can still land after a given instant: the longest
// jump (Samoa skipped a whole day in 2011) plus margin.
constexpr int64_t kLookBack = 26 * 3600;
// Dates scanned before giving up: the Gregorian calendar's whole cycle of 400 years (146,097
// days, a whole number of weeks), in which every date falls on every weekday. A cron may ask
// for a 29 February that is a Sunday: 28 years apart, 40 across 2100.
constexpr int64_t kMaxScanDays = 146'097 + 366;

// The zone's offsets in the kLookBack before `t`: whether one differs from `offsetNow`, and the
// lowest. Only a change there can have moved a local time whose reading lies before `t`'s to
// an instant after `t`, and by no more than `offsetNow` minus the lowest. Sampling every hour
// misses only two changes less than an hour apart, which no zone has.
struct RecentOffsets {
  bool changed = false;
  int64_t lowest = 0;
};

RecentOffsets recentOffsets(Timestamp t, const TimeZone& zone, int64_t offsetNow) {
  RecentOffsets recent{false, offsetNow};
  if (zone.isFixedOffset() || zone.steadyOffset(t, kLookBack)) return recent;
  for (int64_t back = 3600; back <= kLookBack; back += 3600) {
    if (t.seconds - back < kMinTimestampSeconds) break;
    int64_t offset = zone.toCivil({t.seconds - back, 0}).offsetSeconds;
    recent.changed = recent.changed || offset != offsetNow;
    recent.lowest = std::min(recent.lowest, offset);
  }
  return recent;
}

struct LocalDay {
  date::year_month_day ymd;
  int weekday;  // 0 = Sunday
};

// The first instant strictly after `after` among the local times (date, h, m) with date
// accepted by `dayMatches`, bit h set in `hours` and bit m in `minutes`, each turned into an
// instant by fromCivil.
//
// Local times are scanned in order. Those that exist give instants in the same order (a
// repeated time takes its first occurrence); one moved by a forward jump may land after a
// later local time (02:30 -> 03:30 comes after 03:10), but every time after an existing one
// lands after it. So the answer is the smallest candidate up to the first one that exists.
template <class DayFilter>
Timestamp firstSlotAfter(Timestamp after, const TimeZone& zone, uint32_t hours,
                         uint64_t minutes, const DayFilter& dayMatches) {
  if (hours == 0 || minutes == 0) return kNever;
  CivilTime now = zone.toCivil(after);
  int64_t afterLocal = after.seconds + now.offsetSeconds;
  // Local times at or before `after`'s reading give instants at or before `after`, except
  // those a recent forward jump moved.
  int64_t from = afterLocal;
  if (recentOffsets(after, zone, now.offsetSeconds).changed) from -= kLookBack;

  std::optional<Timestamp> best;
  int64_t firstDay = floorDiv(from, kSecondsPerDay);
  for (int64_t day = firstDay; day <= firstDay + kMaxScanDays; ++day) {
    date::sys_days midnight{date::days(day)};
    LocalDay local{date::year_month_day(midnight),
                   static_cast<int>(date::weekday(midnight).c_encoding())};
    if (!dayMatches(local)) continue;
    auto year = static_cast<int64_t>(static_cast<int>(local.ymd.year()));
    auto month = static_cast<int>(static_cast<unsigned>(local.ymd.month()));
    auto dayOfMonth = static_cast<int>(static_cast<unsigned>(local.ymd.day()));
    for (int h = 0; h < 24; ++h) {
      if (!(hours >> h & 1u)) continue;
      int64_t hourStart = day * kSecondsPerDay + h * 3600;
      if (hourStart + 59 * 60 <= from) continue;
      for (int m = 0; m < 60; ++m) {
        if (!(minutes >> m & 1u)) continue;
        int64_t slot = hourStart + m * 60;
        if (slot <= from) continue;
        Value v = zone.fromCivil(year, month, dayOfMonth, h, m, 0);
        if (v.isError()) {
          // Past the timestamp range: so is every later time. Before it: look further on.
          if (slot > afterLocal) return best.value_or(kNever);
          continue;
        }
        Timestamp candidate = v.asTimestamp();
        if (candidate <= after) continue;
        if (!best || candidate < *best) best = candidate;
        if (candidate.seconds + zone.toCivil(candidate).offsetSeconds == slot) return *best;
      }
    }
  }
  return best.value_or(kNever);
}

// The instant of minute-of-day `minuteOfDay` on local day `day` (days since 1970-01-01).
std::optional<Timestamp> instantAt(const TimeZone& zone, int64_t day, int minuteOfDay) {
  date::year_month_day ymd{date::sys_days{date::days(day)}};
  Value v = zone.fromCivil(static_cast<int>(ymd.year()),
                           static_cast<int>(static_cast<unsigned>(ymd.month())),
                           static_cast<int>(static_cast<unsigned>(ymd.day())), minuteOfDay / 60,
                           minuteOfDay % 60, 0);
  if (v.isError()) return std::nullopt;
  return v.asTimestamp();
}

// The first whole multiple of `every` since the epoch strictly after `after`.
Timestamp nextMultiple(Timestamp after, Duration every) {
  __int128 step = static_cast<__int128>(every.seconds) * kNanosPerSecond + every.nanos;
  if (step <= 0) return kNever;
  __int128 t = static_cast<__int128>(after.seconds) * kNanosPerSecond + after.nanos;
  __int128 q = t / step;
  if (t % step < 0) --q;  // floor, for instants before 1970
  __int128 next = (q + 1) * step;
  __int128 limit = static_cast<__int128>(kMaxTimestampSeconds) * kNanosPerSecond + 999'999'999;
  if (next > limit) return kNever;
  __int128 seconds = next / kNanosPerSecond;
  if (next % kNanosPerSecond < 0) --seconds;
  return {static_cast<int64_t>(seconds), static_cast<int32_t>(next - seconds * kNanosPerSecond)};
}

// The first instant after `after` at which the local clock reads a whole hour. Unlike a time
// of day, an hour boundary exists on every hour of real time when the change is of an hour:
// the hourly schedule still ticks once per real hour (both 01:00s of a fall-back night tick).
// A change of 30 minutes may land on a whole hour (Caracas, 2016: 02:30 became 03:00, read at
// the change's instant), repeat one (Colombo, 1996: 00:30 back to 00:00) or skip one (Lord
// Howe: no 02:00), so the instant of each change met on the way is looked at too.
Timestamp nextLocalHour(Timestamp after, const TimeZone& zone) {
  auto wholeHour = [&](Timestamp t) {
    CivilTime reading = zone.toCivil(t);
    return reading.minute == 0 && reading.second == 0 && reading.nanos == 0;
  };
  Timestamp t = after;
  for (int attempt = 0; attempt < 48; ++attempt) {
    int64_t offset = zone.toCivil(t).offsetSeconds;
    int64_t nextReading = (floorDiv(t.seconds + offset, 3600) + 1) * 3600;
    if (kMaxTimestampSeconds < nextReading - offset) return kNever;
    Timestamp candidate{nextReading - offset, 0};
    if (zone.toCivil(candidate).offsetSeconds == offset) return candidate;
    // The offset changes in (t, candidate]: find the change's first second, when the clock
    // jumps; its new reading may be a whole hour.
    int64_t before = t.seconds, changed = candidate.seconds;
    while (changed - before > 1) {
      int64_t mid = before + (changed - before) / 2;
      (zone.toCivil({mid, 0}).offsetSeconds == offset ? before : changed) = mid;
    }
    Timestamp change{changed, 0};
    if (after < change && wholeHour(change)) return change;
    t = change;
  }
  return kNever;
}

// The first instant after `after` whose local reading is a whole multiple of `every` counted
// from 1970-01-01T00:00 local time (`12h` ticks at 00:00 and 12:00 in the zone). A reading in a
// DST gap moves forward by the gap, a repeated one takes its first occurrence (fromCivil).
//
// Readings give instants in their order, except those a forward jump moved: with `50m` in New
// York, 02:30 is 03:30 EDT, after the 03:20 EDT read later. So the readings are scanned from as
// far back as a recent jump can have moved one past `after`, and the earliest instant after
// `after` is kept, up to the first reading that exists: every later reading lands after it.
Timestamp nextLocalMultiple(Timestamp after, const TimeZone& zone, Duration every) {
  if (!(Duration{} < every)) return kNever;
  int64_t offset = zone.toCivil(after).offsetSeconds;
  int64_t jumped = offset - recentOffsets(after, zone, offset).lowest;
  // A period of a minute, the shortest the checker accepts, scans at most a day's jump (Samoa,
  // 2011) and a gap ahead. Shorter ones, left to tests, would not get through: no look back.
  if (every < Duration{ir::ScheduleIr::kShortestPeriodSeconds, 0}) jumped = 0;
  Timestamp reading{after.seconds + offset - jumped, after.nanos};
  std::optional<Timestamp> best;
  for (int attempt = 0; attempt < 2 * kLookBack / 60 + 64; ++attempt) {
    Timestamp next = nextMultiple(reading, every);
    if (next == kNever) break;
    CivilTime local = TimeZone::utc().toCivil(next);  // the reading as calendar fields
    Value instant = zone.fromCivil(local.year, local.month, local.day, local.hour, local.minute,
                                   local.second, local.nanos);
    if (instant.kind() != ValueKind::Timestamp) break;  // past the timestamp range
    Timestamp t = instant.asTimestamp();
    if (after < t) {
      if (!best || t < *best) best = t;
      if (t.seconds + zone.toCivil(t).offsetSeconds == next.seconds) break;  // it exists
    }
    reading = next;  // at or before `after`, or moved by a jump: the next multiple
  }
  return best.value_or(kNever);
}

// ---- cron ----------------------------------------------------------------------------------

bool cronDayMatches(const sema::CronSpec& spec, const LocalDay& day) {
  if (!(spec.bits[3] >> static_cast<unsigned>(day.ymd.month()) & 1u)) return false;
  bool dom = spec.bits[2] >> static_cast<unsigned>(day.ymd.day()) & 1u;
  bool dow = spec.bits[4] >> day.weekday & 1u;
  return (spec.domStar || spec.dowStar) ? dom && dow : dom || dow;
}

}  // namespace

Timestamp nextLocalTime(Timestamp after, const TimeZone& zone, int hour, int minute,
                        int weekday) {
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || weekday > 6) return kNever;
  auto onDay = [weekday](const LocalDay& d) { return weekday < 0 || d.weekday == weekday; };
  return firstSlotAfter(after, zone, 1u << hour, uint64_t{1} << minute, onDay);
}

namespace {

// The end of the window that `t` lies in, if it lies in one. `holdsUntil` (when given) is set
// to the instant until which every later instant gets the same answer: the window's end, or the
// next window's start.
std::optional<Timestamp> windowEnd(Timestamp t, const TimeZone& zone,
                                   const ir::QuietHoursIr& quiet,
                                   std::optional<Timestamp>* holdsUntil = nullptr) {
  int from = quiet.fromMinute, to = quiet.toMinute;
  if (from == to || from < 0 || to < 0 || from >= 24 * 60 || to >= 24 * 60) return std::nullopt;
  // A window lasts less than a day, so the one t may lie in starts and ends within a day of
  // t. When the offset holds over that span, local times there map to instants one to one: the
  // time of day alone says whether t is inside a window (most sends are not), and the window
  // ends at the next local `to`. (A span of days would send every send of the days around a
  // DST change down the search below.)
  if (std::optional<int32_t> offset = zone.steadyOffset(t, kSecondsPerDay)) {
    int64_t local = t.seconds + *offset;
    int64_t dayStart = floorDiv(local, kSecondsPerDay) * kSecondsPerDay;
    int64_t second = local - dayStart;
    bool inside = from < to ? second >= from * 60 && second < to * 60
                            : second >= from * 60 || second < to * 60;
    // Both the end and the next start are less than a day ahead: in the steady span.
    if (!inside) {
      int64_t start = dayStart + from * 60 + (second >= from * 60 ? kSecondsPerDay : 0);
      if (holdsUntil) *holdsUntil = Timestamp{start - *offset, 0};
      return std::nullopt;
    }
    int64_t end = dayStart + to * 60 + (second >= to * 60 ? kSecondsPerDay : 0);
    if (holdsUntil) *holdsUntil = Timestamp{end - *offset, 0};
    return Timestamp{end - *offset, 0};
  }
  CivilTime now = zone.toCivil(t);
  int64_t today = floorDiv(t.seconds + now.offsetSeconds, kSecondsPerDay);
  // The windows that start on the days around t's local date; earlier ones have ended and later
  // ones not begun, unless a DST jump of a day (Samoa) shifts them.
  std::optional<Timestamp> end, nextStart;
  for (int64_t day = today - 2; day <= today + 1; ++day) {
    std::optional<Timestamp> start = instantAt(zone, day, from);
    if (!start) continue;
    if (t < *start) {
      if (!nextStart || *start < *nextStart) nextStart = start;
      continue;
    }
    Timestamp stop = instantAt(zone, from < to ? day : day + 1, to).value_or(kNever);
    if (t < stop && (!end || *end < stop)) end = stop;
  }
  // Until the next window starts, and (inside one) until the latest of those holding t ends,
  // every later instant lies in the same windows. Those of later days start later still.
  if (holdsUntil && nextStart) *holdsUntil = end && *end < *nextStart ? *end : *nextStart;
  return end;
}

// A quiet-hours answer and the instants it holds for, [from, until): every send in a zone
// between two windows (or in one window) gets the same answer, so each thread keeps the last
// one per zone and window in a small table.
struct QuietAnswer {
  TimeZone zone = TimeZone::utc();
  int fromMinute = -1, toMinute = -1;
  Timestamp from, until;
  std::optional<Timestamp> end;
};

QuietAnswer& quietAnswerSlot(const TimeZone& zone, const ir::QuietHoursIr& quiet) {
  thread_local std::array<QuietAnswer, 64> answers;
  size_t h = zone.hash() ^ static_cast<size_t>(quiet.fromMinute * 1440 + quiet.toMinute);
  return answers[(h ^ h >> 7) % answers.size()];
}

}  // namespace

std::optional<Timestamp> quietHoursEnd(Timestamp t, const TimeZone& zone,
                                       const ir::QuietHoursIr& quiet) {
  QuietAnswer& known = quietAnswerSlot(zone, quiet);
  if (known.fromMinute == quiet.fromMinute && known.toMinute == quiet.toMinute &&
      known.zone == zone && !(t < known.from) && t < known.until) {
    return known.end;
  }
  std::optional<Timestamp> holdsUntil;
  std::optional<Timestamp> end = windowEnd(t, zone, quiet, &holdsUntil);
  // An end moved forward by a DST gap can fall inside the next window (`03:15 to 02:30` on
  // the night New York skips from 02:00 to 03:00): the send then waits for that one's end.
  // (Not where the offset is steady around t: a window's end is then outside every window.)
  for (int i = 0; end && i < 3; ++i) {
    std::optional<Timestamp> next = windowEnd(*end, zone, quiet);
    if (!next) break;
    end = next;
  }
  if (holdsUntil) known = {zone, quiet.fromMinute, quiet.toMinute, t, *holdsUntil, end};
  return end;
}


Timestamp nextTick(const Schedule& schedule, Timestamp after, const TimeZone& zone) {
  using Kind = ir::ScheduleIr::Kind;
  switch (schedule.kind) {
    case Kind::DayAt:
      return nextLocalTime(after, zone, schedule.hour, schedule.minute);
    case Kind::WeekdayAt:
      if (schedule.weekday < 0) return kNever;  // a weekday is required here
      return nextLocalTime(after, zone, schedule.hour, schedule.minute, schedule.weekday);
    case Kind::Hour:
      return nextLocalHour(after, zone);
    case Kind::Every:
      return nextLocalMultiple(after, zone, schedule.every);
    case Kind::Cron: {
      std::variant<sema::CronSpec, sema::CronError> read = sema::parseCron(schedule.cron);
      const auto* spec = std::get_if<sema::CronSpec>(&read);
      if (!spec) return kNever;  // the checker reports it
      return firstSlotAfter(after, zone, static_cast<uint32_t>(spec->bits[1]), spec->bits[0],
                            [spec](const LocalDay& d) { return cronDayMatches(*spec, d); });
    }
  }
  return kNever;
}

}  // namespace journey::runtime
