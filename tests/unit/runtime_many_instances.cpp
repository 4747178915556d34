// One profile with hundreds of active instances: past 64, an ended instance's id stays in the
// profile's list until the list is compacted (Runtime::Impl::forgetInstance). Whatever ends
// in which order, an event reaches each live instance once and no ended one, and instances
// started after the ends (which compact the list) are reached too.
#include <doctest/doctest.h>

#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "lowered_program.h"
#include "simulation_support.h"

namespace {

using namespace journey;

struct ManyInstancesLines final : runtime::OutputSink {
  void write(std::string_view line) override { lines.emplace_back(line); }
  // The keys of the lines that hold `text`.
  std::multiset<std::string> keysOf(std::string_view text) const {
    std::multiset<std::string> keys;
    for (const std::string& l : lines) {
      if (l.find(text) == std::string::npos) continue;
      size_t at = l.find("\"key\": \"") + 8;
      keys.insert(l.substr(at, l.find('"', at) - at));
    }
    return keys;
  }
  std::vector<std::string> lines;
};

// A record at `second` seconds after 10:00 on 2026-03-02 (at most an hour on).
std::string record(int second, std::string_view event, int n) {
  char time[32];
  std::snprintf(time, sizeof time, "2026-03-02T10:%02d:%02dZ", second / 60, second % 60);
  return "{\"time\": \"" + std::string(time) + "\", \"profile\": \"p1\", \"event\": \"" +
         std::string(event) + "\", \"data\": {\"n\": " + std::to_string(n) + "}}";
}

}  // namespace

TEST_CASE("an event reaches each live instance of a profile with hundreds, once") {
  const std::string source = R"(
schema Profile { id: string }
event Ping { n: int }
event Stop { n: int }
event Poke { n: int }
journey Many {
  entry on Ping as p
  key string(p.n)
  exit on Stop as s when s.n == p.n
  wait for Poke within 30d {
    on Poke { end "poked" }
  }
}
)";
  // 300 instances; then the odd ones and those under 100 stop, from the newest down and from
  // the oldest up (neither only the list's last); 200 more start; one Poke reaches the rest.
  std::vector<std::string> records;
  int second = 0;
  for (int n = 0; n < 300; ++n) records.push_back(record(second++, "Ping", n));
  std::set<int> stopped;
  for (int n = 299; n >= 150; n -= 2) stopped.insert(n);
  for (int n = 1; n < 150; n += 2) stopped.insert(n);
  for (int n = 0; n < 100; ++n) stopped.insert(n);
  for (int n = 299; n >= 150; n -= 2) records.push_back(record(second++, "Stop", n));
  for (int n = 0; n < 150; ++n) {
    if (stopped.count(n)) records.push_back(record(second++, "Stop", n));
  }
  for (int n = 300; n < 500; ++n) records.push_back(record(second++, "Ping", n));
  records.push_back(record(second++, "Poke", 0));

  ir::ProgramIr program = test::lowerSource("many.journey", source);
  ManyInstancesLines output, rejected;
  std::optional<std::string> failure =
      test::simulateLines(program, {"{\"id\": \"p1\"}"}, records, output, rejected, "many");
  REQUIRE_FALSE(failure);
  CHECK(rejected.lines.empty());

  std::multiset<std::string> expectStopped, expectPoked;
  for (int n = 0; n < 500; ++n) {
    (stopped.count(n) ? expectStopped : expectPoked).insert(std::to_string(n));
  }
  CHECK(output.keysOf("\"reason\": \"exit\"") == expectStopped);
  CHECK(output.keysOf("\"reason\": \"end: poked\"") == expectPoked);
  CHECK(output.keysOf("\"kind\": \"enter\"").size() == 500);
}
