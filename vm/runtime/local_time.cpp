#include "vm/runtime/local_time.h"

#include <date/date.h>

#include <cctype>
#include <cstdint>
#include <string_view>
#include <vector>

#include "vm/value/calendar_math.h"

namespace journey::runtime {

namespace {

constexpr uint32_t kAllHours = (1u << 24) - 1;

// How far back a slot skipped by a DST jump can still land after a given instant: the longest
// jump (Samoa skipped a whole day in 2011) plus margin.
constexpr int64_t kLookBack = 26 * 3600;
// Dates scanned before giving up: more than the 8 years between two 29 Februarys (2096, 2104),
// the rarest day a valid cron spec may ask for.
constexpr int64_t kMaxScanDays = 9 * 366;

// Whether the zone's offset changed in the kLookBack before `t`. Only then can a local time
// that a forward jump moved lie after `t` while its reading lies before `t`'s. Sampling every
// hour misses only two changes less than an hour apart, which no zone has.
bool offsetChangedRecently(Timestamp t, const TimeZone& zone, int64_t offsetNow) {
  if (zone.isFixedOffset()) return false;
  for (int64_t back = 3600; back <= kLookBack; back += 3600) {
    if (t.seconds - back < kMinTimestampSeconds) break;
    if (zone.toCivil({t.seconds - back, 0}).offsetSeconds != offsetNow) return true;
  }
  return false;
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
  if (offsetChangedRecently(after, zone, now.offsetSeconds)) from -= kLookBack;

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
// of day, an hour boundary exists on every hour of real time: across a DST change the hourly
// schedule still ticks once per real hour (both 01:00s of a fall-back night tick).
Timestamp nextLocalHour(Timestamp after, const TimeZone& zone) {
  Timestamp t = after;
  for (int attempt = 0; attempt < 48; ++attempt) {
    int64_t offset = zone.toCivil(t).offsetSeconds;
    int64_t nextReading = (floorDiv(t.seconds + offset, 3600) + 1) * 3600;
    Timestamp candidate{nextReading - offset, 0};
    CivilTime reading = zone.toCivil(candidate);
    if (after < candidate && reading.minute == 0 && reading.second == 0) return candidate;
    // The offset changed before the candidate: look again from there.
    t = t < candidate ? candidate : Timestamp{t.seconds + 60, 0};
    if (kMaxTimestampSeconds - 3600 < t.seconds) return kNever;
  }
  return kNever;
}

// The first instant after `after` whose local reading is a whole multiple of `every` counted
// from 1970-01-01T00:00 local time (`12h` ticks at 00:00 and 12:00 in the zone). A reading in a
// DST gap moves forward by the gap, a repeated one takes its first occurrence (fromCivil).
Timestamp nextLocalMultiple(Timestamp after, const TimeZone& zone, Duration every) {
  if (!(Duration{} < every)) return kNever;
  int64_t offset = zone.toCivil(after).offsetSeconds;
  Timestamp reading{after.seconds + offset, after.nanos};
  for (int attempt = 0; attempt < 64; ++attempt) {
    Timestamp next = nextMultiple(reading, every);
    if (next == kNever) return kNever;
    CivilTime local = TimeZone::utc().toCivil(next);  // the reading as calendar fields
    Value instant = zone.fromCivil(local.year, local.month, local.day, local.hour, local.minute,
                                   local.second, local.nanos);
    if (instant.kind() != ValueKind::Timestamp) return kNever;
    if (after < instant.asTimestamp()) return instant.asTimestamp();
    reading = next;  // a repeated or shifted reading at or before `after`: the next multiple
  }
  return kNever;
}

// ---- cron ----------------------------------------------------------------------------------

struct CronField {
  const char* name;
  int min, max;
  std::vector<std::string_view> names;  // names[i] stands for min + i
};

const CronField kCronFields[5] = {
    {"minute", 0, 59, {}},
    {"hour", 0, 23, {}},
    {"day-of-month", 1, 31, {}},
    {"month", 1, 12,
     {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}},
    {"day-of-week", 0, 7, {"sun", "mon", "tue", "wed", "thu", "fri", "sat"}},
};

struct CronSpec {
  uint64_t bits[5] = {};  // bit v: value v of the field; day-of-week 7 folded into 0
  bool domStar = false, dowStar = false;  // the field starts with `*` (Vixie's test)
};

std::vector<std::string_view> splitOn(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

bool allDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// Digits beyond four only matter to say "out of range": cap them there.
int smallNumber(std::string_view digits) {
  if (digits.size() > 4) return 10000;
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

std::string backquoted(std::string_view s) { return "`" + std::string(s) + "`"; }

std::optional<std::string> parseCronValue(std::string_view text, const CronField& f, int& value) {
  if (text.empty()) return std::string("a value is missing in the ") + f.name + " field";
  if (allDigits(text)) {
    value = smallNumber(text);
    if (value < f.min || value > f.max) {
      return backquoted(text) + " is out of range for the " + f.name + " field (" +
             std::to_string(f.min) + "-" + std::to_string(f.max) + ")";
    }
    return std::nullopt;
  }
  std::string lowered(text);
  for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (size_t i = 0; i < f.names.size(); ++i) {
    if (lowered == f.names[i]) {
      value = f.min + static_cast<int>(i);
      return std::nullopt;
    }
  }
  return backquoted(text) + " is not a valid " + f.name;
}

std::optional<std::string> parseCronItem(std::string_view item, const CronField& f,
                                         uint64_t& bits) {
  std::vector<std::string_view> parts = splitOn(item, '/');
  if (parts.size() > 2) return backquoted(item) + " has two steps";
  int step = 1;
  if (parts.size() == 2) {
    if (!allDigits(parts[1]) || smallNumber(parts[1]) == 0) {
      return "the step " + backquoted(parts[1]) + " of the " + f.name +
             " field must be a positive number";
    }
    step = smallNumber(parts[1]);
  }
  int low = f.min, high = f.max;
  if (parts[0] != "*") {
    std::vector<std::string_view> bounds = splitOn(parts[0], '-');
    if (bounds.size() > 2) return backquoted(parts[0]) + " is not a range";
    if (auto e = parseCronValue(bounds[0], f, low)) return e;
    if (bounds.size() == 2) {
      if (auto e = parseCronValue(bounds[1], f, high)) return e;
      if (low > high) {
        return "the range " + backquoted(parts[0]) + " of the " + f.name + " field goes backwards";
      }
    } else if (parts.size() == 1) {
      high = low;  // a single value; `a/n` runs to the field's end
    }
  }
  for (int v = low; v <= high; v += step) bits |= uint64_t{1} << v;
  return std::nullopt;
}

// Days in `month` (1-12) at most, in a leap year.
int maxDaysIn(int month) {
  static constexpr int kDays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return kDays[month - 1];
}

std::optional<std::string> parseCron(std::string_view cron, CronSpec& spec) {
  std::vector<std::string_view> fields;
  size_t i = 0;
  while (i < cron.size()) {
    if (cron[i] == ' ' || cron[i] == '\t') {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < cron.size() && cron[i] != ' ' && cron[i] != '\t') ++i;
    fields.push_back(cron.substr(start, i - start));
  }
  if (fields.size() != 5) {
    return "a cron schedule has 5 fields (minute hour day-of-month month day-of-week), not " +
           std::to_string(fields.size());
  }
  for (size_t f = 0; f < 5; ++f) {
    for (std::string_view item : splitOn(fields[f], ',')) {
      if (auto e = parseCronItem(item, kCronFields[f], spec.bits[f])) return e;
    }
  }
  if (spec.bits[4] >> 7 & 1u) spec.bits[4] = (spec.bits[4] | 1u) & ~(uint64_t{1} << 7);
  spec.domStar = fields[2].front() == '*';
  spec.dowStar = fields[4].front() == '*';

  // Only the day-of-month alone can make a spec never match (with a restricted day-of-week
  // as well, any matching weekday will do): some listed month must have a listed day.
  if (!spec.domStar && spec.dowStar) {
    int firstDay = 1;
    while (!(spec.bits[2] >> firstDay & 1u)) ++firstDay;
    bool possible = false;
    for (int m = 1; m <= 12; ++m) {
      possible = possible || ((spec.bits[3] >> m & 1u) && firstDay <= maxDaysIn(m));
    }
    if (!possible) {
      return "the cron schedule never runs: no month of the month field has day " +
             std::to_string(firstDay);
    }
  }
  return std::nullopt;
}

bool cronDayMatches(const CronSpec& spec, const LocalDay& day) {
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

std::optional<Timestamp> quietHoursEnd(Timestamp t, const TimeZone& zone,
                                       const ir::QuietHoursIr& quiet) {
  int from = quiet.fromMinute, to = quiet.toMinute;
  if (from == to || from < 0 || to < 0 || from >= 24 * 60 || to >= 24 * 60) return std::nullopt;
  // When the offset holds over every day the search below looks at, local times map to
  // instants one to one: the time of day alone says whether t is inside a window (most sends
  // are not), and the window ends at the next local `to`, less than a day ahead.
  if (std::optional<int32_t> offset = zone.steadyOffset(t, 4 * kSecondsPerDay)) {
    int64_t local = t.seconds + *offset;
    int64_t dayStart = floorDiv(local, kSecondsPerDay) * kSecondsPerDay;
    int64_t second = local - dayStart;
    bool inside = from < to ? second >= from * 60 && second < to * 60
                            : second >= from * 60 || second < to * 60;
    if (!inside) return std::nullopt;
    int64_t end = dayStart + to * 60 + (second >= to * 60 ? kSecondsPerDay : 0);
    return Timestamp{end - *offset, 0};
  }
  CivilTime now = zone.toCivil(t);
  int64_t today = floorDiv(t.seconds + now.offsetSeconds, kSecondsPerDay);
  // The windows that start on the days around t's local date; earlier ones have ended and later
  // ones not begun, unless a DST jump of a day (Samoa) shifts them.
  std::optional<Timestamp> end;
  for (int64_t day = today - 2; day <= today + 1; ++day) {
    std::optional<Timestamp> start = instantAt(zone, day, from);
    if (!start || t < *start) continue;
    Timestamp stop = instantAt(zone, from < to ? day : day + 1, to).value_or(kNever);
    if (t < stop && (!end || *end < stop)) end = stop;
  }
  return end;
}

std::optional<std::string> cronError(const std::string& cron) {
  CronSpec spec;
  return parseCron(cron, spec);
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
      CronSpec spec;
      if (parseCron(schedule.cron, spec)) return kNever;
      return firstSlotAfter(after, zone, static_cast<uint32_t>(spec.bits[1]), spec.bits[0],
                            [&spec](const LocalDay& d) { return cronDayMatches(spec, d); });
    }
  }
  return kNever;
}

}  // namespace journey::runtime
