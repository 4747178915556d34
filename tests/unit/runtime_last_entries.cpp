// vm/runtime/last_entries: (journey, key) -> last entry time, with short keys inline and long
// ones out of line, checked against a std::map through growth and clean-ups.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <utility>

#include "vm/runtime/last_entries.h"

using journey::Timestamp;
using journey::runtime::LastEntries;

namespace {

// Keys of every length around the inline limit of 15 bytes, empty included.
std::string keyOf(int i) {
  std::string base = "k" + std::to_string(i);
  return base + std::string(static_cast<size_t>(i % 24), static_cast<char>('a' + i % 26));
}

}  // namespace

TEST_SUITE("runtime last entries") {

TEST_CASE("keys of any length are found again, per journey, and updated in place") {
  LastEntries table;
  std::map<std::pair<uint32_t, std::string>, Timestamp> expected;
  for (int i = 0; i < 5000; ++i) {
    uint32_t journey = static_cast<uint32_t>(i % 3);
    Timestamp t{1000 + i, i % 7};
    table.set(journey, keyOf(i), t);
    expected[{journey, keyOf(i)}] = t;
  }
  table.set(0, "", Timestamp{5, 0});
  expected[{0, ""}] = Timestamp{5, 0};
  // Updates: the same keys later.
  for (int i = 0; i < 5000; i += 7) {
    uint32_t journey = static_cast<uint32_t>(i % 3);
    table.set(journey, keyOf(i), Timestamp{9000 + i, 1});
    expected[{journey, keyOf(i)}] = Timestamp{9000 + i, 1};
  }
  CHECK(table.size() == expected.size());
  for (const auto& [key, t] : expected) {
    auto found = table.find(key.first, key.second);
    REQUIRE(found);
    CHECK(*found == t);
    // The same text under another journey is another entry.
    CHECK_FALSE(table.find(key.first + 3, key.second));
  }
  CHECK_FALSE(table.find(0, "k1"));  // a prefix of k1… keys
}

TEST_CASE("forgetting the entries of one journey before a time leaves the rest") {
  LastEntries table;
  for (int i = 0; i < 2000; ++i) table.set(static_cast<uint32_t>(i % 2), keyOf(i), Timestamp{i, 0});
  table.forgetBefore(0, Timestamp{1000, 0});
  for (int i = 0; i < 2000; ++i) {
    bool kept = i % 2 == 1 || i >= 1000;
    CHECK(table.find(static_cast<uint32_t>(i % 2), keyOf(i)).has_value() == kept);
  }
  CHECK(table.size() == 1500);
}

}  // TEST_SUITE
