#include "tools/journey/printable_text.h"

#include <fmt/format.h>

namespace journey::cli {

std::string printableText(std::string_view text, Newlines newlines) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    bool kept = c == '\n' && newlines == Newlines::Kept;
    if ((byte < 0x20 && !kept) || byte == 0x7f) {
      out += fmt::format("\\x{:02x}", byte);
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace journey::cli
