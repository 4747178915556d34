// Timestamp and duration accessors. A timestamp accessor takes an optional time zone (an IANA
// name like "Europe/Paris" or a fixed offset like "+05:30"); without one it reads UTC.
#include <array>
#include <optional>
#include <string>

#include "stdlib/domains.h"
#include "vm/value/checked_arith.h"
#include "vm/value/time_zone.h"

namespace journey::stdlib {

namespace {

enum class Part {
  Year,
  Month,       // 0-based
  DayOfYear,   // 0-based
  DayOfMonth,  // 0-based
  Date,        // 1-based day of the month
  DayOfWeek,   // 0 = Sunday
  Hours,
  Minutes,
  Seconds,
  Milliseconds,
};

int64_t partOf(Part part, const CivilTime& c) {
  switch (part) {
    case Part::Year: return c.year;
    case Part::Month: return c.month - 1;
    case Part::DayOfYear: return c.dayOfYear;
    case Part::DayOfMonth: return c.day - 1;
    case Part::Date: return c.day;
    case Part::DayOfWeek: return c.dayOfWeek;
    case Part::Hours: return c.hour;
    case Part::Minutes: return c.minute;
    case Part::Seconds: return c.second;
    case Part::Milliseconds: return c.nanos / 1'000'000;
  }
  return 0;
}

// Zones are named by constants in practice: remembering the last few resolved names keeps the
// tz database search out of the hot path.
class ZoneCache {
 public:
  std::optional<TimeZone> find(std::string_view name) {
    for (const Slot& slot : slots_) {
      if (slot.zone && slot.name == name) return slot.zone;
    }
    std::optional<TimeZone> zone = TimeZone::find(name);
    if (zone) {
      Slot& slot = slots_[next_];
      next_ = (next_ + 1) % slots_.size();
      slot.name.assign(name);
      slot.zone = zone;
    }
    return zone;
  }

 private:
  struct Slot {
    std::string name;
    std::optional<TimeZone> zone;
  };
  std::array<Slot, 8> slots_;
  size_t next_ = 0;
};

template <Part P>
Value timestampPart(const Value* a, CallContext&) {
  Timestamp t = a[0].asTimestamp();
  if constexpr (P == Part::Milliseconds) {
    return Value::integer(t.nanos / 1'000'000);
  } else if constexpr (P == Part::Hours || P == Part::Minutes || P == Part::Seconds) {
    // The time of day in UTC needs no calendar.
    int64_t secondOfDay = (t.seconds % 86400 + 86400) % 86400;
    if constexpr (P == Part::Hours) return Value::integer(secondOfDay / 3600);
    if constexpr (P == Part::Minutes) return Value::integer(secondOfDay / 60 % 60);
    return Value::integer(secondOfDay % 60);
  } else {
    return Value::integer(partOf(P, TimeZone::utc().toCivil(t)));
  }
}

template <Part P>
Value timestampPartInZone(const Value* a, CallContext&) {
  thread_local ZoneCache zones;
  std::optional<TimeZone> zone = zones.find(a[1].asString());
  if (!zone) return Value::error("unknown time zone `" + std::string(a[1].asString()) + "`");
  return Value::integer(partOf(P, zone->toCivil(a[0].asTimestamp())));
}

// The whole duration in a unit, truncated toward zero (`duration('90m').getHours()` is 1).
template <int64_t NanosPerUnit>
Value durationIn(const Value* a, CallContext&) {
  return Value::integer(durationNanos(a[0].asDuration()) / NanosPerUnit);
}

// The milliseconds within the duration's last second, signed like the duration
// (`duration('-1.234s').getMilliseconds()` is -234).
Value durationMillisecondsPart(const Value* a, CallContext&) {
  return Value::integer(durationNanos(a[0].asDuration()) % kNanosPerSecond / 1'000'000);
}

}  // namespace

void declareTime(std::vector<Overload>& out) {
  out.insert(out.end(), {
      {"getFullYear", "timestamp_to_year", true, {"timestamp"}, "int", &timestampPart<Part::Year>},
      {"getFullYear", "timestamp_to_year_with_tz", true, {"timestamp", "string"}, "int",
       &timestampPartInZone<Part::Year>},
      // Zero-based: January is 0.
      {"getMonth", "timestamp_to_month", true, {"timestamp"}, "int", &timestampPart<Part::Month>},
      {"getMonth", "timestamp_to_month_with_tz", true, {"timestamp", "string"}, "int",
       &timestampPartInZone<Part::Month>},
      // Zero-based: January 1st is 0.
      {"getDayOfYear", "timestamp_to_day_of_year", true, {"timestamp"}, "int",
       &timestampPart<Part::DayOfYear>},
      {"getDayOfYear", "timestamp_to_day_of_year_with_tz", true, {"timestamp", "string"}, "int",
       &timestampPartInZone<Part::DayOfYear>},
      // Zero-based day of the month.
      {"getDayOfMonth", "timestamp_to_day_of_month", true, {"timestamp"}, "int",
       &timestampPart<Part::DayOfMonth>},
      {"getDayOfMonth", "timestamp_to_day_of_month_with_tz", true, {"timestamp", "string"},
       "int", &timestampPartInZone<Part::DayOfMonth>},
      // One-based day of the month.
      {"getDate", "timestamp_to_day_of_month_1_based", true, {"timestamp"}, "int",
       &timestampPart<Part::Date>},
      {"getDate", "timestamp_to_day_of_month_1_based_with_tz", true, {"timestamp", "string"},
       "int", &timestampPartInZone<Part::Date>},
      // Sunday is 0.
      {"getDayOfWeek", "timestamp_to_day_of_week", true, {"timestamp"}, "int",
       &timestampPart<Part::DayOfWeek>},
      {"getDayOfWeek", "timestamp_to_day_of_week_with_tz", true, {"timestamp", "string"}, "int",
       &timestampPartInZone<Part::DayOfWeek>},
      {"getHours", "timestamp_to_hours", true, {"timestamp"}, "int", &timestampPart<Part::Hours>},
      {"getHours", "timestamp_to_hours_with_tz", true, {"timestamp", "string"}, "int",
       &timestampPartInZone<Part::Hours>},
      {"getMinutes", "timestamp_to_minutes", true, {"timestamp"}, "int",
       &timestampPart<Part::Minutes>},
      {"getMinutes", "timestamp_to_minutes_with_tz", true, {"timestamp", "string"}, "int",
       &timestampPartInZone<Part::Minutes>},
      {"getSeconds", "timestamp_to_seconds", true, {"timestamp"}, "int",
       &timestampPart<Part::Seconds>},
      {"getSeconds", "timestamp_to_seconds_with_tz", true, {"timestamp", "string"}, "int",
       &timestampPartInZone<Part::Seconds>},
      // The millisecond within the second (0..999).
      {"getMilliseconds", "timestamp_to_milliseconds", true, {"timestamp"}, "int",
       &timestampPart<Part::Milliseconds>},
      {"getMilliseconds", "timestamp_to_milliseconds_with_tz", true, {"timestamp", "string"},
       "int", &timestampPartInZone<Part::Milliseconds>},

      // On a duration, getHours, getMinutes and getSeconds are the whole duration in that
      // unit, truncated toward zero (duration('90m').getHours() is 1); getMilliseconds is only
      // the part below a second (duration('1.234s').getMilliseconds() is 234), as CEL's
      // language definition and its conformance suite say.
      {"getHours", "duration_to_hours", true, {"duration"}, "int",
       &durationIn<3600 * kNanosPerSecond>},
      {"getMinutes", "duration_to_minutes", true, {"duration"}, "int",
       &durationIn<60 * kNanosPerSecond>},
      {"getSeconds", "duration_to_seconds", true, {"duration"}, "int",
       &durationIn<kNanosPerSecond>},
      {"getMilliseconds", "duration_to_milliseconds", true, {"duration"}, "int",
       &durationMillisecondsPart},
  });
}

}  // namespace journey::stdlib
