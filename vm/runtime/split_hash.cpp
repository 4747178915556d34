#include "vm/runtime/split_hash.h"

namespace journey::runtime {

namespace {

// FNV-1a over the bytes, then a splitmix64 finaliser so that similar keys (`p1`, `p2`) land
// far apart; the low bits of plain FNV are not uniform enough for a modulus.
uint64_t hashParts(std::string_view a, std::string_view b, std::string_view c) {
  uint64_t h = 0xcbf29ce484222325ULL;
  auto feed = [&](std::string_view s) {
    for (unsigned char ch : s) {
      h ^= ch;
      h *= 0x100000001b3ULL;
    }
    h ^= 0xff;  // a separator no UTF-8 text contains
    h *= 0x100000001b3ULL;
  };
  feed(a);
  feed(b);
  feed(c);
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h;
}

}  // namespace

uint32_t splitBucket(std::string_view journey, std::string_view split, std::string_view key) {
  return static_cast<uint32_t>(hashParts(journey, split, key) % 10000);
}

}  // namespace journey::runtime
