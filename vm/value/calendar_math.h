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

}  // namespace journey
