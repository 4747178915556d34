// Time zones after the last transition their files list (2037): the footer's rule goes on.
// Expected instants are Python's zoneinfo's, written here as literals.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "tests/unit/time_literals.h"
#include "vm/value/time_zone.h"

using namespace journey;
using journey::test::timestampOf;

namespace {

TimeZone zone(std::string_view name) {
  std::optional<TimeZone> z = TimeZone::find(name);
  REQUIRE_MESSAGE(z.has_value(), name);
  return *z;
}

// The local reading of an instant, as `HH:MM:SS+offset-in-minutes`.
std::string reading(std::string_view name, std::string_view at) {
  CivilTime c = zone(name).toCivil(timestampOf(at));
  char text[32];
  std::snprintf(text, sizeof text, "%02d:%02d:%02d%+lld", c.hour, c.minute, c.second,
                static_cast<long long>(c.offsetSeconds / 60));
  return text;
}

std::string instant(std::string_view name, int64_t year, int month, int day, int hour,
                    int minute) {
  Value v = zone(name).fromCivil(year, month, day, hour, minute, 0);
  REQUIRE(v.kind() == ValueKind::Timestamp);
  return formatTimestamp(v.asTimestamp());
}

}  // namespace

TEST_SUITE("value") {

TEST_CASE("time zones after 2037: instants to local time") {
  CHECK(reading("America/New_York", "2040-07-01T12:00:00Z") == "08:00:00-240");
  CHECK(reading("Australia/Lord_Howe", "2040-07-01T12:00:00Z") == "22:30:00+630");
  CHECK(reading("America/New_York", "2037-07-01T12:00:00Z") == "08:00:00-240");
  // The first change after the last listed one, and the changes of later years.
  CHECK(reading("America/New_York", "2038-03-14T06:59:59Z") == "01:59:59-300");
  CHECK(reading("America/New_York", "2038-03-14T07:00:00Z") == "03:00:00-240");
  CHECK(reading("America/New_York", "2075-11-03T05:59:59Z") == "01:59:59-240");
  CHECK(reading("America/New_York", "2075-11-03T06:00:00Z") == "01:00:00-300");
  CHECK(reading("Australia/Lord_Howe", "2040-10-06T15:29:59Z") == "01:59:59+630");
  CHECK(reading("Australia/Lord_Howe", "2040-10-06T15:30:00Z") == "02:30:00+660");
  CHECK(reading("Europe/Paris", "2099-10-25T00:59:59Z") == "02:59:59+120");
  CHECK(reading("Europe/Paris", "2099-10-25T01:00:00Z") == "02:00:00+60");
  CHECK(reading("Asia/Tokyo", "2099-07-01T00:00:00Z") == "09:00:00+540");
  // Twice in a row within one stretch: the second answer comes from the thread's cache.
  CHECK(reading("America/New_York", "2061-07-01T12:00:00Z") == "08:00:00-240");
  CHECK(reading("America/New_York", "2061-07-02T12:00:00Z") == "08:00:00-240");
}

TEST_CASE("time zones after 2037: local times to instants") {
  CHECK(instant("America/New_York", 2040, 7, 1, 9, 0) == "2040-07-01T13:00:00Z");
  CHECK(instant("America/New_York", 2040, 3, 11, 2, 30) == "2040-03-11T07:30:00Z");  // skipped
  CHECK(instant("America/New_York", 2040, 11, 4, 1, 30) == "2040-11-04T05:30:00Z");  // twice
  CHECK(instant("Australia/Lord_Howe", 2040, 7, 1, 9, 0) == "2040-06-30T22:30:00Z");
  CHECK(instant("Australia/Lord_Howe", 2040, 10, 7, 2, 15) == "2040-10-06T15:45:00Z");
  CHECK(instant("Australia/Lord_Howe", 2040, 4, 1, 1, 45) == "2040-03-31T14:45:00Z");
  CHECK(instant("Europe/Paris", 2075, 3, 31, 2, 30) == "2075-03-31T01:30:00Z");
  CHECK(instant("Europe/Paris", 2075, 10, 27, 2, 30) == "2075-10-27T00:30:00Z");
  // Around the last listed change (2037-11-01), read from the file's transitions.
  CHECK(instant("America/New_York", 2037, 11, 1, 1, 30) == "2037-11-01T05:30:00Z");
  CHECK(instant("America/New_York", 2037, 11, 2, 9, 0) == "2037-11-02T14:00:00Z");
  CHECK(instant("America/New_York", 2038, 3, 14, 2, 30) == "2038-03-14T07:30:00Z");
}

TEST_CASE("time zones after 2037: a steady offset ends at the footer's changes") {
  TimeZone newYork = zone("America/New_York");
  CHECK(newYork.steadyOffset(timestampOf("2040-07-01T12:00:00Z"), 86400) == -4 * 3600);
  CHECK_FALSE(newYork.steadyOffset(timestampOf("2040-11-04T00:00:00Z"), 86400).has_value());
  CHECK_FALSE(newYork.steadyOffset(timestampOf("2040-03-11T12:00:00Z"), 86400).has_value());
}

}  // TEST_SUITE
