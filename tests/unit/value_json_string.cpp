// The JSON string escaper every output uses: against a plain reference, over every length up
// to a few words and every place of each character that needs an escape (the escaper reads
// eight bytes at a time and the last few through an overlapping word).
#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "vm/value/json_string.h"

namespace {

std::string reference(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20) {
          char escape[8];
          std::snprintf(escape, sizeof escape, "\\u%04x", c);
          out += escape;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

}  // namespace

TEST_CASE("JSON strings: every length and every place of a character to escape") {
  for (size_t length = 0; length <= 20; ++length) {
    std::string plain;
    for (size_t i = 0; i < length; ++i) plain += static_cast<char>(i % 2 ? 'a' + i : 0xC3);
    std::string out = "x";
    journey::appendJsonString(out, plain);
    CHECK(out == "x" + reference(plain));
    CHECK_FALSE(journey::jsonStringNeedsEscape(plain));
    for (size_t at = 0; at < length; ++at) {
      for (char special : {'"', '\\', '\n', '\x01', '\x1f', '\t'}) {
        std::string s = plain;
        s[at] = special;
        out.clear();
        journey::appendJsonString(out, s);
        CAPTURE(length);
        CAPTURE(at);
        CHECK(out == reference(s));
        CHECK(journey::jsonStringNeedsEscape(s));
      }
    }
  }
  std::string out;
  journey::appendJsonString(out, std::string_view());
  CHECK(out == "\"\"");
}

TEST_CASE("json text: bytes that are not UTF-8 become U+FFFD, a run of them one") {
  auto text = [](std::string_view s) {
    std::string out;
    journey::appendJsonText(out, s);
    return out;
  };
  CHECK(text("bad\xff.journey") == "\"bad\xEF\xBF\xBD.journey\"");
  CHECK(text("a\xfe\xff\"b") == "\"a\xEF\xBF\xBD\\\"b\"");
  CHECK(text("\xC0\xAF") == "\"\xEF\xBF\xBD\"");                 // an overlong `/`
  CHECK(text("caf\xC3\xA9 \xF0\x9F\x98\x80") == "\"caf\xC3\xA9 \xF0\x9F\x98\x80\"");  // kept
  CHECK(text("") == "\"\"");
}
