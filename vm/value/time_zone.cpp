#include "vm/value/time_zone.h"

#include <date/tz.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>

#include "vm/value/calendar_math.h"
#include "vm/value/posix_tz_rule.h"
#include "vm/value/tzif_footer.h"

namespace journey {

namespace {

// `+HH:MM` or `-HH:MM`, as CEL's grammar writes a fixed zone; also without the sign and with a
// one-digit hour (`02:00`, `2:00`, `-2:30`), which its conformance suite and cel-go accept.
std::optional<int32_t> parseFixedOffset(std::string_view s) {
  bool negative = !s.empty() && s[0] == '-';
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  size_t colon = s.find(':');
  if (colon != 1 && colon != 2) return std::nullopt;
  if (s.size() != colon + 3) return std::nullopt;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i != colon && !isDigit(s[i])) return std::nullopt;
  }
  int hours = colon == 1 ? s[0] - '0' : (s[0] - '0') * 10 + (s[1] - '0');
  int minutes = (s[colon + 1] - '0') * 10 + (s[colon + 2] - '0');
  if (hours > 23 || minutes > 59) return std::nullopt;
  int32_t offset = hours * 3600 + minutes * 60;
  return negative ? -offset : offset;
}

// Where date's tz, as Debian builds it, reads the zones: one TZif file per name.
constexpr std::string_view kZoneDirectory = "/usr/share/zoneinfo/";

// The rule of a zone's TZif footer and the instant of the last transition its file lists, from
// which the rule applies. date's tz ignores the footer and keeps the last offset for ever: the
// system's files list transitions up to 2037 only.
struct Footer {
  int64_t from = 0;
  PosixTzRule rule;
};

// The footer of a zone with daylight saving in it (one without says what date's last offset
// says); null for others. Read once per zone and process; asked only for an instant after the
// last listed transition that the thread's cache (spanAt) does not hold.
const Footer* footerOf(const date::time_zone* zone) {
  static std::mutex mutex;
  static std::unordered_map<const date::time_zone*, std::optional<Footer>> footers;
  std::lock_guard<std::mutex> lock(mutex);
  auto [it, fresh] = footers.try_emplace(zone);
  if (fresh) {
    std::optional<std::string> text = readTzifFooter(std::string(kZoneDirectory) + zone->name());
    std::optional<PosixTzRule> rule = text ? PosixTzRule::parse(*text) : std::nullopt;
    if (rule && rule->hasDst()) {
      date::sys_info last =
          zone->get_info(date::sys_seconds{std::chrono::seconds(kMaxTimestampSeconds)});
      it->second = Footer{last.begin.time_since_epoch().count(), *rule};
    }
  }
  return it->second ? &*it->second : nullptr;
}

// A stretch of time over which a zone's UTC offset holds: [begin, end) in seconds since the
// epoch. The runtime asks about the same few zones and seasons at every send (quiet hours),
// and date's get_info searches the zone's transitions and copies an abbreviation each time:
// each thread keeps the last stretch found per zone, in a small table indexed by the zone.
struct OffsetSpan {
  const date::time_zone* zone = nullptr;
  int64_t begin = 0, end = 0;
  int32_t offset = 0;
  const Footer* footer = nullptr;  // the zone's footer, when this stretch is after its `from`
};

const OffsetSpan& spanAt(const date::time_zone* zone, int64_t seconds) {
  thread_local std::array<OffsetSpan, 64> spans;
  OffsetSpan& span = spans[(reinterpret_cast<uintptr_t>(zone) / 64) % spans.size()];
  if (span.zone == zone && span.begin <= seconds && seconds < span.end) return span;
  date::sys_info info = zone->get_info(date::sys_seconds{std::chrono::seconds(seconds)});
  span = {zone, info.begin.time_since_epoch().count(), info.end.time_since_epoch().count(),
          static_cast<int32_t>(info.offset.count()), nullptr};
  // The last stretch date knows ends past the timestamp range; the footer's rule goes on.
  if (span.end > kMaxTimestampSeconds) {
    if (const Footer* footer = footerOf(zone)) {
      PosixTzRule::Span rule = footer->rule.spanAt(seconds);
      span.begin = std::max(span.begin, rule.begin);
      span.end = rule.end;
      span.offset = rule.offset;
      span.footer = footer;
    }
  }
  return span;
}

// The zones found by name, per thread. date's locate_zone searches the database's 600 names by
// string comparison at each call, and the runtime asks for the same few zones at every send with
// quiet hours and every local-time wait: two ways per set, so that two of a run's zones whose
// names share a set do not evict each other at every other send.
class FoundZones {
 public:
  const TimeZone* find(std::string_view name) {
    Set& set = setOf(name);
    for (Found& way : set) {
      if (way.known && way.name == name) return &way.zone;
    }
    return nullptr;
  }
  void add(std::string_view name, const TimeZone& zone) {
    Set& set = setOf(name);
    set[1] = std::move(set[0]);  // the older one goes
    set[0] = Found{std::string(name), zone, true};
  }

 private:
  struct Found {
    std::string name;
    TimeZone zone = TimeZone::utc();
    bool known = false;
  };
  using Set = std::array<Found, 2>;
  Set& setOf(std::string_view name) {
    return sets_[std::hash<std::string_view>{}(name) % sets_.size()];
  }
  std::array<Set, 64> sets_;
};

}  // namespace

std::optional<TimeZone> TimeZone::find(std::string_view name) {
  thread_local FoundZones found;
  if (const TimeZone* zone = found.find(name)) return *zone;
  std::optional<TimeZone> zone = findUncached(name);
  if (zone) found.add(name, *zone);
  return zone;
}

std::optional<TimeZone> TimeZone::findUncached(std::string_view name) {
  TimeZone tz;
  if (name == "UTC") return tz;
  if (auto offset = parseFixedOffset(name)) {
    tz.offsetSeconds_ = *offset;
    return tz;
  }
  if (name.empty() || name.front() == '/' || name.find("..") != std::string_view::npos) {
    return std::nullopt;  // never let a name wander outside the zone directory
  }
  // The zone directory names the machine's own setting so: not a zone, and a program reading
  // it would give other results on another machine.
  if (name == "localtime") return std::nullopt;
  try {
    tz.zone_ = date::locate_zone(name);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  return tz;
}

std::optional<int32_t> TimeZone::steadyOffset(Timestamp t, int64_t span) const {
  if (!zone_) return offsetSeconds_;
  const OffsetSpan& steady = spanAt(zone_, t.seconds);
  if (t.seconds - span < steady.begin || t.seconds + span >= steady.end) return std::nullopt;
  return steady.offset;
}

CivilTime TimeZone::toCivil(Timestamp t) const {
  int64_t offset = offsetSeconds_;
  if (zone_) offset = spanAt(zone_, t.seconds).offset;
  int64_t local = t.seconds + offset;
  int64_t days = floorDiv(local, kSecondsPerDay);
  int64_t secondOfDay = local - days * kSecondsPerDay;
  date::sys_days day{date::days(days)};
  date::year_month_day ymd{day};

  CivilTime c;
  c.year = static_cast<int>(ymd.year());
  c.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  c.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  c.hour = static_cast<int>(secondOfDay / 3600);
  c.minute = static_cast<int>(secondOfDay / 60 % 60);
  c.second = static_cast<int>(secondOfDay % 60);
  c.nanos = t.nanos;
  c.dayOfWeek = static_cast<int>(date::weekday(day).c_encoding());
  c.dayOfYear = static_cast<int>((day - date::sys_days(ymd.year() / 1 / 1)).count());
  c.offsetSeconds = offset;
  return c;
}

Value TimeZone::fromCivil(int64_t year, int month, int day, int hour, int minute, int second,
                          int32_t nanos) const {
  if (year < -32767 || year > 32767 || month < 1 || month > 12 || day < 1 || hour < 0 ||
      hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return Value::error("invalid date or time");
  }
  date::year_month_day ymd{date::year(static_cast<int>(year)),
                           date::month(static_cast<unsigned>(month)),
                           date::day(static_cast<unsigned>(day))};
  if (!ymd.ok()) return Value::error("invalid date or time");
  int64_t local = date::local_days(ymd).time_since_epoch().count() * kSecondsPerDay +
                  hour * 3600 + minute * 60 + second;
  int64_t offset = offsetSeconds_;
  if (zone_) {
    // A local time a day or more inside a stretch of one offset, read with that offset, is
    // unique (no jump is longer than a day): the stretch of the instant it would be, cached.
    const OffsetSpan& guess = spanAt(zone_, local);  // within a day of the instant
    int64_t instant = local - guess.offset;
    if (guess.begin + kSecondsPerDay <= instant && instant < guess.end - kSecondsPerDay) {
      offset = guess.offset;
    } else if (guess.footer && local >= guess.footer->from + 2 * kSecondsPerDay) {
      // Past the last listed transition by more than any offset: the footer's rule alone.
      offset = guess.footer->rule.localOffset(local);
    } else {
      date::local_seconds when{std::chrono::seconds(local)};
      // For a skipped time `first` is the period before the jump, which moves the time forward
      // by the jump; for a repeated time it is the earlier period: the first occurrence.
      offset = zone_->get_info(when).first.offset.count();
    }
  }
  return Value::timestamp(local - offset, nanos);
}

}  // namespace journey
