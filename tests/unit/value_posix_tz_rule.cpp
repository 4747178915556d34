// POSIX TZ rules, as TZif footers give them: parsing, offsets at instants and local readings.
// Expected instants in 2038–2100 are Python's zoneinfo's (which applies the footers) for the
// zones these footers come from, written here as literals.
#include <date/tz.h>
#include <doctest/doctest.h>

#include <string>

#include "tests/unit/time_literals.h"
#include "vm/value/posix_tz_rule.h"
#include "vm/value/tzif_footer.h"

using namespace journey;
using journey::test::timestampOf;

namespace {

PosixTzRule ruleOf(std::string_view text) {
  std::optional<PosixTzRule> rule = PosixTzRule::parse(text);
  REQUIRE_MESSAGE(rule.has_value(), text);
  return *rule;
}

int64_t secondsOf(std::string_view text) { return timestampOf(text).seconds; }

// One offset change: at the instant `at` the offset goes from `before` to `after` (seconds).
struct Change {
  const char* at;
  int32_t before, after;
};

void checkChanges(std::string_view text, std::initializer_list<Change> changes) {
  PosixTzRule rule = ruleOf(text);
  for (const Change& c : changes) {
    INFO(text, " at ", c.at);
    int64_t at = secondsOf(c.at);
    PosixTzRule::Span before = rule.spanAt(at - 1), after = rule.spanAt(at);
    CHECK(before.offset == c.before);
    CHECK(before.end == at);
    CHECK(after.offset == c.after);
    CHECK(after.begin == at);
    CHECK(rule.spanAt(at + 3600).begin == at);
  }
}

}  // namespace

TEST_SUITE("value") {

TEST_CASE("POSIX TZ rules: what parses") {
  for (const char* good :
       {"EST5EDT,M3.2.0,M11.1.0", "<+1030>-10:30<+11>-11,M10.1.0,M4.1.0", "JST-9", "<-03>3",
        "IST-1GMT0,M10.5.0,M3.5.0/1", "<-02>2<-01>,M3.5.0/-1,M10.5.0/0",
        "IST-2IDT,M3.4.4/26,M10.5.0", "<-04>4<-03>,M9.1.6/24,M4.1.6/24", "EST5EDT4,0/0,J365/25",
        "XXX+3:30:15YYY,J60/167,300/-167:00:00", "UTC0", "<+00>0"}) {
    INFO(good);
    CHECK(PosixTzRule::parse(good).has_value());
  }
  for (const char* bad :
       {"", "EST", "ES5", "EST", "EST5EDT", "EST5EDT,M3.2.0", "EST5EDT,M3.2.0,M11.1.0,",
        "EST5EDT,M13.2.0,M11.1.0", "EST5EDT,M3.6.0,M11.1.0", "EST5EDT,M3.2.7,M11.1.0",
        "EST5EDT,J0,J365", "EST5EDT,366,J365", "EST5EDT,M3.2.0/168,M11.1.0", "EST25",
        "EST5:60", "<+1>-1", "<+01-1", "EST5EDT,M3.2.0/2:60,M11.1.0", "EST 5"}) {
    INFO(bad);
    CHECK_FALSE(PosixTzRule::parse(bad).has_value());
  }
  CHECK(ruleOf("EST5EDT,M3.2.0,M11.1.0").standardOffset() == -5 * 3600);
  CHECK(ruleOf("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0").standardOffset() == 37800);
  CHECK(ruleOf("XXX+3:30:15YYY,J60/167,300/-167").standardOffset() == -(3 * 3600 + 1815));
  CHECK_FALSE(ruleOf("JST-9").hasDst());
  CHECK(ruleOf("EST5EDT,M3.2.0,M11.1.0").hasDst());
}

TEST_CASE("POSIX TZ rules: offset changes in 2038-2100") {
  // America/New_York: the second Sunday of March, the first of November, at 02:00 local.
  checkChanges("EST5EDT,M3.2.0,M11.1.0",
               {{"2038-03-14T07:00:00Z", -18000, -14400},
                {"2038-11-07T06:00:00Z", -14400, -18000},
                {"2061-03-13T07:00:00Z", -18000, -14400},
                {"2061-11-06T06:00:00Z", -14400, -18000},
                {"2100-03-14T07:00:00Z", -18000, -14400},
                {"2100-11-07T06:00:00Z", -14400, -18000}});
  // Europe/Paris: the last Sundays of March (02:00) and October (03:00).
  checkChanges("CET-1CEST,M3.5.0,M10.5.0/3",
               {{"2038-03-28T01:00:00Z", 3600, 7200}, {"2038-10-31T01:00:00Z", 7200, 3600},
                {"2061-03-27T01:00:00Z", 3600, 7200}, {"2061-10-30T01:00:00Z", 7200, 3600},
                {"2100-03-28T01:00:00Z", 3600, 7200}, {"2100-10-31T01:00:00Z", 7200, 3600}});
  // Australia/Lord_Howe: 30 minutes of daylight saving, southern summer.
  checkChanges("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0",
               {{"2038-04-03T15:00:00Z", 39600, 37800}, {"2038-10-02T15:30:00Z", 37800, 39600},
                {"2061-04-02T15:00:00Z", 39600, 37800}, {"2061-10-01T15:30:00Z", 37800, 39600},
                {"2100-04-03T15:00:00Z", 39600, 37800}, {"2100-10-02T15:30:00Z", 37800, 39600}});
  // Australia/Sydney and Pacific/Auckland: southern summers, ends at 03:00.
  checkChanges("AEST-10AEDT,M10.1.0,M4.1.0/3",
               {{"2038-04-03T16:00:00Z", 39600, 36000}, {"2038-10-02T16:00:00Z", 36000, 39600},
                {"2100-04-03T16:00:00Z", 39600, 36000}, {"2100-10-02T16:00:00Z", 36000, 39600}});
  checkChanges("NZST-12NZDT,M9.5.0,M4.1.0/3",
               {{"2038-04-03T14:00:00Z", 46800, 43200}, {"2038-09-25T14:00:00Z", 43200, 46800},
                {"2061-04-02T14:00:00Z", 46800, 43200}, {"2061-09-24T14:00:00Z", 43200, 46800}});
  // America/Santiago: changes at 24:00 on a Saturday.
  checkChanges("<-04>4<-03>,M9.1.6/24,M4.1.6/24",
               {{"2038-04-04T03:00:00Z", -10800, -14400},
                {"2038-09-05T04:00:00Z", -14400, -10800},
                {"2100-04-04T03:00:00Z", -10800, -14400},
                {"2100-09-05T04:00:00Z", -14400, -10800}});
  // America/Nuuk: a negative time (23:00 the day before).
  checkChanges("<-02>2<-01>,M3.5.0/-1,M10.5.0/0",
               {{"2038-03-28T01:00:00Z", -7200, -3600}, {"2038-10-31T01:00:00Z", -3600, -7200},
                {"2061-03-27T01:00:00Z", -7200, -3600}, {"2061-10-30T01:00:00Z", -3600, -7200}});
  // Asia/Jerusalem: 26:00 on a Thursday, that is 02:00 on the Friday.
  checkChanges("IST-2IDT,M3.4.4/26,M10.5.0",
               {{"2038-03-26T00:00:00Z", 7200, 10800}, {"2038-10-30T23:00:00Z", 10800, 7200},
                {"2100-03-26T00:00:00Z", 7200, 10800}, {"2100-10-30T23:00:00Z", 10800, 7200}});
  // Europe/Dublin: "daylight saving" in winter, an hour behind its standard time.
  checkChanges("IST-1GMT0,M10.5.0,M3.5.0/1",
               {{"2038-03-28T01:00:00Z", 0, 3600}, {"2038-10-31T01:00:00Z", 3600, 0},
                {"2061-03-27T01:00:00Z", 0, 3600}, {"2061-10-30T01:00:00Z", 3600, 0}});
}

TEST_CASE("POSIX TZ rules: spans") {
  PosixTzRule tokyo = ruleOf("JST-9");  // Asia/Tokyo: no daylight saving
  PosixTzRule::Span always = tokyo.spanAt(secondsOf("2061-07-01T00:00:00Z"));
  CHECK(always.offset == 9 * 3600);
  CHECK(always.begin == INT64_MIN);
  CHECK(always.end == INT64_MAX);
  CHECK(tokyo.localOffset(secondsOf("2061-07-01T00:00:00Z")) == 9 * 3600);
  // A span goes from one change to the next, across the new year.
  PosixTzRule sydney = ruleOf("AEST-10AEDT,M10.1.0,M4.1.0/3");
  PosixTzRule::Span summer = sydney.spanAt(secondsOf("2039-01-01T00:00:00Z"));
  CHECK(summer.begin == secondsOf("2038-10-02T16:00:00Z"));
  CHECK(summer.end == secondsOf("2039-04-02T16:00:00Z"));
  CHECK(summer.offset == 39600);
  // Daylight saving all year (RFC 8536's example): one span, no change at the new year.
  PosixTzRule allYear = ruleOf("EST5EDT4,0/0,J365/25");
  for (const char* at : {"2040-01-01T05:00:00Z", "2040-07-01T00:00:00Z", "2040-12-31T23:00:00Z"}) {
    INFO(at);
    PosixTzRule::Span s = allYear.spanAt(secondsOf(at));
    CHECK(s.offset == -4 * 3600);
    CHECK(s.begin < secondsOf("2039-12-31T00:00:00Z"));
    CHECK(s.end > secondsOf("2041-01-02T00:00:00Z"));
  }
}

TEST_CASE("POSIX TZ rules: local readings in gaps and repeats") {
  // Readings written as UTC stand for local ones.
  auto local = [](const PosixTzRule& rule, std::string_view reading) {
    return rule.localOffset(secondsOf(reading));
  };
  PosixTzRule newYork = ruleOf("EST5EDT,M3.2.0,M11.1.0");
  CHECK(local(newYork, "2038-03-14T01:59:59Z") == -18000);
  CHECK(local(newYork, "2038-03-14T02:30:00Z") == -18000);  // skipped: 03:30 EDT
  CHECK(local(newYork, "2038-03-14T03:00:00Z") == -14400);
  CHECK(local(newYork, "2038-11-07T00:59:59Z") == -14400);
  CHECK(local(newYork, "2038-11-07T01:30:00Z") == -14400);  // repeated: the first, EDT
  CHECK(local(newYork, "2038-11-07T02:00:00Z") == -18000);
  CHECK(local(newYork, "2038-07-01T12:00:00Z") == -14400);
  CHECK(local(newYork, "2038-01-01T12:00:00Z") == -18000);
  // Lord Howe: a 30-minute gap 02:00-02:30 in October, a repeated 01:30-02:00 in April.
  PosixTzRule lordHowe = ruleOf("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0");
  CHECK(local(lordHowe, "2038-10-03T01:59:59Z") == 37800);
  CHECK(local(lordHowe, "2038-10-03T02:15:00Z") == 37800);  // skipped: 02:45 (+11)
  CHECK(local(lordHowe, "2038-10-03T02:30:00Z") == 39600);
  CHECK(local(lordHowe, "2038-04-04T01:29:59Z") == 39600);
  CHECK(local(lordHowe, "2038-04-04T01:45:00Z") == 39600);  // repeated: the first, +11
  CHECK(local(lordHowe, "2038-04-04T02:00:00Z") == 37800);
  // Santiago's gap is at 24:00 on the Saturday, 00:00-01:00 on the Sunday.
  PosixTzRule santiago = ruleOf("<-04>4<-03>,M9.1.6/24,M4.1.6/24");
  CHECK(local(santiago, "2038-09-05T00:30:00Z") == -14400);
  CHECK(local(santiago, "2038-09-05T01:00:00Z") == -10800);
  CHECK(local(santiago, "2038-04-03T23:30:00Z") == -10800);  // repeated: the first, -03
  CHECK(local(santiago, "2038-04-04T00:00:00Z") == -14400);
}

TEST_CASE("POSIX TZ rules: every zone's footer agrees with the transitions its file lists") {
  // The files list transitions up to 2037, computed from the same rules as the footer: from
  // 2030 on, a zone's listed changes must be the footer's, instants to local times and back.
  int zones = 0, changes = 0, listedBeyond2037 = 0;
  for (const date::time_zone& zone : date::get_tzdb().zones) {
    if (zone.name() == "localtime") continue;
    std::optional<std::string> footer = readTzifFooter("/usr/share/zoneinfo/" + zone.name());
    REQUIRE_MESSAGE(footer.has_value(), zone.name());
    if (footer->empty()) continue;
    std::optional<PosixTzRule> rule = PosixTzRule::parse(*footer);
    REQUIRE_MESSAGE(rule.has_value(), zone.name(), ": ", *footer);
    ++zones;
    auto at = [](int64_t s) { return date::sys_seconds{std::chrono::seconds(s)}; };
    date::sys_info last = zone.get_info(at(kMaxTimestampSeconds));
    if (!rule->hasDst()) {
      CHECK_MESSAGE(last.offset.count() == rule->standardOffset(), zone.name());
      continue;
    }
    // From the last listed change on, the footer's offset holds.
    int64_t lastChange = last.begin.time_since_epoch().count();
    CHECK_MESSAGE(rule->spanAt(lastChange).offset == last.offset.count(), zone.name());
    // Gaza and Hebron list changes up to 2086 that pause daylight saving in Ramadan, which a
    // POSIX rule cannot say: their footer applies after those only.
    if (lastChange > secondsOf("2038-01-01T00:00:00Z")) {
      ++listedBeyond2037;
      continue;
    }
    int64_t t = secondsOf("2030-01-01T00:00:00Z");
    for (date::sys_info span = zone.get_info(at(t)); span.end < last.begin;
         span = zone.get_info(span.end)) {
      int64_t change = span.end.time_since_epoch().count();
      int32_t before = static_cast<int32_t>(span.offset.count());
      int32_t after = static_cast<int32_t>(zone.get_info(span.end).offset.count());
      INFO(zone.name(), " ", *footer, " at ", change);
      PosixTzRule::Span mine = rule->spanAt(change);
      CHECK(mine.begin == change);
      CHECK(mine.offset == after);
      CHECK(rule->spanAt(change - 1).offset == before);
      int64_t low = change + std::min(before, after), high = change + std::max(before, after);
      for (int64_t reading : {low - 1, low, high - 1, high}) {
        date::local_seconds when{std::chrono::seconds(reading)};
        CHECK(rule->localOffset(reading) == zone.get_info(when).first.offset.count());
      }
      ++changes;
    }
  }
  CHECK(zones > 300);
  CHECK(changes > 1000);
  CHECK(listedBeyond2037 <= 5);
}

}  // TEST_SUITE
