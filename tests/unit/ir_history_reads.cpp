// compiler/ir/history_reads: how much of each event's retained history a program reads: the
// records (listed), a count, or nothing; the runtime keeps no more than that.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "compiler/ir/history_reads.h"
#include "tests/unit/lowered_program.h"

using namespace journey;

namespace {

// Each event of `declarations` (after a fixed schema and five events) with what is read of its
// history: `Name:count` or `Name:records`; events whose history nothing reads are left out.
std::vector<std::string> historyUse(const std::string& declarations) {
  std::string text = R"(
schema Profile { id: string, tier: string }
event Counted retain 30d { total: double }
event Listed retain 30d { total: double }
event InJourney retain 30d { sku: string }
event Unread retain 30d { n: int }
event NotRetained { n: int }
channel push { address: profile.id, consent: true }
)" + declarations;
  ir::ProgramIr program = test::lowerSource("reads.journey", text);
  std::vector<ir::HistoryUse> use = ir::eventHistoryUse(program);
  REQUIRE(use.size() == program.events.size());
  std::vector<std::string> names;
  for (size_t e = 0; e < use.size(); ++e) {
    if (use[e] == ir::HistoryUse::Count) names.push_back(program.events[e].name + ":count");
    if (use[e] == ir::HistoryUse::Records) names.push_back(program.events[e].name + ":records");
  }
  return names;
}

using EventNames = std::vector<std::string>;

}  // namespace

TEST_SUITE("ir history reads") {

TEST_CASE("counting, listing and nothing, in audiences and in journeys") {
  CHECK(historyUse("") == EventNames{});
  CHECK(historyUse("audience A = size(history(Counted, 7d)) > 2\n"
                   "audience B = history(Counted, 7d).size() > 2") ==
        EventNames{"Counted:count"});
  CHECK(historyUse("audience A = size(history(Counted, 7d)) > 2\n"
                   "audience B = history(Listed, 7d).exists(p, p.total > 10.0)") ==
        EventNames{"Counted:count", "Listed:records"});
  CHECK(historyUse(R"(
journey J {
  entry on NotRetained
  if history(InJourney, 1d).exists(v, v.sku == "a") {
    send push "seen"
  }
}
)") == EventNames{"InJourney:records"});
  // Listed and counted: the records are kept.
  CHECK(historyUse("audience M = math.sum(history(Listed, 7d).map(p, p.total)) > 1.0\n"
                   "audience C = size(history(Listed, 1d)) == 0") ==
        EventNames{"Listed:records"});
}

}  // TEST_SUITE
