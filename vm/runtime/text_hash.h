// The hash of the runtime's tables keyed by text (profile ids, journey keys, event names). The
// keys are mostly 4 to 16 bytes: they are read as two words (overlapping when shorter than 16)
// and mixed by two 64 × 64 → 128-bit multiplies, folding each product's halves, as wyhash does.
// At these sizes that is about a third of the instructions of absl::Hash's string hash, which
// the tables used before. Like absl's, the hash is seeded per process (by where the program is
// loaded), so that input crafted to collide on one run does not on the next; nothing written
// may depend on it (the tables' order is never output).
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace journey::runtime {

namespace text_hash_detail {

inline uint64_t fold(uint64_t a, uint64_t b) {
  unsigned __int128 product = static_cast<unsigned __int128>(a) * b;
  return static_cast<uint64_t>(product) ^ static_cast<uint64_t>(product >> 64);
}

inline uint64_t word(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

inline uint64_t halfWord(const char* p) {
  uint32_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

// Its address is the seed: taken where the hash is computed (one instruction), it needs no
// initialisation that a table filled early could run ahead of.
inline const char kSeedAnchor = 0;

// Sixteen bytes at a time into the seed, all but the last sixteen (out of line: rare).
[[gnu::noinline]] inline uint64_t longTextSeed(const char* p, size_t n, uint64_t s) {
  for (size_t i = 0; i + 16 < n; i += 16) {
    s = fold(word(p + i) ^ 0xe7037ed1a0b428dbull, word(p + i + 8) ^ s);
  }
  return s;
}

}  // namespace text_hash_detail

// `salt` tells apart equal texts of different tables or journeys.
[[gnu::always_inline]] inline uint64_t textHash(std::string_view text, uint64_t salt = 0) {
  using namespace text_hash_detail;
  constexpr uint64_t k1 = 0xe7037ed1a0b428dbull, k2 = 0x8ebc6af09c88c6e3ull;
  const char* p = text.data();
  const size_t n = text.size();
  uint64_t s = reinterpret_cast<uintptr_t>(&kSeedAnchor) ^ (salt * k2);
  uint64_t a = 0, b = 0;
  if (n >= 8 && n <= 16) {
    a = word(p);
    b = word(p + n - 8);
  } else if (n >= 4 && n < 8) {
    a = halfWord(p);
    b = halfWord(p + n - 4);
  } else if (n > 0 && n < 4) {  // three bytes sampled, the length telling 1, 2, 3 apart
    a = (uint64_t{static_cast<uint8_t>(p[0])} << 16) |
        (uint64_t{static_cast<uint8_t>(p[n / 2])} << 8) | static_cast<uint8_t>(p[n - 1]);
  } else if (n > 16) {
    s = longTextSeed(p, n, s);
    a = word(p + n - 16);
    b = word(p + n - 8);
  }
  return fold(k1 ^ n, fold(a ^ k1, b ^ s));
}

}  // namespace journey::runtime
