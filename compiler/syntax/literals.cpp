#include "compiler/syntax/literals.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace journey::syntax {

namespace {

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

LiteralProblem problem(DiagKind kind, std::string message, size_t begin, size_t end) {
  return LiteralProblem{kind, std::move(message), static_cast<uint32_t>(begin),
                        static_cast<uint32_t>(end)};
}

// Shows an escape as written, for messages: printable ASCII only.
std::string shown(std::string_view s) {
  std::string r;
  for (char c : s) {
    if (c >= 0x20 && c < 0x7F) r += c;
  }
  return r;
}

// Decodes the escape sequence starting at `text[i]` (the backslash). On success appends the
// value and sets `i` past the sequence.
std::optional<LiteralProblem> decodeEscape(std::string_view text, size_t& i, bool bytes,
                                           std::string& out) {
  size_t start = i;
  if (i + 1 >= text.size()) {
    return problem(DiagKind::InvalidEscape, "a backslash must be followed by an escape", start,
                   start + 1);
  }
  char c = text[i + 1];
  auto simple = [&](char value) {
    out += value;
    i += 2;
    return std::nullopt;
  };
  switch (c) {
    case 'a': return simple('\a');
    case 'b': return simple('\b');
    case 'f': return simple('\f');
    case 'n': return simple('\n');
    case 'r': return simple('\r');
    case 't': return simple('\t');
    case 'v': return simple('\v');
    case '\\': return simple('\\');
    case '?': return simple('?');
    case '"': return simple('"');
    case '\'': return simple('\'');
    case '`': return simple('`');
    default: break;
  }
  // Hexadecimal: \xHH, \uHHHH, \UHHHHHHHH.
  if (c == 'x' || c == 'X' || c == 'u' || c == 'U') {
    size_t digits = (c == 'x' || c == 'X') ? 2 : c == 'u' ? 4 : 8;
    if (bytes && (c == 'u' || c == 'U')) {
      return problem(DiagKind::InvalidEscape,
                     std::string("`\\") + c + "` escapes are not allowed in bytes literals; use "
                     "`\\x` escapes for each byte",
                     start, start + 2);
    }
    uint32_t value = 0;
    size_t k = 0;
    for (; k < digits && i + 2 + k < text.size(); ++k) {
      int h = hexValue(text[i + 2 + k]);
      if (h < 0) break;
      value = value * 16 + static_cast<uint32_t>(h);
    }
    if (k < digits) {
      return problem(DiagKind::InvalidEscape,
                     std::string("`\\") + c + "` must be followed by " + std::to_string(digits) +
                         " hexadecimal digits",
                     start, i + 2 + k);
    }
    size_t end = i + 2 + digits;
    std::string written = shown(text.substr(start, end - start));
    if (bytes && (c == 'x' || c == 'X')) {
      out += static_cast<char>(value);
    } else if (value >= 0xD800 && value <= 0xDFFF) {
      return problem(DiagKind::InvalidEscape,
                     "`" + written + "` is a UTF-16 surrogate, not a code point", start, end);
    } else if (value > 0x10FFFF) {
      return problem(DiagKind::InvalidEscape,
                     "`" + written + "` is past the last Unicode code point (U+10FFFF)", start,
                     end);
    } else {
      appendUtf8(out, value);
    }
    i = end;
    return std::nullopt;
  }
  // Octal: exactly three digits, \000 to \377.
  if (c >= '0' && c <= '7') {
    if (i + 4 > text.size() || c > '3' || text[i + 2] < '0' || text[i + 2] > '7' ||
        text[i + 3] < '0' || text[i + 3] > '7') {
      size_t end = std::min(text.size(), i + 4);
      return problem(DiagKind::InvalidEscape,
                     "an octal escape has exactly three digits, from `\\000` to `\\377`", start,
                     end);
    }
    uint32_t value = static_cast<uint32_t>((c - '0') * 64 + (text[i + 2] - '0') * 8 +
                                           (text[i + 3] - '0'));
    if (bytes) {
      out += static_cast<char>(value);
    } else {
      appendUtf8(out, value);
    }
    i += 4;
    return std::nullopt;
  }
  // Show the escaped character whole, even when it is not ASCII.
  size_t len = 1;
  unsigned char lead = static_cast<unsigned char>(c);
  if (lead >= 0xF0) len = 4;
  else if (lead >= 0xE0) len = 3;
  else if (lead >= 0xC0) len = 2;
  size_t end = std::min(text.size(), i + 1 + len);
  std::string written(text.substr(start, end - start));
  if (c == '\n' || c == '\r') written = "\\";
  return problem(DiagKind::InvalidEscape, "`" + written + "` is not a valid escape sequence",
                 start, end);
}

}  // namespace

void appendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

QuotedLiteral analyzeQuoted(std::string_view text) {
  QuotedLiteral q;
  size_t i = 0;
  while (i < text.size() && i < 2 && text[i] != '"' && text[i] != '\'') {
    char p = text[i];
    if (p == 'b' || p == 'B') q.bytes = true;
    if (p == 'r' || p == 'R') q.raw = true;
    ++i;
  }
  if (i >= text.size()) {
    q.openLength = static_cast<uint32_t>(text.size());
    return q;
  }
  char quote = text[i];
  bool triple = i + 2 < text.size() && text[i + 1] == quote && text[i + 2] == quote;
  size_t quoteLength = triple ? 3 : 1;
  q.openLength = static_cast<uint32_t>(i + quoteLength);
  // The lexer stops a token at its closing quotes, so they can only be at the very end; an
  // escaped quote (`"abc\"`) does not close.
  size_t body = q.openLength;
  if (text.size() >= body + quoteLength) {
    bool closes = true;
    for (size_t k = text.size() - quoteLength; k < text.size(); ++k) closes &= text[k] == quote;
    if (closes && !q.raw) {
      // Count the backslashes before the closing quotes: an odd number escapes the first one.
      size_t k = text.size() - quoteLength;
      size_t backslashes = 0;
      while (k > body && text[k - 1] == '\\') {
        --k;
        ++backslashes;
      }
      closes = backslashes % 2 == 0;
    }
    if (closes) q.closeLength = static_cast<uint32_t>(quoteLength);
  }
  return q;
}

std::optional<LiteralProblem> decodeQuoted(std::string_view text, std::string& out) {
  QuotedLiteral q = analyzeQuoted(text);
  size_t end = text.size() - q.closeLength;
  size_t i = q.openLength;
  out.clear();
  if (q.raw) {
    out.append(text.substr(i, end - i));
    return std::nullopt;
  }
  while (i < end) {
    char c = text[i];
    if (c != '\\') {
      out += c;
      ++i;
      continue;
    }
    if (auto p = decodeEscape(text.substr(0, end), i, q.bytes, out)) return p;
  }
  return std::nullopt;
}

std::optional<LiteralProblem> decodeInt(std::string_view text, bool negated, int64_t& out) {
  bool hex = text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
  uint64_t base = hex ? 16 : 10;
  uint64_t limit = negated ? uint64_t{1} << 63 : (uint64_t{1} << 63) - 1;
  uint64_t value = 0;
  for (size_t i = hex ? 2 : 0; i < text.size(); ++i) {
    uint64_t digit = static_cast<uint64_t>(hex ? hexValue(text[i]) : text[i] - '0');
    if (value > (limit - digit) / base) {
      return problem(DiagKind::LiteralOutOfRange,
                     "integer literal `" + std::string(negated ? "-" : "") + std::string(text) +
                         "` does not fit in an `int` (64 bits)",
                     0, text.size());
    }
    value = value * base + digit;
  }
  out = negated ? static_cast<int64_t>(0 - value) : static_cast<int64_t>(value);
  return std::nullopt;
}

std::optional<LiteralProblem> decodeUint(std::string_view text, uint64_t& out) {
  std::string_view digits = text.substr(0, text.size() - 1);  // drop the `u`
  bool hex = digits.size() > 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X');
  uint64_t base = hex ? 16 : 10;
  uint64_t value = 0;
  for (size_t i = hex ? 2 : 0; i < digits.size(); ++i) {
    uint64_t digit = static_cast<uint64_t>(hex ? hexValue(digits[i]) : digits[i] - '0');
    if (value > (std::numeric_limits<uint64_t>::max() - digit) / base) {
      return problem(DiagKind::LiteralOutOfRange,
                     "unsigned literal `" + std::string(text) + "` does not fit in a `uint` (64 bits)",
                     0, text.size());
    }
    value = value * base + digit;
  }
  out = value;
  return std::nullopt;
}

std::optional<LiteralProblem> decodeDouble(std::string_view text, double& out) {
  // strtod in the "C" locale: the token only ever holds digits, `.`, `e`, `+` and `-`.
  std::string copy(text);
  errno = 0;
  char* end = nullptr;
  double value = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size()) {
    return problem(DiagKind::InvalidNumber, "`" + copy + "` is not a valid double literal", 0,
                   text.size());
  }
  if (std::isinf(value)) {
    return problem(DiagKind::LiteralOutOfRange,
                   "double literal `" + copy + "` is too large for a `double`", 0, text.size());
  }
  out = value;  // underflow rounds to zero or a subnormal, as in other CEL implementations
  return std::nullopt;
}

std::optional<LiteralProblem> decodeDuration(std::string_view text, int64_t& nanos) {
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  auto tooLarge = [&] {
    return problem(DiagKind::LiteralOutOfRange,
                   "duration `" + std::string(text) +
                       "` is too long (durations are counted in nanoseconds, up to about 292 years)",
                   0, text.size());
  };
  int64_t total = 0;
  size_t i = 0;
  while (i < text.size()) {
    int64_t amount = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      int digit = text[i] - '0';
      if (amount > (kMax - digit) / 10) return tooLarge();
      amount = amount * 10 + digit;
      ++i;
    }
    int64_t unit = 0;
    auto unitIs = [&](std::string_view u) {
      if (text.substr(i, u.size()) != u) return false;
      i += u.size();
      return true;
    };
    if (unitIs("ns")) unit = 1;
    else if (unitIs("us")) unit = 1'000;
    else if (unitIs("ms")) unit = 1'000'000;
    else if (unitIs("s")) unit = 1'000'000'000;
    else if (unitIs("m")) unit = 60'000'000'000;
    else if (unitIs("h")) unit = 3'600'000'000'000;
    else if (unitIs("d")) unit = 86'400'000'000'000;
    else if (unitIs("w")) unit = 604'800'000'000'000;
    else {
      return problem(DiagKind::InvalidNumber, "`" + std::string(text) + "` is not a valid duration",
                     0, text.size());
    }
    if (amount > kMax / unit) return tooLarge();
    int64_t part = amount * unit;
    if (total > kMax - part) return tooLarge();
    total += part;
  }
  nanos = total;
  return std::nullopt;
}

}  // namespace journey::syntax
