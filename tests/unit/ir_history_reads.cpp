// compiler/ir/history_reads: which events' retained records a program lists (so the runtime
// keeps them), as opposed to only counting them or not reading their history at all.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "compiler/driver/frontend.h"
#include "compiler/ir/history_reads.h"
#include "compiler/ir/lower_program.h"
#include "compiler/syntax/parser.h"

using namespace journey;

namespace {

// The events of `declarations` (after a fixed schema and five events) whose records are read.
std::vector<std::string> recordsRead(const std::string& declarations) {
  std::string text = R"(
schema Profile { id: string, tier: string }
event Counted retain 30d { total: double }
event Listed retain 30d { total: double }
event InJourney retain 30d { sku: string }
event Unread retain 30d { n: int }
event NotRetained { n: int }
channel push { address: profile.id, consent: true }
)" + declarations;
  Frontend fe;
  FileId f = fe.sources.add("reads.journey", text);
  fe.ast.modules.push_back(syntax::parseFile(f, fe.sources, fe.ast, fe.diags));
  REQUIRE(fe.check());
  ir::ProgramIr program = ir::lowerProgram(fe.sources, fe.ast, fe.program);
  std::vector<bool> read = ir::eventRecordsRead(program);
  REQUIRE(read.size() == program.events.size());
  std::vector<std::string> names;
  for (size_t e = 0; e < read.size(); ++e) {
    if (read[e]) names.push_back(program.events[e].name);
  }
  return names;
}

using EventNames = std::vector<std::string>;

}  // namespace

TEST_SUITE("ir history reads") {

TEST_CASE("counting is not reading; listing is, in audiences and in journeys") {
  CHECK(recordsRead("") == EventNames{});
  CHECK(recordsRead("audience A = size(history(Counted, 7d)) > 2\n"
                    "audience B = history(Counted, 7d).size() > 2") == EventNames{});
  CHECK(recordsRead("audience A = size(history(Counted, 7d)) > 2\n"
                    "audience B = history(Listed, 7d).exists(p, p.total > 10.0)") ==
        EventNames{"Listed"});
  CHECK(recordsRead(R"(
journey J {
  entry on NotRetained
  if history(InJourney, 1d).exists(v, v.sku == "a") {
    send push "seen"
  }
}
)") == EventNames{"InJourney"});
  CHECK(recordsRead("audience M = math.sum(history(Listed, 7d).map(p, p.total)) > 1.0\n"
                    "audience C = size(history(Counted, 1d)) == 0") == EventNames{"Listed"});
}

}  // TEST_SUITE
