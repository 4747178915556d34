// vm/runtime/text_hash: equal texts hash alike; every byte, the length and the salt count; the
// bits the tables use spread evenly over ids and keys as inputs name them.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "vm/runtime/text_hash.h"

using journey::runtime::textHash;

TEST_SUITE("runtime text hash") {

TEST_CASE("equal texts hash alike wherever their bytes lie") {
  for (size_t n = 0; n <= 70; ++n) {
    std::string a(n, 'x'), b = "..." + std::string(n, 'x') + "...";
    CAPTURE(n);
    CHECK(textHash(a) == textHash(std::string_view(b).substr(3, n)));
    CHECK(textHash(a, 7) == textHash(a, 7));
  }
}

TEST_CASE("each byte of a text, its length and the salt change the hash") {
  size_t same = 0, checked = 0;
  for (size_t n = 1; n <= 70; ++n) {
    std::string text;
    for (size_t i = 0; i < n; ++i) text += static_cast<char>('a' + (i * 7) % 26);
    const uint64_t h = textHash(text);
    for (size_t i = 0; i < n; ++i) {
      for (int bit = 0; bit < 8; ++bit) {
        std::string changed = text;
        changed[i] = static_cast<char>(changed[i] ^ (1 << bit));
        same += textHash(changed) == h;
        ++checked;
      }
    }
    same += textHash(text.substr(0, n - 1)) == h;  // one byte shorter
    same += textHash(text + '\0') == h;            // one zero byte longer
    same += textHash(text, 1) == h;                // another table's or journey's
    checked += 3;
  }
  CAPTURE(checked);
  CHECK(same == 0);
}

TEST_CASE("the bits the tables use spread over sequential ids") {
  // ProfileIndex takes a slot from the high half and keeps it as a tag; absl's tables take
  // seven low bits and the rest. Ids like "p1" … "p65536" and keys like "c1" … must fill 256
  // buckets of each as a fair hash would. The seed changes with each run (where the program is
  // loaded), so the bound is statistical: six standard deviations of a bucket's count. A fair
  // hash crosses it about once in 40,000 runs of this test (30% of the mean, the bound before,
  // failed about once in 130). The hash with its outer multiply left out crosses it.
  constexpr size_t kIds = 65536, kBuckets = 256;
  const double mean = static_cast<double>(kIds) / kBuckets;
  const double bound = 6 * std::sqrt(mean * (1 - 1.0 / kBuckets));
  for (std::string prefix : {"p", "c", "profile-", "2026-03-02T10:00:00Z#"}) {
    std::vector<size_t> low(kBuckets), high(kBuckets), middle(kBuckets);
    std::set<uint64_t> distinct;
    for (size_t i = 1; i <= kIds; ++i) {
      uint64_t h = textHash(prefix + std::to_string(i));
      distinct.insert(h);
      ++low[h % kBuckets];
      ++middle[(h >> 24) % kBuckets];
      ++high[h >> 56];
    }
    CAPTURE(prefix);
    CHECK(distinct.size() == kIds);
    for (const auto* counts : {&low, &middle, &high}) {
      auto [least, most] = std::minmax_element(counts->begin(), counts->end());
      CHECK(static_cast<double>(*least) > mean - bound);
      CHECK(static_cast<double>(*most) < mean + bound);
    }
  }
}

}  // TEST_SUITE
