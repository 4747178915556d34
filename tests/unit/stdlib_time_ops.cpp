// Timestamp and duration accessors, in UTC and in time zones.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "tests/unit/stdlib_support.h"
#include "vm/value/value_convert.h"

using namespace journey;
using journey::test::callOverload;
using journey::test::printCall;
using namespace journey::test::values;

TEST_SUITE_BEGIN("stdlib");

TEST_CASE("stdlib ext time: timestamp accessors in UTC") {
  Value t = ts("2009-02-13T23:31:30.123456789Z");
  CHECK(printCall("timestamp_to_year", {t}) == "2009");
  CHECK(printCall("timestamp_to_month", {t}) == "1");  // 0-based: February
  CHECK(printCall("timestamp_to_day_of_year", {t}) == "43");
  CHECK(printCall("timestamp_to_day_of_month", {t}) == "12");  // 0-based
  CHECK(printCall("timestamp_to_day_of_month_1_based", {t}) == "13");
  CHECK(printCall("timestamp_to_day_of_week", {t}) == "5");  // Friday
  CHECK(printCall("timestamp_to_hours", {t}) == "23");
  CHECK(printCall("timestamp_to_minutes", {t}) == "31");
  CHECK(printCall("timestamp_to_seconds", {t}) == "30");
  CHECK(printCall("timestamp_to_milliseconds", {t}) == "123");

  Value sunday = ts("2023-01-01T00:00:00Z");
  CHECK(printCall("timestamp_to_day_of_week", {sunday}) == "0");
  CHECK(printCall("timestamp_to_day_of_year", {sunday}) == "0");
  CHECK(printCall("timestamp_to_month", {sunday}) == "0");
  CHECK(printCall("timestamp_to_day_of_year", {ts("2024-12-31T12:00:00Z")}) == "365");
}

TEST_CASE("stdlib ext time: timestamps before 1970 and at the ends of the range") {
  Value before = ts("1969-12-31T23:59:58.5Z");
  CHECK(printCall("timestamp_to_year", {before}) == "1969");
  CHECK(printCall("timestamp_to_hours", {before}) == "23");
  CHECK(printCall("timestamp_to_minutes", {before}) == "59");
  CHECK(printCall("timestamp_to_seconds", {before}) == "58");
  CHECK(printCall("timestamp_to_milliseconds", {before}) == "500");
  CHECK(printCall("timestamp_to_day_of_week", {before}) == "3");  // Wednesday

  Value first = ts("0001-01-01T00:00:00Z");
  CHECK(printCall("timestamp_to_year", {first}) == "1");
  CHECK(printCall("timestamp_to_day_of_week", {first}) == "1");  // Monday (proleptic)
  CHECK(printCall("timestamp_to_hours_with_tz", {first, s("-05:00")}) == "19");
  CHECK(printCall("timestamp_to_year_with_tz", {first, s("-05:00")}) == "0");
  Value last = ts("9999-12-31T23:59:59.999999999Z");
  CHECK(printCall("timestamp_to_year", {last}) == "9999");
  CHECK(printCall("timestamp_to_milliseconds", {last}) == "999");
  CHECK(printCall("timestamp_to_year_with_tz", {last, s("+01:00")}) == "10000");
}

TEST_CASE("stdlib ext time: timestamp accessors with a time zone") {
  Value t = ts("2009-02-13T23:31:30Z");
  CHECK(printCall("timestamp_to_day_of_month_1_based_with_tz", {t, s("Australia/Sydney")}) ==
        "14");
  CHECK(printCall("timestamp_to_day_of_month_with_tz", {t, s("+11:00")}) == "13");
  CHECK(printCall("timestamp_to_day_of_month_with_tz",
                  {ts("2009-02-13T02:00:00Z"), s("-02:30")}) == "11");
  CHECK(printCall("timestamp_to_day_of_week_with_tz", {t, s("UTC")}) == "5");
  CHECK(printCall("timestamp_to_day_of_week_with_tz", {t, s("Asia/Tokyo")}) == "6");
  CHECK(printCall("timestamp_to_year_with_tz", {t, s("-09:30")}) == "2009");
  CHECK(printCall("timestamp_to_minutes_with_tz", {t, s("Asia/Kathmandu")}) == "16");
  CHECK(printCall("timestamp_to_month_with_tz", {t, s("UTC")}) == "1");
  CHECK(printCall("timestamp_to_seconds_with_tz", {t, s("-00:00")}) == "30");
  CHECK(printCall("timestamp_to_day_of_year_with_tz", {t, s("Asia/Tokyo")}) == "44");
  CHECK(printCall("timestamp_to_milliseconds_with_tz",
                  {ts("2009-02-13T23:31:30.987Z"), s("Europe/Paris")}) == "987");
  // Daylight saving time moves the offset.
  CHECK(printCall("timestamp_to_hours_with_tz", {ts("2024-01-15T12:00:00Z"),
                                                 s("Europe/Paris")}) == "13");
  CHECK(printCall("timestamp_to_hours_with_tz", {ts("2024-07-15T12:00:00Z"),
                                                 s("Europe/Paris")}) == "14");
  CHECK(printCall("timestamp_to_hours_with_tz", {ts("2024-07-15T12:00:00Z"),
                                                 s("America/Los_Angeles")}) == "5");
  // Repeated calls go through the zone cache; many zones cycle through it.
  for (int round = 0; round < 2; ++round) {
    for (const char* zone : {"Europe/Paris", "Asia/Tokyo", "+01:00", "-01:00", "UTC",
                             "America/New_York", "Europe/London", "Asia/Kolkata", "+05:30",
                             "Australia/Sydney"}) {
      CAPTURE(zone);
      CHECK(!callOverload("timestamp_to_hours_with_tz", {t, s(zone)}).isError());
    }
  }
  CHECK(printCall("timestamp_to_minutes_with_tz", {t, s("Asia/Kolkata")}) == "1");
}

TEST_CASE("stdlib ext time: a fixed offset may leave out its sign and an hour's leading zero") {
  Value t = ts("2009-02-13T23:31:30Z");
  CHECK(printCall("timestamp_to_hours_with_tz", {t, s("02:00")}) == "1");
  CHECK(printCall("timestamp_to_hours_with_tz", {t, s("2:00")}) == "1");
  CHECK(printCall("timestamp_to_hours_with_tz", {t, s("+2:00")}) == "1");
  CHECK(printCall("timestamp_to_hours_with_tz", {t, s("-2:30")}) == "21");
  CHECK(printCall("timestamp_to_minutes_with_tz", {t, s("-2:30")}) == "1");
  CHECK(printCall("timestamp_to_hours_with_tz", {t, s("-09:30")}) == "14");
}

TEST_CASE("stdlib ext time: an unknown time zone is an error") {
  Value t = ts("2009-02-13T23:31:30Z");
  for (const char* id : {"timestamp_to_year_with_tz", "timestamp_to_month_with_tz",
                         "timestamp_to_day_of_year_with_tz", "timestamp_to_day_of_month_with_tz",
                         "timestamp_to_day_of_month_1_based_with_tz",
                         "timestamp_to_day_of_week_with_tz", "timestamp_to_hours_with_tz",
                         "timestamp_to_minutes_with_tz", "timestamp_to_seconds_with_tz",
                         "timestamp_to_milliseconds_with_tz"}) {
    CAPTURE(id);
    CHECK(printCall(id, {t, s("Mars/Olympus_Mons")}) ==
          "<error: unknown time zone `Mars/Olympus_Mons`>");
  }
  for (const char* bad : {"", "+24:00", "+05:60", "0530", "+123:00", "1:5", ":30", "+:30",
                          "2:000", "+-2:00", "2:3a", "../../etc/passwd", "/etc/localtime",
                          "utc "}) {
    CAPTURE(bad);
    CHECK(callOverload("timestamp_to_hours_with_tz", {t, s(bad)}).isError());
  }
}

TEST_CASE("stdlib ext time: duration accessors give the whole duration in the unit, but "
          "milliseconds the part below a second") {
  Value d = dur("10000s");
  CHECK(printCall("duration_to_hours", {d}) == "2");
  CHECK(printCall("duration_to_minutes", {d}) == "166");
  CHECK(printCall("duration_to_seconds", {d}) == "10000");
  CHECK(printCall("duration_to_milliseconds", {d}) == "0");
  CHECK(printCall("duration_to_hours", {dur("3h")}) == "3");
  CHECK(printCall("duration_to_minutes", {dur("1h30m")}) == "90");
  CHECK(printCall("duration_to_seconds", {dur("1m30s")}) == "90");
  CHECK(printCall("duration_to_milliseconds", {dur("1.234s")}) == "234");
  CHECK(printCall("duration_to_milliseconds", {dur("0.9999s")}) == "999");
  CHECK(printCall("duration_to_milliseconds", {dur("2m3.0405s")}) == "40");
  // Negative durations truncate toward zero.
  CHECK(printCall("duration_to_hours", {dur("-90m")}) == "-1");
  CHECK(printCall("duration_to_seconds", {dur("-1.5s")}) == "-1");
  CHECK(printCall("duration_to_milliseconds", {dur("-1.5s")}) == "-500");
  CHECK(printCall("duration_to_milliseconds", {dur("-1.234s")}) == "-234");
  CHECK(printCall("duration_to_hours", {dur("0s")}) == "0");
  // The extremes: int64 nanoseconds.
  Value longest = Value::durationFromNanos(INT64_MAX);
  CHECK(printCall("duration_to_hours", {longest}) == "2562047");
  CHECK(printCall("duration_to_milliseconds", {longest}) == "854");
  Value shortest = Value::durationFromNanos(INT64_MIN);
  CHECK(printCall("duration_to_seconds", {shortest}) == "-9223372036");
}

TEST_SUITE_END();
