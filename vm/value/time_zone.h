// Time zones as CEL names them (langdef "Timezones"): `UTC`, IANA names (`Europe/Paris`,
// `US/Central`) from the system's tz database, and fixed offsets `+05:30` / `-02:00`. Used
// by the timestamp accessors with a zone (`getHours("Europe/Paris")`) and by the runtime's
// local-time rules (quiet hours, schedules).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "vm/value/value.h"

namespace date {
class time_zone;
}

namespace journey {

// A timestamp's wall-clock reading in some zone.
struct CivilTime {
  int64_t year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  int hour = 0;
  int minute = 0;
  int second = 0;
  int32_t nanos = 0;
  int dayOfWeek = 4;  // 0 = Sunday
  int dayOfYear = 0;  // 0-based
  int64_t offsetSeconds = 0;  // local time minus UTC
};

class TimeZone {
 public:
  static TimeZone utc() noexcept { return TimeZone(); }
  // nullopt for a name that is neither a known zone nor a well-formed offset.
  static std::optional<TimeZone> find(std::string_view name);

  CivilTime toCivil(Timestamp t) const;
  // The UTC offset at `t` when it holds from `span` seconds before `t` to `span` seconds after
  // (no daylight-saving change between); none otherwise.
  std::optional<int32_t> steadyOffset(Timestamp t, int64_t span) const;

  // The instant of a local date and time. A time skipped by a daylight-saving jump moves
  // forward by the jump's length (02:30 on a 02:00 -> 03:00 night is 03:30); a time that occurs
  // twice takes its first occurrence (LANGUAGE.md §5). An invalid date or a result outside the
  // timestamp range gives an Error value.
  Value fromCivil(int64_t year, int month, int day, int hour, int minute, int second,
                  int32_t nanos = 0) const;

  bool isFixedOffset() const noexcept { return zone_ == nullptr; }
  // The same zone: the same database entry, or the same fixed offset.
  friend bool operator==(const TimeZone&, const TimeZone&) = default;
  size_t hash() const noexcept {
    return reinterpret_cast<uintptr_t>(zone_) ^ static_cast<uint32_t>(offsetSeconds_);
  }

 private:
  TimeZone() = default;
  static std::optional<TimeZone> findUncached(std::string_view name);
  const date::time_zone* zone_ = nullptr;  // null: the fixed offset below
  int32_t offsetSeconds_ = 0;
};

}  // namespace journey
