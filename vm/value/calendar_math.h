// Small arithmetic shared by the code that converts times and parses their text.
#pragma once

#include <cstdint>

namespace journey {

inline constexpr int64_t kSecondsPerDay = 86400;

// a / b rounded toward negative infinity (days before 1970 are negative).
inline int64_t floorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

inline bool isDigit(char c) { return c >= '0' && c <= '9'; }

// `value` as exactly `width` digits, zero-padded (value < 10^width), at `p`.
inline void putDigits(char* p, uint32_t value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    p[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

}  // namespace journey
