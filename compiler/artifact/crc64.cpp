#include "compiler/artifact/crc64.h"

#include <array>

namespace journey::artifact {

namespace {

constexpr uint64_t kPolynomial = 0xC96C5795D7870F42ull;  // ECMA-182, bits reversed

constexpr std::array<uint64_t, 256> makeTable() {
  std::array<uint64_t, 256> table{};
  for (uint64_t i = 0; i < 256; ++i) {
    uint64_t crc = i;
    for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ ((crc & 1) ? kPolynomial : 0);
    table[i] = crc;
  }
  return table;
}

constexpr std::array<uint64_t, 256> kTable = makeTable();

}  // namespace

uint64_t crc64(std::string_view bytes, uint64_t previous) {
  uint64_t crc = ~previous;
  for (char c : bytes) crc = kTable[(crc ^ static_cast<uint8_t>(c)) & 0xFF] ^ (crc >> 8);
  return ~crc;
}

}  // namespace journey::artifact
