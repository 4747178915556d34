#include "tools/journey/printable_text.h"

#include <fmt/format.h>

#include "vm/value/value_convert.h"

namespace journey::cli {

namespace {

// The length of the UTF-8 character `text` starts with (a byte of 0x80 or more), or 0 when its
// bytes are not one.
size_t utf8CharLength(std::string_view text) {
  auto lead = static_cast<unsigned char>(text[0]);
  size_t n = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 0;
  return n != 0 && n <= text.size() && isValidUtf8(text.substr(0, n)) ? n : 0;
}

}  // namespace

std::string printableText(std::string_view text, Newlines newlines) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    auto byte = static_cast<unsigned char>(text[i]);
    bool kept = byte == '\n' && newlines == Newlines::Kept;
    size_t character = byte >= 0x80 ? utf8CharLength(text.substr(i)) : 1;
    if ((byte < 0x20 && !kept) || byte == 0x7f || character == 0) {
      out += fmt::format("\\x{:02x}", byte);
    } else {
      out += text.substr(i, character);
      i += character - 1;
    }
  }
  return out;
}

}  // namespace journey::cli
