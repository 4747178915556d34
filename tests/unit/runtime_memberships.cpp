// vm/runtime/memberships: a bit per audience, the first 64 inline and the rest out of line,
// checked against a vector of bools.
#include <doctest/doctest.h>

#include <vector>

#include "vm/runtime/memberships.h"

using journey::runtime::Memberships;

TEST_SUITE("runtime memberships") {

TEST_CASE("each audience's bit is set and cleared alone, on either side of 64") {
  for (size_t audiences : {1u, 63u, 64u, 65u, 128u, 129u, 300u}) {
    CAPTURE(audiences);
    Memberships member;
    member.reset(audiences);
    std::vector<bool> expected(audiences);
    for (size_t a = 0; a < audiences; ++a) CHECK_FALSE(member[a]);
    // Every third audience joins, then every sixth leaves again.
    for (size_t a = 0; a < audiences; a += 3) {
      member.set(a, true);
      expected[a] = true;
    }
    for (size_t a = 0; a < audiences; a += 6) {
      member.set(a, false);
      expected[a] = false;
    }
    member.set(audiences - 1, true);  // the last one
    expected[audiences - 1] = true;
    for (size_t a = 0; a < audiences; ++a) CHECK(member[a] == expected[a]);
    member.reset(audiences);
    for (size_t a = 0; a < audiences; ++a) CHECK_FALSE(member[a]);
  }
}

}
