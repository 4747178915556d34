// Runtime split: the arms of a 50/30/20 split take their shares of many keys, and a key
// always lands in the same bucket (vm/runtime/split_hash.h).
#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <string>

#include "vm/runtime/split_hash.h"

using namespace journey::runtime;

namespace {

constexpr int kKeys = 100000;

// The arm a bucket falls in, as the runtime walks the arms (steps.cpp): each arm takes
// `percent * 100` of the 10,000 buckets, in order.
size_t arm(uint32_t bucket, const std::array<int, 3>& percents) {
  int64_t upTo = 0;
  for (size_t a = 0; a < percents.size(); ++a) {
    upTo += percents[a] * 100;
    if (bucket < upTo) return a;
  }
  return percents.size();
}

// Keys shaped like real ones: profile ids, and cart ids with a common prefix.
std::string key(int i) {
  std::string out = i % 2 == 0 ? "p" : "cart-2026-";
  return out += std::to_string(i);
}

}  // namespace

TEST_SUITE("runtime split") {

TEST_CASE("split: a 50/30/20 split gives each arm its share of 100,000 keys, within 1%") {
  const std::array<int, 3> percents = {50, 30, 20};
  std::array<int, 4> counts{};
  for (int i = 0; i < kKeys; ++i) {
    uint32_t bucket = splitBucket("CartRecovery", "subject-test", key(i));
    REQUIRE(bucket < 10000u);
    ++counts[arm(bucket, percents)];
  }
  CHECK(counts[3] == 0);  // every bucket is in an arm
  for (size_t a = 0; a < percents.size(); ++a) {
    double share = 100.0 * counts[a] / kKeys;
    INFO("arm " << a << ": " << share << "% of the keys, expected " << percents[a] << "%");
    CHECK(share >= percents[a] - 1.0);
    CHECK(share <= percents[a] + 1.0);
  }
}

TEST_CASE("split: the same key always gets the same bucket") {
  for (int i = 0; i < 1000; ++i) {
    std::string k = key(i);
    uint32_t first = splitBucket("CartRecovery", "subject-test", k);
    CHECK(splitBucket("CartRecovery", "subject-test", k) == first);
    CHECK(splitBucket("CartRecovery", "subject-test", std::string(k)) == first);
  }
  // Fixed values: a change of the hash would move existing customers to other arms.
  CHECK(splitBucket("Subject", "subject-test", "p1") == 9897u);
  CHECK(splitBucket("Subject", "subject-test", "p2") == 1925u);
  CHECK(splitBucket("Subject", "subject-test", "p7") == 6556u);
}

TEST_CASE("split: the journey and the split name are part of the hash") {
  // Over many keys, another split name (or journey) puts a key in another arm about as often
  // as independent draws would (50/30/20: 1 - (.25 + .09 + .04) = 62%).
  const std::array<int, 3> percents = {50, 30, 20};
  int otherName = 0, otherJourney = 0;
  for (int i = 0; i < kKeys; ++i) {
    std::string k = key(i);
    size_t base = arm(splitBucket("CartRecovery", "subject-test", k), percents);
    if (arm(splitBucket("CartRecovery", "send-time", k), percents) != base) ++otherName;
    if (arm(splitBucket("Winback", "subject-test", k), percents) != base) ++otherJourney;
  }
  CHECK(100.0 * otherName / kKeys == doctest::Approx(62.0).epsilon(0.03));
  CHECK(100.0 * otherJourney / kKeys == doctest::Approx(62.0).epsilon(0.03));
  // The parts are separated: ("ab", "c") and ("a", "bc") are different inputs.
  CHECK(splitBucket("ab", "c", "k") != splitBucket("a", "bc", "k"));
}

}  // TEST_SUITE
