// shortDecimal against std::to_chars: where it answers, the same characters; and it answers for
// the doubles input usually holds (prices, totals).
#include <doctest/doctest.h>

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>

#include "sanitizer_share.h"
#include "vm/value/short_decimal.h"

using namespace journey;

namespace {

std::string toCharsText(double d) {
  char buffer[32];
  return std::string(buffer, std::to_chars(buffer, buffer + sizeof buffer, d).ptr);
}

// Whether shortDecimal answered for `d`; when it did, its text must be to_chars's.
bool shortDecimalAgrees(double d) {
  char buffer[32];
  char* end = shortDecimal(buffer, d);
  if (!end) return false;
  CAPTURE(d);
  CHECK(std::string(buffer, end) == toCharsText(d));
  return true;
}

}  // namespace

TEST_CASE("short decimal: the usual doubles of input, as to_chars writes them") {
  for (double d : {28.31, 4.28, 60.44, 614.22, 1.5, 1.05, 99.99, 12345.678901, 1.000001,
                   -3.25, -0.5e1 - 0.01, 123456789.123456}) {
    CAPTURE(d);
    CHECK(shortDecimalAgrees(d));
  }
  // Random decimals of one to six places, up to about a billion: all answered.
  std::mt19937_64 random(20261208);
  size_t answered = 0, tried = 0;
  for (int i = 0; i < test::sanitizerShare(200000); ++i) {
    int places = 1 + static_cast<int>(random() % 6);
    uint64_t units = random() % 1'000'000'000'000ull;
    double d = static_cast<double>(units) / std::pow(10.0, places);
    if (std::fabs(d) < 1.0 || std::trunc(d) == d) continue;
    if (random() % 2) d = -d;
    ++tried;
    answered += shortDecimalAgrees(d);
  }
  CHECK(answered == tried);
}

TEST_CASE("short decimal: the doubles it leaves to to_chars") {
  char buffer[32];
  for (double d : {0.0, -0.0, 0.5, 0.05, 0.9999999, 1.0, 100000.0, -7.0, 1e15 + 0.5,
                   1.0000001, 3.14159265358979, 0.1 + 0.2, 1.0 / 3.0,
                   std::numeric_limits<double>::infinity(),
                   -std::numeric_limits<double>::infinity(),
                   std::numeric_limits<double>::quiet_NaN(),
                   std::numeric_limits<double>::max(), std::numeric_limits<double>::denorm_min(),
                   std::nextafter(1.0, 2.0), std::nextafter(28.31, 29.0)}) {
    CAPTURE(d);
    CHECK(shortDecimal(buffer, d) == nullptr);
  }
}

TEST_CASE("short decimal: never a different text from to_chars") {
  std::mt19937_64 random(7);
  // Any bit pattern; then doubles near decimals of up to eight places, a step or two off, and
  // around 2^50, the bound shortDecimal's reasoning needs.
  for (int i = 0; i < test::sanitizerShare(300000); ++i) {
    shortDecimalAgrees(std::bit_cast<double>(random()));
  }
  for (int i = 0; i < test::sanitizerShare(300000); ++i) {
    int places = 1 + static_cast<int>(random() % 8);
    double d = static_cast<double>(random() % 100'000'000'000ull) / std::pow(10.0, places);
    int steps = static_cast<int>(random() % 5) - 2;
    for (int s = 0; s < std::abs(steps); ++s) d = std::nextafter(d, steps < 0 ? 0.0 : 1e300);
    shortDecimalAgrees(d);
  }
  const double limit = std::ldexp(1.0, 50);
  for (int i = 0; i < test::sanitizerShare(100000); ++i) {
    double d = limit / std::pow(10.0, static_cast<int>(random() % 7)) *
               (0.9 + static_cast<double>(random() % 2000) / 10000.0);
    shortDecimalAgrees(std::nearbyint(d * 8) / 8 + 0.125);
    shortDecimalAgrees(d);
  }
}
