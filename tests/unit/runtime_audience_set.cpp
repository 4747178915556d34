// AudienceSet: the runtime's sets of audiences, past the first 64 as well as within them.
#include <doctest/doctest.h>

#include <random>
#include <set>
#include <vector>

#include "vm/runtime/audience_set.h"

using journey::runtime::AudienceSet;

TEST_SUITE_BEGIN("runtime");

TEST_CASE("audience set: members past the 64th are kept, joined and intersected") {
  AudienceSet s;
  CHECK(s.empty());
  s.add(3);
  s.add(130);
  CHECK_FALSE(s.empty());
  CHECK(s.contains(3));
  CHECK(s.contains(130));
  CHECK_FALSE(s.contains(66));
  CHECK_FALSE(s.contains(1000));  // past every word held

  AudienceSet t;
  t.add(66);
  CHECK((s | t).contains(66));
  CHECK((s | t).contains(130));

  AudienceSet all = AudienceSet::all(200);
  for (size_t a : {0, 63, 64, 127, 128, 199}) CHECK(all.contains(a));
  for (size_t a : {200, 255, 256}) CHECK_FALSE(all.contains(a));  // only the program's
  CHECK(AudienceSet::all(0).empty());
  for (size_t count : {1, 63, 64, 65, 128, 129}) {
    size_t n = 0, last = 0;
    AudienceSet::all(count).forEach([&](size_t a) { ++n, last = a; });
    CHECK(n == count);
    CHECK(last == count - 1);
  }
  AudienceSet few = all;
  few &= s;
  CHECK(few.contains(3));
  CHECK(few.contains(130));
  CHECK_FALSE(few.contains(4));
  // An intersection that leaves only audiences past the 64th empty is empty.
  AudienceSet high;
  high.add(70);
  high &= s;
  CHECK(high.empty());
  high |= t;
  CHECK(high.contains(66));
  CHECK_FALSE(high.empty());
}

TEST_CASE("forEach visits exactly the audiences in the set, in ascending order") {
  std::mt19937 random(70);
  for (int round = 0; round < 200; ++round) {
    AudienceSet s;
    std::set<size_t> added;
    size_t range = 1 + random() % 300;
    for (int i = 0; i < 20; ++i) {
      size_t a = random() % range;
      s.add(a);
      added.insert(a);
    }
    std::vector<size_t> visited;
    s.forEach([&](size_t a) { visited.push_back(a); });
    CHECK(visited == std::vector<size_t>(added.begin(), added.end()));
  }
  std::vector<size_t> none;
  AudienceSet().forEach([&](size_t a) { none.push_back(a); });
  CHECK(none.empty());
}

TEST_SUITE_END();
