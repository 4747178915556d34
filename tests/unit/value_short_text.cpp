// vm/value/short_text.h: equality of byte strings, word by word where they are short, against
// std::string_view's own, at every length up to past the word sizes and every place of a
// difference.
#include <doctest/doctest.h>

#include <string>

#include "vm/value/short_text.h"

TEST_CASE("sameText: every length, and a difference at every place") {
  for (size_t length = 0; length <= 24; ++length) {
    std::string a;
    for (size_t i = 0; i < length; ++i) a += static_cast<char>('a' + i % 26);
    std::string copy = a;  // another buffer: equal bytes, not the same address
    CHECK(journey::sameText(a, copy));
    CHECK_FALSE(journey::sameText(a, a + "x"));
    CHECK_FALSE(journey::sameText(a + "x", a));
    for (size_t at = 0; at < length; ++at) {
      for (char other : {'A', '\0', '\xff'}) {
        std::string b = a;
        b[at] = other;
        CAPTURE(length);
        CAPTURE(at);
        CHECK_FALSE(journey::sameText(a, b));
        CHECK_FALSE(journey::sameText(b, a));
      }
    }
  }
  CHECK(journey::sameText(std::string_view(), std::string_view("")));
}
