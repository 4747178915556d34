// A zone's rule in the POSIX TZ form (`EST5EDT,M3.2.0,M11.1.0`), as the footer of a TZif file
// gives it (RFC 8536 §3.3): the offsets of the zone after the last transition the file lists.
// The system's files list transitions only up to 2037, and date's tz, reading them, ignores the
// footer; TimeZone asks this rule for later instants.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace journey {

class PosixTzRule {
 public:
  // nullopt for a malformed string, or one with a daylight-saving name but no rules (POSIX
  // leaves their default to the implementation; no TZif footer omits them).
  static std::optional<PosixTzRule> parse(std::string_view text);

  // A stretch of time over which the offset (local time minus UTC, in seconds) holds:
  // [begin, end) in seconds since the epoch, INT64_MIN / INT64_MAX where unbounded.
  struct Span {
    int64_t begin = 0, end = 0;
    int32_t offset = 0;
  };
  Span spanAt(int64_t seconds) const;

  // The offset with which a local reading (seconds since 1970-01-01T00:00 local) becomes an
  // instant: a reading skipped by a forward jump takes the offset before the jump (it moves
  // forward by the jump's length); a repeated one the earlier offset (its first occurrence).
  int32_t localOffset(int64_t local) const;

  bool hasDst() const noexcept { return hasDst_; }
  int32_t standardOffset() const noexcept { return stdOffset_; }

  // A rule's date in a year: `Mm.w.d` (week 5 is the last), `Jn` (1..365, 29 February not
  // counted) or `n` (0..365, counted); `time` is local, -167h..167h (RFC 8536's extension).
  struct DateRule {
    enum class Kind { MonthWeekDay, Julian1, Julian0 } kind = Kind::MonthWeekDay;
    int month = 0, week = 0, weekday = 0;  // MonthWeekDay
    int day = 0;                           // Julian1, Julian0
    int32_t time = 7200;                   // seconds after the local midnight; POSIX's 02:00
  };

 private:
  struct Change {
    int64_t at = 0;  // the instant
    int32_t before = 0, after = 0;
  };
  // The offset changes of the years around `year`, in time order, none that keeps the offset.
  int changesAround(int64_t year, Change (&out)[10]) const;

  int32_t stdOffset_ = 0, dstOffset_ = 0;
  bool hasDst_ = false;
  DateRule start_, end_;
};

}  // namespace journey
