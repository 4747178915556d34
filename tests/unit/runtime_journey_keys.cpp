// vm/runtime/journey_keys: (journey, key) -> which instance is active, or when the key last
// entered; short keys inline and long ones out of line, checked against a std::map model through
// growth, ends and clean-ups.
#include <doctest/doctest.h>

#include <map>
#include <optional>
#include <string>
#include <utility>

#include "vm/runtime/journey_keys.h"

using journey::Timestamp;
using journey::runtime::JourneyKeys;

namespace {

// Keys of every length around the inline limit of 15 bytes, empty included.
std::string keyOf(int i) {
  std::string base = "k" + std::to_string(i);
  return base + std::string(static_cast<size_t>(i % 24), static_cast<char>('a' + i % 26));
}

struct Expected {
  bool active = false;
  std::optional<uint64_t> instance;  // while active, until its end begins
  std::optional<Timestamp> entered;
};

// An instance id of the runtime's shape: a use count in the high half.
uint64_t instanceOf(int i) { return (uint64_t{1} + static_cast<uint64_t>(i % 5)) << 32 | i; }
using Model = std::map<std::pair<uint32_t, std::string>, Expected>;

void checkAgainst(const JourneyKeys& table, const Model& model) {
  size_t kept = 0;
  for (const auto& [key, want] : model) {
    CHECK(table.active(key.first, key.second) == want.active);
    CHECK(table.activeInstance(key.first, key.second) == want.instance);
    CHECK(table.lastEntered(key.first, key.second) == want.entered);
    if (want.active || want.entered) ++kept;
  }
  CHECK(table.size() == kept);
}

}  // namespace

TEST_SUITE("runtime journey keys") {

TEST_CASE("keys of any length are found again, per journey, and updated in place") {
  JourneyKeys table;
  Model model;
  for (int i = 0; i < 5000; ++i) {
    uint32_t journey = static_cast<uint32_t>(i % 3);
    Timestamp t{1000 + i, i % 7 == 0 ? 999'999'999 : i % 7};
    table.setLastEntered(journey, keyOf(i), t);
    model[{journey, keyOf(i)}].entered = t;
  }
  table.setLastEntered(0, "", Timestamp{5, 0});
  model[{0, ""}].entered = Timestamp{5, 0};
  // Updates: the same keys later.
  for (int i = 0; i < 5000; i += 7) {
    uint32_t journey = static_cast<uint32_t>(i % 3);
    table.setLastEntered(journey, keyOf(i), Timestamp{9000 + i, 1});
    model[{journey, keyOf(i)}].entered = Timestamp{9000 + i, 1};
  }
  checkAgainst(table, model);
  for (const auto& [key, want] : model) {
    // The same text under another journey is another entry.
    CHECK_FALSE(table.lastEntered(key.first + 3, key.second));
  }
  CHECK_FALSE(table.lastEntered(0, "k1"));  // a prefix of k1… keys
}

TEST_CASE("an instance's life: active, then ended with its entry, then entered again") {
  JourneyKeys table;
  Model model;
  for (int i = 0; i < 3000; ++i) {
    uint32_t journey = static_cast<uint32_t>(i % 2);
    table.activate(journey, keyOf(i), instanceOf(i));
    model[{journey, keyOf(i)}] = {true, instanceOf(i), std::nullopt};
  }
  checkAgainst(table, model);
  // Every third ends as a journey that keeps last entries does: the entry, then the end.
  // Every third but one ends as `reentry always` does: no entry is kept, so the key goes.
  for (int i = 0; i < 3000; i += 3) {
    uint32_t journey = static_cast<uint32_t>(i % 2);
    Expected& want = model[{journey, keyOf(i)}];
    table.setLastEntered(journey, keyOf(i), Timestamp{i, 500});
    want.entered = Timestamp{i, 500};
    want.instance.reset();  // its end has begun: still active, the instance no longer named
  }
  checkAgainst(table, model);
  for (int i = 0; i < 3000; ++i) {
    if (i % 3 == 2) continue;
    uint32_t journey = static_cast<uint32_t>(i % 2);
    table.deactivate(journey, keyOf(i));
    model[{journey, keyOf(i)}].active = false;
    model[{journey, keyOf(i)}].instance.reset();
  }
  checkAgainst(table, model);
  // Entering again: the entry holds the new instance in place of the last entry, which the
  // instance's end writes anew.
  for (int i = 0; i < 3000; i += 6) {
    table.activate(0, keyOf(i), instanceOf(i + 1));
    model[{0, keyOf(i)}] = {true, instanceOf(i + 1), std::nullopt};
  }
  checkAgainst(table, model);
  // Ending what is not active changes nothing.
  table.deactivate(1, "no such key");
  checkAgainst(table, model);
}

TEST_CASE("forgetting the entries of one journey before a time leaves the rest") {
  JourneyKeys table;
  Model model;
  for (int i = 0; i < 2000; ++i) {
    uint32_t journey = static_cast<uint32_t>(i % 2);
    table.setLastEntered(journey, keyOf(i), Timestamp{i, 0});
    model[{journey, keyOf(i)}].entered = Timestamp{i, 0};
    // Every tenth key (all of journey 0) is active again: it stays, without its old entry.
    if (i % 10 == 0) {
      table.activate(journey, keyOf(i), instanceOf(i));
      model[{journey, keyOf(i)}] = {true, instanceOf(i), std::nullopt};
    }
  }
  table.forgetBefore(0, Timestamp{1000, 0});
  for (auto& [key, want] : model) {
    if (key.first == 0 && want.entered && *want.entered < Timestamp{1000, 0}) want.entered.reset();
  }
  checkAgainst(table, model);
  // Journey 1's 1000, journey 0's 500 from 1000 on, and its 100 active keys from before.
  CHECK(table.size() == 1000 + 500 + 100);
}

}  // TEST_SUITE
