#include "vm/value/utf8_repair.h"

namespace journey {

size_t wellFormedLength(std::string_view s) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  auto continuation = [&](size_t i) { return i < s.size() && (byte(i) & 0xC0) == 0x80; };
  unsigned char c = byte(0);
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return continuation(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (s.size() < 2) return 0;
    unsigned char low = c == 0xE0 ? 0xA0 : 0x80;
    unsigned char high = c == 0xED ? 0x9F : 0xBF;
    if (byte(1) < low || byte(1) > high) return 0;
    return continuation(2) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (s.size() < 2) return 0;
    unsigned char low = c == 0xF0 ? 0x90 : 0x80;
    unsigned char high = c == 0xF4 ? 0x8F : 0xBF;
    if (byte(1) < low || byte(1) > high) return 0;
    return continuation(2) && continuation(3) ? 4 : 0;
  }
  return 0;
}

void appendAsUtf8(std::string& out, std::string_view bytes) {
  bool inInvalidRun = false;
  for (size_t i = 0; i < bytes.size();) {
    size_t length = wellFormedLength(bytes.substr(i));
    if (length > 0) {
      out.append(bytes.substr(i, length));
      i += length;
      inInvalidRun = false;
    } else {
      if (!inInvalidRun) out += "\xEF\xBF\xBD";
      inInvalidRun = true;
      ++i;
    }
  }
}

}  // namespace journey
