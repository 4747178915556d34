// Journeys that start one another at one instant stop, and time moves on: a chain longer than
// 100 emitted events and profile changes, or more than 10000 of them caused by one record,
// ends the instance whose step would go past the limit with reason `error`. (Loops through
// audiences: tests/scenarios/audience_loop_stopped.)
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "lowered_program.h"
#include "simulation_support.h"

namespace {

using namespace journey;

struct Lines final : runtime::OutputSink {
  void write(std::string_view line) override { lines.emplace_back(line); }
  size_t count(std::string_view a, std::string_view b = "") const {
    size_t n = 0;
    for (const std::string& l : lines) {
      n += l.find(a) != std::string::npos && l.find(b) != std::string::npos;
    }
    return n;
  }
  std::vector<std::string> lines;
};

// Runs the declarations below and `journeys` on one profile and these records (JSON lines);
// the output records.
Lines run(const std::string& journeys, const std::vector<std::string>& records) {
  const std::string declarations = R"(
schema Profile { id: string, on: bool }
event Ping { n: int }
audience On = profile.on
)";
  ir::ProgramIr program = test::lowerSource("loop.journey", declarations + journeys);
  Lines output, rejected;
  std::optional<std::string> failure = test::simulateLines(
      program, {"{\"id\": \"p1\", \"on\": false}"}, records, output, rejected, "loop");
  REQUIRE_FALSE(failure);
  CHECK(rejected.lines.empty());
  return output;
}

// A Ping for p1 at that time of 2026-03-02.
std::string ping(const std::string& hourMinute) {
  return R"({"time": "2026-03-02T)" + hourMinute +
         R"(:00Z", "profile": "p1", "event": "Ping", "data": {"n": 0}})";
}

}  // namespace

TEST_CASE("a journey emitting two events that each start it stops at 10000 per record") {
  const std::string source = R"(
journey Fork {
  entry on Ping as ping
  emit Ping { n: ping.n + 1 }
  emit Ping { n: ping.n + 1 }
}
)";
  // Each record gets its own allowance, and the later one is handled at its own time.
  Lines out = run(source, {ping("10:00"), ping("11:00")});
  for (std::string_view hour : {"T10:00:00Z", "T11:00:00Z"}) {
    CAPTURE(hour);
    CHECK(out.count(hour, "\"kind\": \"emit\"") == 10000);
    CHECK(out.count(hour, "more than 10000 emitted events") > 0);
    CHECK(out.count(hour, "more than 100 emitted events") == 0);
  }
}

TEST_CASE("a journey emitting the event it starts on stops at a chain of 100") {
  const std::string source = R"(
journey Echo {
  entry on Ping as ping
  emit Ping { n: ping.n + 1 }
}
)";
  Lines out = run(source, {ping("10:00")});
  CHECK(out.count("\"kind\": \"emit\"") == 100);
  CHECK(out.count("more than 100 emitted events") == 1);
}

// Why the checker's W0104 leaves out a journey changing the audience it enters on: the
// audiences are evaluated again once the instance waits or ends, so its changes count together.
TEST_CASE("a journey that changes its own audience and changes it back does not enter again") {
  const std::string source = R"(
journey Flip {
  entry on audience On
  set profile.on = false
  set profile.on = true
}
)";
  Lines out = run(source, {R"({"time": "2026-03-02T10:00:00Z", "profile": "p1", "set": {"on": true}})"});
  CHECK(out.count("\"kind\": \"enter\"") == 1);
  CHECK(out.count("\"kind\": \"set\"") == 2);
  CHECK(out.count("emitted events") == 0);
}
