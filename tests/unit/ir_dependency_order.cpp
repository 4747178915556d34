// compiler/ir/dependency_order: every node once, each after the nodes it reads, so that what a
// node inherits from those (an audience's windows, its reading of the clock) is found in one
// pass. Checked on random graphs without cycles against the definition.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <vector>

#include "compiler/ir/dependency_order.h"

TEST_CASE("dependenciesFirst puts each node after the nodes it reads") {
  std::mt19937 random(67);
  for (int round = 0; round < 200; ++round) {
    uint32_t count = random() % 60;
    // Reads of higher-numbered nodes only, then renumbered at random: no cycle, any shape.
    std::vector<uint32_t> name(count);
    for (uint32_t i = 0; i < count; ++i) name[i] = i;
    std::shuffle(name.begin(), name.end(), random);
    std::vector<std::vector<uint32_t>> reads(count);
    for (uint32_t i = 0; i < count; ++i) {
      for (uint32_t j = i + 1; j < count; ++j) {
        if (random() % 6 == 0) reads[name[i]].push_back(name[j]);
      }
    }
    std::vector<uint32_t> order = journey::ir::dependenciesFirst(reads);
    REQUIRE(order.size() == count);
    std::vector<int> at(count, -1);
    for (size_t k = 0; k < order.size(); ++k) {
      REQUIRE(at[order[k]] == -1);  // once each
      at[order[k]] = static_cast<int>(k);
    }
    for (uint32_t a = 0; a < count; ++a) {
      for (uint32_t b : reads[a]) CHECK(at[b] < at[a]);
    }
  }
  // A chain longer than any stack would take by recursion.
  std::vector<std::vector<uint32_t>> chain(200000);
  for (uint32_t i = 0; i + 1 < chain.size(); ++i) chain[i].push_back(i + 1);
  std::vector<uint32_t> order = journey::ir::dependenciesFirst(chain);
  REQUIRE(order.size() == chain.size());
  CHECK(order.front() == chain.size() - 1);
  CHECK(order.back() == 0);
}
