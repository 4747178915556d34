// Mutated example programs through `journey fmt`: each one either has syntax errors or is
// formatted (never refused by the formatter's own check) and formats its output unchanged.
#include <doctest/doctest.h>

#include "format_support.h"
#include "mutation_support.h"

TEST_SUITE("fmt") {

TEST_CASE("mutated examples are formatted stably or refused for their syntax errors") {
  std::vector<std::string> sources = journey::mutation_test::exampleSources();
  REQUIRE(!sources.empty());
  int runs = journey::mutation_test::mutationCount("JOURNEY_FMT_MUTATIONS", 1500);
  std::mt19937_64 rng(20260901);
  int formattedCount = 0;
  for (int i = 0; i < runs; ++i) {
    std::string text = journey::mutation_test::mutate(sources[static_cast<size_t>(i) % sources.size()], rng);
    journey::format::Formatted once = journey::format_test::formatSource(text);
    INFO("mutant:\n" << text);
    INFO("refused: " << once.reason);
    REQUIRE(once.outcome != journey::format::Formatted::Outcome::Refused);
    if (once.outcome != journey::format::Formatted::Outcome::Done) continue;
    ++formattedCount;
    CHECK(journey::format_test::formatted(once.text) == once.text);
  }
  MESSAGE(runs << " mutants, " << formattedCount << " formatted");
  CHECK(formattedCount > runs / 20);  // enough of them still parse to test the layout
}

}  // TEST_SUITE
