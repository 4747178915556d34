#include "vm/value/short_decimal.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace journey {

// Why the digits found are std::to_chars's. Say a = |d| is the double nearest the decimal
// M / 10^k with M < 2^50. Then a · 10^k is within M · 2^-53 of M, and rounding the product adds
// as much again: less than a quarter, so rounding the product to an integer gives M exactly.
// Conversely, a match (M / 10^k == a, both exact before the division rounds) means the k-digit
// decimal reads back as a. Trying k = 1, 2, … finds the fewest decimals; with a · 10^k below
// 2^50, a's ulp is below a quarter of 10^-k, so no other M of as many digits reads back as a
// (and no decimal with fewer digits: a whole one would make a whole double). Of the two
// notations to_chars picks the shorter, the plain one on a tie: for 1 ≤ a, S significant digits
// take S + 1 characters plainly and S + 5 in scientific notation (`2.831e+01`), so the plain
// one.
char* shortDecimal(char* out, double d) noexcept {
  constexpr int kMaxDecimals = 6;
  constexpr double kPowers[kMaxDecimals + 1] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6};
  constexpr double kLimit = 1125899906842624.0;  // 2^50
  const double a = std::fabs(d);
  // NaN fails the first test; whole numbers (and the infinities) are to_chars's: it may write
  // them in scientific notation (`1e+05`).
  if (!(a >= 1.0) || !(a < kLimit) || std::trunc(a) == a) return nullptr;
  for (int k = 1; k <= kMaxDecimals; ++k) {
    const double scaled = a * kPowers[k];
    if (!(scaled < kLimit)) return nullptr;
    const double m = std::nearbyint(scaled);
    if (m / kPowers[k] != a) continue;
    char digits[20];
    char* end = std::to_chars(digits, digits + sizeof digits, static_cast<uint64_t>(m)).ptr;
    // At least k + 1 digits: a ≥ 1 makes m ≥ 10^k.
    const size_t whole = static_cast<size_t>(end - digits) - static_cast<size_t>(k);
    char* p = out;
    if (d < 0) *p++ = '-';
    std::memcpy(p, digits, whole);
    p += whole;
    *p++ = '.';
    std::memcpy(p, digits + whole, static_cast<size_t>(k));
    return p + k;
  }
  return nullptr;
}

}  // namespace journey
