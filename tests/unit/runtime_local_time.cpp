// Runtime local time: next HH:MM, quiet hours and schedule ticks, across DST changes.
#include <doctest/doctest.h>
#include <date/date.h>

#include <optional>
#include <string>

#include "compiler/sema/cron.h"
#include "tests/unit/time_literals.h"
#include "vm/runtime/local_time.h"
#include "vm/value/calendar_math.h"
#include "vm/value/value_convert.h"

using namespace journey;
using journey::test::durationOf;
using journey::test::timestampOf;
using namespace journey::runtime;
using Kind = ir::ScheduleIr::Kind;

namespace {

TimeZone zone(std::string_view name) {
  std::optional<TimeZone> z = TimeZone::find(name);
  REQUIRE_MESSAGE(z.has_value(), name);
  return *z;
}

std::string show(Timestamp t) { return t == kNever ? "never" : formatTimestamp(t); }

std::string next(std::string_view after, std::string_view tz, int hour, int minute,
                 int weekday = -1) {
  return show(nextLocalTime(timestampOf(after), zone(tz), hour, minute, weekday));
}

std::string quietEnd(std::string_view t, std::string_view tz, int from, int to) {
  std::optional<Timestamp> end = quietHoursEnd(timestampOf(t), zone(tz), ir::QuietHoursIr{from, to});
  return end ? show(*end) : "outside";
}

std::string tick(const Schedule& s, std::string_view after, std::string_view tz = "UTC") {
  return show(nextTick(s, timestampOf(after), zone(tz)));
}

Schedule dayAt(int hour, int minute) {
  Schedule s;
  s.kind = Kind::DayAt;
  s.hour = hour;
  s.minute = minute;
  return s;
}

Schedule weekdayAt(int weekday, int hour, int minute) {
  Schedule s = dayAt(hour, minute);
  s.kind = Kind::WeekdayAt;
  s.weekday = weekday;
  return s;
}

Schedule hourly() {
  Schedule s;
  s.kind = Kind::Hour;
  return s;
}

Schedule every(std::string_view d) {
  Schedule s;
  s.kind = Kind::Every;
  s.every = durationOf(d);
  return s;
}

Schedule cron(std::string text) {
  Schedule s;
  s.kind = Kind::Cron;
  s.cron = std::move(text);
  return s;
}

std::string cronMessage(const std::string& spec) {
  std::variant<sema::CronSpec, sema::CronError> read = sema::parseCron(spec);
  const auto* error = std::get_if<sema::CronError>(&read);
  return error ? error->message : "ok";
}

constexpr int kNineAm = 9 * 60, kEightAm = 8 * 60, kNinePm = 21 * 60;

}  // namespace

TEST_SUITE("runtime local time") {

TEST_CASE("local time: next HH:MM in UTC and fixed offsets") {
  // 2026-03-02 is a Monday.
  CHECK(next("2026-03-02T08:00:00Z", "UTC", 9, 0) == "2026-03-02T09:00:00Z");
  CHECK(next("2026-03-02T10:00:00Z", "UTC", 9, 0) == "2026-03-03T09:00:00Z");
  CHECK(next("2026-03-02T09:00:00Z", "UTC", 9, 0) == "2026-03-03T09:00:00Z");  // strictly after
  CHECK(next("2026-03-02T08:59:59.999Z", "UTC", 9, 0) == "2026-03-02T09:00:00Z");
  CHECK(next("2026-03-02T09:00:00.001Z", "UTC", 9, 0) == "2026-03-03T09:00:00Z");
  CHECK(next("2026-12-31T23:30:00Z", "UTC", 0, 15) == "2027-01-01T00:15:00Z");
  CHECK(next("2026-03-02T08:00:00Z", "UTC", 9, 0, 1) == "2026-03-02T09:00:00Z");
  CHECK(next("2026-03-02T10:00:00Z", "UTC", 9, 0, 1) == "2026-03-09T09:00:00Z");
  CHECK(next("2026-03-02T10:00:00Z", "UTC", 9, 0, 0) == "2026-03-08T09:00:00Z");
  CHECK(next("2026-03-02T10:00:00Z", "UTC", 9, 0, 6) == "2026-03-07T09:00:00Z");
  CHECK(next("2026-03-02T00:00:00Z", "+05:30", 9, 0) == "2026-03-02T03:30:00Z");
  CHECK(next("2026-03-02T04:00:00Z", "+05:30", 9, 0) == "2026-03-03T03:30:00Z");
  // 23:00 at -03:00 is 02:00Z the next UTC day; the weekday is the local one (Monday).
  CHECK(next("2026-03-01T12:00:00Z", "-03:00", 23, 0, 1) == "2026-03-03T02:00:00Z");
  CHECK(next("1969-12-31T12:00:00Z", "UTC", 6, 0) == "1970-01-01T06:00:00Z");
}

TEST_CASE("local time: out of range arguments and results") {
  CHECK(next("2026-03-02T08:00:00Z", "UTC", 24, 0) == "never");
  CHECK(next("2026-03-02T08:00:00Z", "UTC", 9, 60) == "never");
  CHECK(next("2026-03-02T08:00:00Z", "UTC", -1, 0) == "never");
  CHECK(next("2026-03-02T08:00:00Z", "UTC", 9, 0, 7) == "never");
  CHECK(next("9999-12-31T10:00:00Z", "UTC", 9, 0) == "never");
  CHECK(next("9999-12-31T08:00:00Z", "UTC", 9, 0) == "9999-12-31T09:00:00Z");
  // Local 10000-01-01T09:00 at +14:00 is still in range.
  CHECK(next("9999-12-31T08:00:00Z", "+14:00", 9, 0) == "9999-12-31T19:00:00Z");
  CHECK(next("9999-12-31T20:00:00Z", "+14:00", 9, 0) == "never");
  CHECK(next("0001-01-01T00:00:00Z", "-05:00", 23, 0) == "0001-01-01T04:00:00Z");
}

TEST_CASE("local time: America/New_York across DST") {
  // 2026-03-08: 02:00 EST jumps to 03:00 EDT (07:00Z); 02:30 becomes 03:30 EDT.
  CHECK(next("2026-03-07T12:00:00Z", "America/New_York", 2, 30) == "2026-03-08T07:30:00Z");
  CHECK(next("2026-03-08T01:59:00-05:00", "America/New_York", 2, 30) == "2026-03-08T07:30:00Z");
  // At 03:10 EDT the day's 02:30, moved to 03:30, is still ahead.
  CHECK(next("2026-03-08T03:10:00-04:00", "America/New_York", 2, 30) == "2026-03-08T07:30:00Z");
  CHECK(next("2026-03-08T03:30:00-04:00", "America/New_York", 2, 30) == "2026-03-09T06:30:00Z");
  CHECK(next("2026-03-08T03:45:00-04:00", "America/New_York", 2, 30) == "2026-03-09T06:30:00Z");
  CHECK(next("2026-03-08T01:00:00-05:00", "America/New_York", 3, 0) == "2026-03-08T07:00:00Z");
  CHECK(next("2026-03-07T12:00:00Z", "America/New_York", 2, 30, 0) == "2026-03-08T07:30:00Z");
  // 2026-11-01: 02:00 EDT falls back to 01:00 EST (06:00Z); 01:30 happens twice, the first
  // (EDT) one counts and the second does not.
  CHECK(next("2026-10-31T12:00:00Z", "America/New_York", 1, 30) == "2026-11-01T05:30:00Z");
  CHECK(next("2026-11-01T01:30:00-04:00", "America/New_York", 1, 30) == "2026-11-02T06:30:00Z");
  CHECK(next("2026-11-01T01:15:00-05:00", "America/New_York", 1, 30) == "2026-11-02T06:30:00Z");
  CHECK(next("2026-11-01T01:15:00-04:00", "America/New_York", 2, 30) == "2026-11-01T07:30:00Z");
  CHECK(next("2026-11-01T01:45:00-05:00", "America/New_York", 1, 0) == "2026-11-02T06:00:00Z");
}

TEST_CASE("local time: Europe/Paris across DST") {
  // 2026-03-29 (a Sunday): 02:00 CET jumps to 03:00 CEST (01:00Z).
  CHECK(next("2026-03-28T12:00:00Z", "Europe/Paris", 2, 30) == "2026-03-29T01:30:00Z");
  CHECK(next("2026-03-29T03:05:00+02:00", "Europe/Paris", 2, 30) == "2026-03-29T01:30:00Z");
  CHECK(next("2026-03-29T03:30:00+02:00", "Europe/Paris", 2, 30) == "2026-03-30T00:30:00Z");
  CHECK(next("2026-03-23T00:00:00Z", "Europe/Paris", 2, 30, 0) == "2026-03-29T01:30:00Z");
  CHECK(next("2026-03-28T12:00:00Z", "Europe/Paris", 9, 0) == "2026-03-29T07:00:00Z");
  // 2026-10-25: 03:00 CEST falls back to 02:00 CET (01:00Z); 02:30 CEST is the one.
  CHECK(next("2026-10-24T12:00:00Z", "Europe/Paris", 2, 30) == "2026-10-25T00:30:00Z");
  CHECK(next("2026-10-25T02:30:00+02:00", "Europe/Paris", 2, 30) == "2026-10-26T01:30:00Z");
  CHECK(next("2026-10-25T02:10:00+01:00", "Europe/Paris", 2, 30) == "2026-10-26T01:30:00Z");
  CHECK(next("2026-10-25T02:10:00+01:00", "Europe/Paris", 3, 0) == "2026-10-25T02:00:00Z");
}

TEST_CASE("local time: a skipped day (Pacific/Apia, 2011-12-30)") {
  // Samoa went from 2011-12-29 23:59:59 -10:00 to 2011-12-31 00:00 +14:00; 09:00 on the
  // missing day moves forward a day, onto 2011-12-31 09:00.
  CHECK(next("2011-12-29T12:00:00-10:00", "Pacific/Apia", 9, 0) == "2011-12-30T19:00:00Z");
  CHECK(next("2011-12-31T00:00:00+14:00", "Pacific/Apia", 9, 0) == "2011-12-30T19:00:00Z");
  CHECK(next("2011-12-31T09:00:00+14:00", "Pacific/Apia", 9, 0) == "2011-12-31T19:00:00Z");
}

TEST_CASE("local time: quiet hours") {
  // 21:00 to 08:00 crosses midnight; Paris is at +01:00 in January.
  const char* paris = "Europe/Paris";
  CHECK(quietEnd("2026-01-15T22:00:00+01:00", paris, kNinePm, kEightAm) == "2026-01-16T07:00:00Z");
  CHECK(quietEnd("2026-01-16T03:00:00+01:00", paris, kNinePm, kEightAm) == "2026-01-16T07:00:00Z");
  CHECK(quietEnd("2026-01-16T00:00:00+01:00", paris, kNinePm, kEightAm) == "2026-01-16T07:00:00Z");
  CHECK(quietEnd("2026-01-15T12:00:00+01:00", paris, kNinePm, kEightAm) == "outside");
  CHECK(quietEnd("2026-01-15T21:00:00+01:00", paris, kNinePm, kEightAm) == "2026-01-16T07:00:00Z");
  CHECK(quietEnd("2026-01-15T20:59:59.9+01:00", paris, kNinePm, kEightAm) == "outside");
  CHECK(quietEnd("2026-01-16T08:00:00+01:00", paris, kNinePm, kEightAm) == "outside");
  CHECK(quietEnd("2026-01-16T07:59:59.5+01:00", paris, kNinePm, kEightAm) ==
        "2026-01-16T07:00:00Z");
  // A window inside one day.
  CHECK(quietEnd("2026-01-15T13:00:00Z", "UTC", 12 * 60, 14 * 60) == "2026-01-15T14:00:00Z");
  CHECK(quietEnd("2026-01-15T12:00:00Z", "UTC", 12 * 60, 14 * 60) == "2026-01-15T14:00:00Z");
  CHECK(quietEnd("2026-01-15T14:00:00Z", "UTC", 12 * 60, 14 * 60) == "outside");
  CHECK(quietEnd("2026-01-15T11:59:00Z", "UTC", 12 * 60, 14 * 60) == "outside");
  // from == to: no window.
  CHECK(quietEnd("2026-01-15T12:00:00Z", "UTC", kNineAm, kNineAm) == "outside");
  CHECK(quietEnd("2026-01-15T09:00:00Z", "UTC", kNineAm, kNineAm) == "outside");
  CHECK(quietEnd("2026-01-15T21:30:00+05:30", "+05:30", kNinePm, kEightAm) ==
        "2026-01-16T02:30:00Z");
  CHECK(quietEnd("2026-01-15T20:30:00+05:30", "+05:30", kNinePm, kEightAm) == "outside");
}

TEST_CASE("local time: quiet hours across DST") {
  const char* paris = "Europe/Paris";
  // The nights that contain a change: 21:00 CET to 08:00 CEST, 21:00 CEST to 08:00 CET.
  CHECK(quietEnd("2026-03-29T03:30:00+02:00", paris, kNinePm, kEightAm) == "2026-03-29T06:00:00Z");
  CHECK(quietEnd("2026-03-28T21:00:00+01:00", paris, kNinePm, kEightAm) == "2026-03-29T06:00:00Z");
  CHECK(quietEnd("2026-03-29T08:00:00+02:00", paris, kNinePm, kEightAm) == "outside");
  CHECK(quietEnd("2026-10-25T02:30:00+01:00", paris, kNinePm, kEightAm) == "2026-10-25T07:00:00Z");
  CHECK(quietEnd("2026-10-25T07:30:00+01:00", paris, kNinePm, kEightAm) == "2026-10-25T07:00:00Z");
  CHECK(quietEnd("2026-10-24T21:00:00+02:00", paris, kNinePm, kEightAm) == "2026-10-25T07:00:00Z");
  // An end in the gap moves forward: 02:30 is 03:30 EDT, so 03:10 EDT is still quiet.
  const char* ny = "America/New_York";
  CHECK(quietEnd("2026-03-08T03:10:00-04:00", ny, 22 * 60, 150) == "2026-03-08T07:30:00Z");
  CHECK(quietEnd("2026-03-08T01:00:00-05:00", ny, 22 * 60, 150) == "2026-03-08T07:30:00Z");
  CHECK(quietEnd("2026-03-08T03:30:00-04:00", ny, 22 * 60, 150) == "outside");
  // A start in the gap too: 02:30 to 05:00 starts at 03:30 EDT.
  CHECK(quietEnd("2026-03-08T03:10:00-04:00", ny, 150, 300) == "outside");
  CHECK(quietEnd("2026-03-08T03:30:00-04:00", ny, 150, 300) == "2026-03-08T09:00:00Z");
  // An end that happens twice closes the window at its first occurrence.
  CHECK(quietEnd("2026-11-01T01:15:00-04:00", ny, 22 * 60, 90) == "2026-11-01T05:30:00Z");
  CHECK(quietEnd("2026-11-01T01:15:00-05:00", ny, 22 * 60, 90) == "outside");
  // A start that happens twice opens it at the first, and it stays open.
  CHECK(quietEnd("2026-11-01T01:00:00-04:00", ny, 60, 6 * 60) == "2026-11-01T11:00:00Z");
  CHECK(quietEnd("2026-11-01T01:30:00-05:00", ny, 60, 6 * 60) == "2026-11-01T11:00:00Z");
}

// Quiet hours from their definition: t is inside when a window that starts at `from` on a
// local day near t's has begun and not yet ended; the end is the latest such window's.
std::string quietEndByDefinition(Timestamp t, const TimeZone& z, int from, int to) {
  auto instant = [&](date::sys_days day, int minute) -> std::optional<Timestamp> {
    date::year_month_day ymd{day};
    Value v = z.fromCivil(static_cast<int>(ymd.year()), static_cast<int>(unsigned(ymd.month())),
                          static_cast<int>(unsigned(ymd.day())), minute / 60, minute % 60, 0);
    if (v.isError()) return std::nullopt;
    return v.asTimestamp();
  };
  CivilTime c = z.toCivil(t);
  date::sys_days today{date::year(c.year) / date::month(unsigned(c.month)) /
                       date::day(unsigned(c.day))};
  std::optional<Timestamp> end;
  for (int k = -2; k <= 1; ++k) {
    date::sys_days day = today + date::days(k);
    std::optional<Timestamp> start = instant(day, from);
    std::optional<Timestamp> stop = instant(from < to ? day : day + date::days(1), to);
    if (start && stop && !(t < *start) && t < *stop && (!end || *end < *stop)) end = stop;
  }
  return end ? show(*end) : "outside";
}

TEST_CASE("local time: quiet hours agree with their definition, days of DST changes included") {
  // Every quarter hour, and a second before each, across the spring and autumn changes of four
  // zones (Lord Howe moves by 30 minutes), for windows that cross midnight, fit in a day, and
  // span a change's hour: every window edge is a quarter hour in every one of these zones.
  int checks = 0;
  for (std::string_view tz : {"UTC", "Europe/Paris", "America/New_York", "Australia/Lord_Howe"}) {
    TimeZone z = zone(tz);
    for (auto [from, to] : {std::pair{21 * 60, 8 * 60}, std::pair{9 * 60, 17 * 60},
                            std::pair{60 + 30, 3 * 60 + 15}, std::pair{23 * 60 + 30, 30}}) {
      for (std::string_view first : {"2026-03-06T00:00:00Z", "2026-03-27T00:00:00Z",
                                     "2026-04-02T00:00:00Z", "2026-10-02T00:00:00Z",
                                     "2026-10-23T00:00:00Z", "2026-10-30T00:00:00Z"}) {
        for (int64_t before : {0, 1}) {
          Timestamp t = timestampOf(first);
          t.seconds -= before;
          for (int step = 0; step < 4 * 24 * 4; ++step, t.seconds += 15 * 60) {
            std::optional<Timestamp> end = quietHoursEnd(t, z, ir::QuietHoursIr{from, to});
            INFO(tz, " ", from, "-", to, " at ", show(t));
            CHECK((end ? show(*end) : "outside") == quietEndByDefinition(t, z, from, to));
            ++checks;
          }
        }
      }
    }
  }
  CHECK(checks > 60000);
}

TEST_CASE("local time: every day at, every weekday at") {
  CHECK(tick(dayAt(9, 0), "2026-03-02T08:00:00Z") == "2026-03-02T09:00:00Z");
  CHECK(tick(dayAt(9, 0), "2026-03-02T09:00:00Z") == "2026-03-03T09:00:00Z");
  CHECK(tick(dayAt(9, 0), "2026-03-02T09:00:00Z", "Europe/Paris") == "2026-03-03T08:00:00Z");
  CHECK(tick(dayAt(9, 0), "2026-03-28T09:00:00Z", "Europe/Paris") == "2026-03-29T07:00:00Z");
  CHECK(tick(dayAt(2, 30), "2026-03-08T05:00:00Z", "America/New_York") ==
        "2026-03-08T07:30:00Z");
  CHECK(tick(dayAt(9, 0), "2026-03-02T00:00:00Z", "+05:30") == "2026-03-02T03:30:00Z");
  // `every monday at 09:00 in "Europe/Paris"`.
  CHECK(tick(weekdayAt(1, 9, 0), "2026-03-02T10:00:00Z", "Europe/Paris") ==
        "2026-03-09T08:00:00Z");
  CHECK(tick(weekdayAt(1, 9, 0), "2026-03-02T07:59:00Z", "Europe/Paris") ==
        "2026-03-02T08:00:00Z");
  CHECK(tick(weekdayAt(1, 9, 0), "2026-03-23T08:00:00Z", "Europe/Paris") ==
        "2026-03-30T07:00:00Z");
  CHECK(tick(weekdayAt(0, 2, 30), "2026-03-02T00:00:00Z", "America/New_York") ==
        "2026-03-08T07:30:00Z");
  CHECK(tick(weekdayAt(0, 1, 30), "2026-10-26T00:00:00Z", "America/New_York") ==
        "2026-11-01T05:30:00Z");
  CHECK(tick(weekdayAt(-1, 9, 0), "2026-03-02T00:00:00Z") == "never");
  CHECK(tick(weekdayAt(7, 9, 0), "2026-03-02T00:00:00Z") == "never");
}

TEST_CASE("local time: every hour") {
  CHECK(tick(hourly(), "2026-03-02T10:20:00Z") == "2026-03-02T11:00:00Z");
  CHECK(tick(hourly(), "2026-03-02T10:00:00Z") == "2026-03-02T11:00:00Z");
  CHECK(tick(hourly(), "2026-03-02T09:59:59.999Z") == "2026-03-02T10:00:00Z");
  CHECK(tick(hourly(), "2026-12-31T23:00:00Z") == "2027-01-01T00:00:00Z");
  // Local hours at +05:30 and +05:45 are at :30 and :15 past the UTC hour.
  CHECK(tick(hourly(), "2026-03-02T10:00:00Z", "+05:30") == "2026-03-02T10:30:00Z");
  CHECK(tick(hourly(), "2026-03-02T10:30:00Z", "+05:30") == "2026-03-02T11:30:00Z");
  CHECK(tick(hourly(), "2026-03-02T10:30:00Z", "Asia/Kolkata") == "2026-03-02T11:30:00Z");
  CHECK(tick(hourly(), "2026-03-02T10:20:00Z", "Asia/Kathmandu") == "2026-03-02T11:15:00Z");
  // Hourly ticks once per real hour across DST changes. Spring forward: 01:00 EST, then
  // 03:00 EDT one hour later.
  CHECK(tick(hourly(), "2026-03-08T01:00:00-05:00", "America/New_York") ==
        "2026-03-08T07:00:00Z");
  CHECK(tick(hourly(), "2026-03-08T03:00:00-04:00", "America/New_York") ==
        "2026-03-08T08:00:00Z");
  // Fall back: 01:00 EDT, 01:00 EST and 02:00 EST all tick.
  CHECK(tick(hourly(), "2026-11-01T01:00:00-04:00", "America/New_York") ==
        "2026-11-01T06:00:00Z");
  CHECK(tick(hourly(), "2026-11-01T01:20:00-05:00", "America/New_York") ==
        "2026-11-01T07:00:00Z");
  // Lord Howe moves by 30 minutes: its hours stay on its local clock.
  CHECK(tick(hourly(), "2026-10-04T01:10:00+10:30", "Australia/Lord_Howe") ==
        "2026-10-03T16:00:00Z");  // 02:00 does not exist: 03:00 (+11)
}

TEST_CASE("local time: every duration") {
  CHECK(tick(every("15m"), "2026-03-02T10:07:30Z") == "2026-03-02T10:15:00Z");
  CHECK(tick(every("15m"), "2026-03-02T10:15:00Z") == "2026-03-02T10:30:00Z");
  CHECK(tick(every("15m"), "2026-03-02T10:14:59.999999999Z") == "2026-03-02T10:15:00Z");
  // The zone is ignored: multiples of the duration since the epoch in absolute time.
  CHECK(tick(every("1h"), "2026-03-02T10:07:00Z", "+05:30") == "2026-03-02T10:30:00Z");
  // Multiples of D in the schedule's zone: `24h` in Paris ticks at local midnight, `12h` at
  // local 00:00 and 12:00.
  CHECK(tick(every("24h"), "2026-03-02T10:07:00Z", "Europe/Paris") == "2026-03-02T23:00:00Z");
  CHECK(tick(every("12h"), "2026-03-02T10:07:00Z", "Europe/Paris") == "2026-03-02T11:00:00Z");
  // Spring forward in New York: local 02:00 does not exist, the tick moves to 03:00 EDT.
  CHECK(tick(every("1h"), "2026-03-08T01:30:00-05:00", "America/New_York") ==
        "2026-03-08T07:00:00Z");
  // Fall back: the repeated 01:30 ticks at its first occurrence only.
  CHECK(tick(every("30m"), "2026-11-01T01:15:00-04:00", "America/New_York") ==
        "2026-11-01T05:30:00Z");
  CHECK(tick(every("30m"), "2026-11-01T01:30:00-04:00", "America/New_York") ==
        "2026-11-01T07:00:00Z");
  CHECK(tick(every("7s"), "1969-12-31T23:59:50Z") == "1969-12-31T23:59:53Z");
  CHECK(tick(every("7s"), "1969-12-31T23:59:53Z") == "1970-01-01T00:00:00Z");
  CHECK(tick(every("1.5s"), "1970-01-01T00:00:00Z") == "1970-01-01T00:00:01.5Z");
  CHECK(tick(every("1.5s"), "1969-12-31T23:59:59Z") == "1970-01-01T00:00:00Z");
  CHECK(tick(every("1.5s"), "1969-12-31T23:59:58Z") == "1969-12-31T23:59:58.5Z");
  CHECK(tick(every("1ns"), "2026-03-02T10:00:00Z") == "2026-03-02T10:00:00.000000001Z");
  CHECK(tick(every("0s"), "2026-03-02T10:00:00Z") == "never");
  CHECK(tick(every("-1h"), "2026-03-02T10:00:00Z") == "never");
  CHECK(tick(every("1h"), "9999-12-31T23:30:00Z") == "never");
}

TEST_CASE("local time: every duration across a spring-forward gap, in time order") {
  // `every 50m` in New York on 2026-03-08: readings 01:40 EST, 02:30 (skipped: 03:30 EDT,
  // 07:30Z), 03:20 EDT (07:20Z), 04:10 EDT. The moved 02:30 comes after the 03:20 read later.
  const char* ny = "America/New_York";
  CHECK(tick(every("50m"), "2026-03-08T06:40:00Z", ny) == "2026-03-08T07:20:00Z");
  CHECK(tick(every("50m"), "2026-03-08T07:20:00Z", ny) == "2026-03-08T07:30:00Z");
  CHECK(tick(every("50m"), "2026-03-08T07:30:00Z", ny) == "2026-03-08T08:10:00Z");
  // `every 40m`: 02:00 and 02:40 are skipped (03:00 and 03:40 EDT), 03:20 EDT is read.
  CHECK(tick(every("40m"), "2026-03-08T06:20:00Z", ny) == "2026-03-08T07:00:00Z");
  CHECK(tick(every("40m"), "2026-03-08T07:00:00Z", ny) == "2026-03-08T07:20:00Z");
  CHECK(tick(every("40m"), "2026-03-08T07:20:00Z", ny) == "2026-03-08T07:40:00Z");
  CHECK(tick(every("40m"), "2026-03-08T07:40:00Z", ny) == "2026-03-08T08:00:00Z");
  // Just after Dublin's gap (01:00 GMT -> 02:00 IST at 01:00Z): 01:30, skipped, is 02:30 IST.
  CHECK(tick(every("1h30m"), "2026-03-29T01:29:00Z", "Europe/Dublin") == "2026-03-29T01:30:00Z");
  CHECK(tick(every("1h30m"), "2026-03-29T01:30:00Z", "Europe/Dublin") == "2026-03-29T02:00:00Z");
}

// The next `every` tick from its definition: the earliest instant after `t` among the whole
// multiples of `period` minutes, read as local times within two days of t's reading.
std::string everyTickByDefinition(Timestamp t, const TimeZone& z, int64_t period) {
  int64_t reading = t.seconds + z.toCivil(t).offsetSeconds;
  int64_t first = floorDiv(reading - 2 * kSecondsPerDay, period * 60) * period * 60;
  std::optional<Timestamp> best;
  for (int64_t local = first; local <= reading + 2 * kSecondsPerDay; local += period * 60) {
    CivilTime c = TimeZone::utc().toCivil({local, 0});
    Timestamp at = z.fromCivil(c.year, c.month, c.day, c.hour, c.minute, 0).asTimestamp();
    if (t < at && (!best || at < *best)) best = at;
  }
  return best ? show(*best) : "none";
}

TEST_CASE("local time: every duration agrees with its definition, days of DST changes included") {
  // Each tick after the one before, through a day either side of the changes of zones that
  // move by an hour either way, by 30 minutes (Lord Howe) and by a whole day (Samoa, 2011).
  int checks = 0;
  for (auto [tz, start] : {std::pair{"America/New_York", "2026-03-07T00:00:00Z"},
                           std::pair{"America/New_York", "2026-10-31T00:00:00Z"},
                           std::pair{"Europe/Dublin", "2026-03-28T00:00:00Z"},
                           std::pair{"Europe/Dublin", "2026-10-24T00:00:00Z"},
                           std::pair{"Australia/Lord_Howe", "2026-10-03T00:00:00Z"},
                           std::pair{"Australia/Lord_Howe", "2026-04-04T00:00:00Z"},
                           std::pair{"Pacific/Apia", "2011-12-29T00:00:00Z"}}) {
    TimeZone z = zone(tz);
    for (int64_t period : {20, 40, 45, 50, 70, 90, 150, 420}) {
      Schedule s = every(std::to_string(period) + "m");
      Timestamp t = timestampOf(start);
      for (Timestamp end{t.seconds + 3 * kSecondsPerDay, 0}; t < end; ++checks) {
        INFO(std::string(tz), " every ", period, "m after ", show(t));
        std::string expected = everyTickByDefinition(t, z, period);
        Timestamp next = nextTick(s, t, z);
        REQUIRE(show(next) == expected);
        t = next;
      }
    }
  }
  CHECK(checks > 4000);
}

TEST_CASE("local time: cron ticks") {
  CHECK(tick(cron("*/15 * * * *"), "2026-03-02T10:07:00Z") == "2026-03-02T10:15:00Z");
  CHECK(tick(cron("*/15 * * * *"), "2026-03-02T10:45:00Z") == "2026-03-02T11:00:00Z");
  CHECK(tick(cron("* * * * *"), "2026-03-02T10:45:00Z") == "2026-03-02T10:46:00Z");
  CHECK(tick(cron("* * * * *"), "2026-03-02T10:45:59.5Z") == "2026-03-02T10:46:00Z");
  // Lists and ranges; `a/n` runs to the field's end.
  CHECK(tick(cron("5,10-12 8 * * *"), "2026-03-02T08:10:00Z") == "2026-03-02T08:11:00Z");
  CHECK(tick(cron("5,10-12 8 * * *"), "2026-03-02T08:12:00Z") == "2026-03-03T08:05:00Z");
  CHECK(tick(cron("0 8-18/5 * * *"), "2026-03-02T13:00:00Z") == "2026-03-02T18:00:00Z");
  CHECK(tick(cron("0 8-18/5 * * *"), "2026-03-02T18:00:00Z") == "2026-03-03T08:00:00Z");
  CHECK(tick(cron("30/10 * * * *"), "2026-03-02T10:51:00Z") == "2026-03-02T11:30:00Z");
  // Weekdays (2026-03-06 is a Friday), names in any case, 7 as Sunday.
  CHECK(tick(cron("0 9 * * 1-5"), "2026-03-06T10:00:00Z") == "2026-03-09T09:00:00Z");
  CHECK(tick(cron("0 9 * * MON,wed"), "2026-03-02T10:00:00Z") == "2026-03-04T09:00:00Z");
  CHECK(tick(cron("0 12 * * 7"), "2026-03-02T10:00:00Z") == "2026-03-08T12:00:00Z");
  CHECK(tick(cron("0 12 * * 5-7"), "2026-03-07T12:00:00Z") == "2026-03-08T12:00:00Z");
  CHECK(tick(cron("0 0 1 jan *"), "2026-03-02T10:00:00Z") == "2027-01-01T00:00:00Z");
  CHECK(tick(cron("0 0 1 * *"), "2026-03-02T10:00:00Z") == "2026-04-01T00:00:00Z");
  CHECK(tick(cron("0 0 31 * *"), "2026-03-31T00:00:00Z") == "2026-05-31T00:00:00Z");
  // Day-of-month and day-of-week both restricted: either matches (the 13th, or a Friday).
  // 2026-04-10 and 04-17 are Fridays, 04-13 a Monday.
  CHECK(tick(cron("0 0 13 * 5"), "2026-04-10T12:00:00Z") == "2026-04-13T00:00:00Z");
  CHECK(tick(cron("0 0 13 * 5"), "2026-04-13T00:00:00Z") == "2026-04-17T00:00:00Z");
  CHECK(tick(cron("0 0 31 2 fri"), "2026-03-02T00:00:00Z") == "2027-02-05T00:00:00Z");
  // One of them starting with `*` makes both apply: odd days that are Mondays.
  CHECK(tick(cron("0 0 */2 * 1"), "2026-04-01T00:00:00Z") == "2026-04-13T00:00:00Z");
  CHECK(tick(cron("0 0 13 * *"), "2026-04-10T12:00:00Z") == "2026-04-13T00:00:00Z");
  // 29 February, every four years, or eight around 2100.
  CHECK(tick(cron("0 0 29 2 *"), "2026-03-01T00:00:00Z") == "2028-02-29T00:00:00Z");
  CHECK(tick(cron("0 0 29 2 *"), "2096-03-01T00:00:00Z") == "2104-02-29T00:00:00Z");
  // In the zone's local time, with its DST rules.
  CHECK(tick(cron("0 9 * * *"), "2026-03-02T00:00:00Z", "+05:30") == "2026-03-02T03:30:00Z");
  CHECK(tick(cron("30 2 * * *"), "2026-03-08T05:00:00Z", "America/New_York") ==
        "2026-03-08T07:30:00Z");
  CHECK(tick(cron("30 1 * * *"), "2026-11-01T01:30:00-04:00", "America/New_York") ==
        "2026-11-02T06:30:00Z");
  CHECK(tick(cron("*/30 * * * *"), "2026-11-01T01:30:00-04:00", "America/New_York") ==
        "2026-11-01T07:00:00Z");
  CHECK(tick(cron("*/20 2 * * *"), "2026-03-08T01:50:00-05:00", "America/New_York") ==
        "2026-03-08T07:00:00Z");
  CHECK(tick(cron("*/20 2 * * *"), "2026-03-08T03:00:00-04:00", "America/New_York") ==
        "2026-03-08T07:20:00Z");
  CHECK(tick(cron("*/20 2 * * *"), "2026-03-08T03:40:00-04:00", "America/New_York") ==
        "2026-03-09T06:00:00Z");
  CHECK(tick(cron("0 9 * * mon"), "2026-03-23T12:00:00Z", "Europe/Paris") ==
        "2026-03-30T07:00:00Z");
  // Specs that do not parse or never match give no tick.
  CHECK(tick(cron("0 0 31 2 *"), "2026-03-02T00:00:00Z") == "never");
  CHECK(tick(cron("0 0 * *"), "2026-03-02T00:00:00Z") == "never");
  CHECK(tick(cron("0 0 * * *"), "9999-12-31T00:00:00Z") == "never");
}

TEST_CASE("local time: cron errors") {
  for (const char* ok : {"* * * * *", "0 9 * * mon-fri", "*/5 1-3,7 1 jan,JUL */2",
                         "0 0 29 2 *", "0 0 31 2 fri", "30/10 * * * *", "0 0 * * 7",
                         " \t0  0 *\t* *  ", "59 23 31 12 6", "0 0 31 1-3 *", "*/100 * * * *"}) {
    INFO(ok);
    CHECK(cronMessage(ok) == "ok");
  }
  CHECK(cronMessage("* * * *") ==
        "a cron schedule has 5 fields (minute hour day-of-month month day-of-week), not 4");
  CHECK(cronMessage("* * * * * *") ==
        "a cron schedule has 5 fields (minute hour day-of-month month day-of-week), not 6");
  CHECK(cronMessage("") ==
        "a cron schedule has 5 fields (minute hour day-of-month month day-of-week), not 0");
  CHECK(cronMessage("60 * * * *") == "`60` is out of range for the minute field (0-59)");
  CHECK(cronMessage("* 24 * * *") == "`24` is out of range for the hour field (0-23)");
  CHECK(cronMessage("* * 0 * *") == "`0` is out of range for the day-of-month field (1-31)");
  CHECK(cronMessage("* * * 13 *") == "`13` is out of range for the month field (1-12)");
  CHECK(cronMessage("* * * * 8") == "`8` is out of range for the day-of-week field (0-7)");
  CHECK(cronMessage("99999 * * * *") == "`99999` is out of range for the minute field (0-59)");
  CHECK(cronMessage("0-60 * * * *") == "`60` is out of range for the minute field (0-59)");
  CHECK(cronMessage("*/0 * * * *") == "the step `0` of the minute field must be a positive number");
  CHECK(cronMessage("* */x * * *") == "the step `x` of the hour field must be a positive number");
  CHECK(cronMessage("* * */ * *") ==
        "the step `` of the day-of-month field must be a positive number");
  CHECK(cronMessage("*/5/2 * * * *") == "`*/5/2` has two steps");
  CHECK(cronMessage("a * * * *") == "`a` is not a valid minute");
  CHECK(cronMessage("* * * foo *") == "`foo` is not a valid month");
  CHECK(cronMessage("* * * * monday") == "`monday` is not a valid day-of-week");
  CHECK(cronMessage("* * * * -1") == "a value is missing in the day-of-week field");
  CHECK(cronMessage("1,,2 * * * *") == "a value is missing in the minute field");
  CHECK(cronMessage("5-3 * * * *") == "the range `5-3` of the minute field goes backwards");
  CHECK(cronMessage("1-2-3 * * * *") == "`1-2-3` is not a range");
  CHECK(cronMessage("0 0 30 2 *") ==
        "the cron schedule never runs: no month of the month field has day 30");
  CHECK(cronMessage("0 0 31 4,6,9,11 *") ==
        "the cron schedule never runs: no month of the month field has day 31");
  CHECK(cronMessage("0 0 31 2 */2") ==
        "the cron schedule never runs: no month of the month field has day 31");
}

}  // TEST_SUITE
