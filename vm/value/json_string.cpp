#include "vm/value/json_string.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "vm/value/printer.h"
#include "vm/value/utf8_repair.h"
#include "vm/value/value_convert.h"

namespace journey {

namespace {

bool needsEscape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

// The same test on eight bytes at once (exact: a borrow can only follow a byte that matched).
constexpr uint64_t kEachByte = 0x0101010101010101u;
constexpr uint64_t kHighBits = 0x8080808080808080u;
bool hasByteBelow(uint64_t word, uint8_t limit) {
  return ((word - kEachByte * limit) & ~word & kHighBits) != 0;
}
bool hasByte(uint64_t word, uint8_t byte) { return hasByteBelow(word ^ (kEachByte * byte), 1); }
bool anyNeedsEscape(uint64_t word) {
  return hasByteBelow(word, 0x20) || hasByte(word, '"') || hasByte(word, '\\');
}
bool anyNeedsEscape(const char* eight) {
  uint64_t word;
  std::memcpy(&word, eight, sizeof word);
  return anyNeedsEscape(word);
}

void appendEscape(std::string& out, unsigned char c) {
  static constexpr char kHex[] = "0123456789abcdef";
  switch (c) {
    case '"': out += "\\\""; return;
    case '\\': out += "\\\\"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    default: {
      const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
      out.append(escape, sizeof escape);
    }
  }
}

}  // namespace

// Eight bytes at a time, the last few through an overlapping word when `s` is long enough;
// four to seven bytes (ids, keys) as two overlapping halves of one word.
bool jsonStringNeedsEscape(std::string_view s) {
  if (s.size() < 8 && s.size() >= 4) {
    uint32_t first, last;
    std::memcpy(&first, s.data(), 4);
    std::memcpy(&last, s.data() + s.size() - 4, 4);
    return anyNeedsEscape(uint64_t{first} << 32 | last);
  }
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    if (anyNeedsEscape(s.data() + i)) return true;
  }
  if (i == s.size()) return false;
  if (s.size() >= 8) return anyNeedsEscape(s.data() + s.size() - 8);
  return std::any_of(s.begin() + static_cast<std::ptrdiff_t>(i), s.end(),
                     [](char c) { return needsEscape(static_cast<unsigned char>(c)); });
}

void appendJsonString(std::string& out, std::string_view s) {
  if (!jsonStringNeedsEscape(s)) {  // most strings: quotes around the bytes, one growth
    size_t at = out.size();
    out.resize(at + s.size() + 2);
    char* to = out.data() + at;
    to[0] = '"';
    if (!s.empty()) std::memcpy(to + 1, s.data(), s.size());
    to[s.size() + 1] = '"';
    return;
  }
  out += '"';
  // Runs of bytes that need no escape are copied whole (most strings are one run), found
  // eight bytes at a time.
  size_t run = 0, i = 0;
  while (i < s.size()) {
    if (i + 8 <= s.size() && !anyNeedsEscape(s.data() + i)) {
      i += 8;
      continue;
    }
    for (size_t end = std::min(i + 8, s.size()); i < end; ++i) {
      auto c = static_cast<unsigned char>(s[i]);
      if (!needsEscape(c)) continue;
      out.append(s.data() + run, i - run);
      appendEscape(out, c);
      run = i + 1;
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

void appendJsonDouble(std::string& out, double d) {
  if (std::isnan(d)) {
    out += "\"NaN\"";
  } else if (std::isinf(d)) {
    out += d > 0 ? "\"Infinity\"" : "\"-Infinity\"";
  } else {
    appendDoubleLiteral(out, d);  // finite: as CEL writes it
  }
}

void appendJsonText(std::string& out, std::string_view s) {
  if (isValidUtf8(s)) return appendJsonString(out, s);
  std::string repaired;
  appendAsUtf8(repaired, s);
  appendJsonString(out, repaired);
}

}  // namespace journey
