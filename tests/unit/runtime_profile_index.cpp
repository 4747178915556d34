// vm/runtime/profile_index: profile ids to numbers through growth, with the caller confirming
// each match of hash bits, and hashes that collide wholly or in their slot only.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "vm/runtime/profile_index.h"

using journey::runtime::ProfileIndex;

TEST_SUITE("runtime profile index") {

TEST_CASE("every id added is found again through growth; others are not") {
  ProfileIndex index;
  std::vector<std::string> ids;
  auto isId = [&](const std::string& id) {
    return [&ids, id](uint32_t profile) { return ids[profile] == id; };
  };
  for (uint32_t i = 0; i < 20000; ++i) {
    ids.push_back("p" + std::to_string(i));
    CHECK_FALSE(index.find(ProfileIndex::hashOf(ids.back()), isId(ids.back())));
    index.insert(ProfileIndex::hashOf(ids.back()), i);
  }
  CHECK(index.size() == ids.size());
  for (uint32_t i = 0; i < ids.size(); ++i) {
    auto found = index.find(ProfileIndex::hashOf(ids[i]), isId(ids[i]));
    REQUIRE(found);
    CHECK(*found == i);
    // The first profile with the same hash bits: this one, or (rarely, at 20,000 ids) another.
    auto candidate = index.candidate(ProfileIndex::hashOf(ids[i]));
    REQUIRE(candidate);
    CHECK(*candidate <= i);
    const uint64_t bits = ProfileIndex::hashOf(ids[i]) >> 32;
    CHECK((ProfileIndex::hashOf(ids[*candidate]) >> 32) == bits);
  }
  for (const char* absent : {"", "p", "p20000", "q1", "p01"}) {
    CHECK_FALSE(index.find(ProfileIndex::hashOf(absent), isId(absent)));
  }
}

TEST_CASE("profiles whose hashes collide are told apart by the caller's confirmation") {
  ProfileIndex index;
  const uint64_t same = 0x1234567800000000u;    // three profiles share this hash
  const uint64_t sameSlot = 0x0000000800000000u;  // other bits, the same slot in 16
  index.insert(same, 7);
  index.insert(sameSlot, 8);
  index.insert(same, 9);
  index.insert(same, 10);
  CHECK(index.candidate(same) == 7u);  // the first added: unconfirmed
  for (uint32_t profile : {7u, 9u, 10u}) {
    CHECK(index.find(same, [&](uint32_t p) { return p == profile; }) == profile);
  }
  CHECK(index.find(sameSlot, [](uint32_t) { return true; }) == 8u);
  CHECK_FALSE(index.find(same, [](uint32_t p) { return p == 8; }));
  CHECK_FALSE(index.find(same, [](uint32_t) { return false; }));
  CHECK_FALSE(ProfileIndex().candidate(same));
}

}
