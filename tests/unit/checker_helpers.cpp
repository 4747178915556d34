// The checker's helpers that need no parser: suggestions, cron, time zones, durations.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>

#include "compiler/sema/cron.h"
#include "compiler/sema/program_checker.h"
#include "compiler/sema/suggest.h"

using namespace journey::sema;

TEST_SUITE("checker helpers") {

TEST_CASE("closestName suggests a likely typo and nothing far away") {
  std::vector<std::string> names = {"CartAbandoned", "Purchase", "EmailOpened"};
  CHECK(closestName("Purchse", names) == std::optional<std::string>("Purchase"));
  CHECK(closestName("purchase", names) == std::optional<std::string>("Purchase"));
  CHECK(closestName("EmailOpen", names) == std::optional<std::string>("EmailOpened"));
  CHECK_FALSE(closestName("Signup", names).has_value());
  CHECK_FALSE(closestName("a", {"b"}).has_value());
  CHECK_FALSE(closestName("Purchase", names).has_value());  // the name itself is no suggestion
  CHECK(editDistance("kitten", "sitting") == 3);
  CHECK(editDistance("emial", "email") == 1);
  CHECK(closestName("emial", {"email", "sms"}) == std::optional<std::string>("email"));
}

TEST_CASE("editDistance with a bound: the distance up to it, one more past it") {
  // Random short strings over a small alphabet, so that swaps and repeats are common.
  std::mt19937 random(68);
  auto word = [&] {
    std::string w(random() % 8, 'a');
    for (char& c : w) c = static_cast<char>('a' + random() % 3);
    return w;
  };
  for (int i = 0; i < 5'000; ++i) {
    std::string a = word(), b = word();
    size_t full = editDistance(a, b);
    size_t bound = random() % 5;
    CAPTURE(a);
    CAPTURE(b);
    CAPTURE(bound);
    CHECK(editDistance(a, b, bound) == std::min(full, bound + 1));
  }
  CHECK(editDistance("ab", "ba") == 1);
  CHECK(editDistance("abc", "cab", 1) == 2);
}

TEST_CASE("cron schedules: valid forms") {
  for (const char* ok : {"0 9 * * 1", "*/15 * * * *", "30 8 * * mon-fri", "0 0 1,15 * *",
                         "0 0 * JAN,jul sun", "5-10/2 0-23/6 1-31 1-12 0-7", "0 12 * * 7",
                         "10/5 * * * *"}) {
    CAPTURE(ok);
    CHECK(std::holds_alternative<CronSpec>(parseCron(ok)));
  }
}

// The error of a cron schedule that has one, else null.
static std::optional<CronError> cronError(std::string_view cron) {
  std::variant<CronSpec, CronError> read = parseCron(cron);
  if (auto* error = std::get_if<CronError>(&read)) return *error;
  return std::nullopt;
}

TEST_CASE("cron schedules: each mistake is located") {
  auto err = cronError("0 9 * *");
  REQUIRE(err);
  CHECK(err->message.find("5 fields") != std::string::npos);

  err = cronError("60 9 * * *");
  REQUIRE(err);
  CHECK(err->message == "`60` is out of range for the minute field (0-59)");
  CHECK(err->offset == 0);
  CHECK(err->length == 2);

  err = cronError("0 24 * * *");
  REQUIRE(err);
  CHECK(err->offset == 2);

  err = cronError("0 9 0 * *");
  REQUIRE(err);
  CHECK(err->message.find("day-of-month") != std::string::npos);

  err = cronError("0 9 * foo *");
  REQUIRE(err);
  CHECK(err->message == "`foo` is not a valid month");
  CHECK(err->offset == 6);

  err = cronError("*/0 * * * *");
  REQUIRE(err);
  CHECK(err->message.find("step") != std::string::npos);

  err = cronError("0 9 * * 5-1");
  REQUIRE(err);
  CHECK(err->message.find("backwards") != std::string::npos);

  err = cronError("0 9,,10 * * *");
  REQUIRE(err);
  CHECK(err->message.find("missing") != std::string::npos);

  err = cronError("0 9 30 2 *");  // a day no listed month has: never runs
  REQUIRE(err);
  CHECK(err->message == "the cron schedule never runs: no month of the month field has day 30");
  CHECK(err->offset == 4);
  CHECK(err->length == 2);
}

TEST_CASE("time zones are IANA names") {
  CHECK(isKnownTimezone("Europe/Paris"));
  CHECK(isKnownTimezone("UTC"));
  CHECK(isKnownTimezone("America/New_York"));
  CHECK_FALSE(isKnownTimezone("Europe/Pariss"));
  CHECK_FALSE(isKnownTimezone("+02:00"));
  // The zone folder's name for the machine's setting: a program would depend on the machine.
  CHECK_FALSE(isKnownTimezone("localtime"));
  std::vector<std::string> names = timezoneNames();
  CHECK(std::find(names.begin(), names.end(), "localtime") == names.end());
  CHECK(std::find(names.begin(), names.end(), "Europe/Paris") != names.end());
  CHECK(closestName("Europe/Pari", timezoneNames()) == std::optional<std::string>("Europe/Paris"));
}

TEST_CASE("durations print as written") {
  constexpr int64_t s = journey::sema::kNanosPerSecond;
  CHECK(formatDuration(0) == "0s");
  CHECK(formatDuration(90 * 86400 * s) == "90d");
  CHECK(formatDuration(5400 * s) == "1h30m");
  CHECK(formatDuration(s / 2) == "500ms");
  CHECK(formatDuration(-300 * s) == "-5m");
}

}  // TEST_SUITE
