// Equality of byte strings that are mostly short (field names, profile ids, keys, dates: 4 to
// 16 bytes), compared as two overlapping words without a call to memcmp, which costs more
// than the compare at these sizes. Always inlined: with one length known (a literal), most of it
// folds away.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace journey {

[[gnu::always_inline]] inline bool sameText(std::string_view a, std::string_view b) {
  const size_t n = a.size();
  if (n != b.size()) return false;
  const char* x = a.data();
  const char* y = b.data();
  auto equalAt = [&](size_t at, auto word) {
    decltype(word) u, v;
    std::memcpy(&u, x + at, sizeof u);
    std::memcpy(&v, y + at, sizeof v);
    return u == v;
  };
  if (n >= 8 && n <= 16) return equalAt(0, uint64_t{}) && equalAt(n - 8, uint64_t{});
  if (n >= 4 && n < 8) return equalAt(0, uint32_t{}) && equalAt(n - 4, uint32_t{});
  if (n < 4) {
    for (size_t i = 0; i < n; ++i) {
      if (x[i] != y[i]) return false;
    }
    return true;
  }
  return std::memcmp(x, y, n) == 0;
}

}  // namespace journey
