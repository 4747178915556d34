// The strings extension's `format` and `strings.quote`.
//
// `format` follows the extension's specification (strings-extension.md) as cel-go implements
// it: `%s` prints any value but optionals and records (strings and bytes without quotes, lists
// and maps recursively, map entries sorted by their printed keys), `%d` integers and doubles,
// `%f` / `%e` numbers with a precision (default 6), `%x` / `%X` integers, strings and bytes,
// `%o` integers, `%b` integers and bools. Doubles that are NaN or infinite print as `NaN`,
// `Infinity`, `-Infinity` under every verb that takes a double.
#include "stdlib/strings_format.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vm/value/utf8_repair.h"
#include "vm/value/value_convert.h"

namespace journey::stdlib {

namespace {

constexpr int kDefaultPrecision = 6;
constexpr int kMaxPrecision = 100;

// ---- numbers ------------------------------------------------------------------------------

bool appendNonFinite(std::string& out, double d) {
  if (std::isnan(d)) {
    out += "NaN";
  } else if (std::isinf(d)) {
    out += d > 0 ? "Infinity" : "-Infinity";
  } else {
    return false;
  }
  return true;
}

// The shortest digits that read back as `d`, never with an exponent (`2.5`, `100`, `0.001`),
// the places past them zeros: 1e23 is `100000000000000000000000`, as cel-go writes it, where
// fixed notation (to_chars, printf) would spell out the binary value, 99999999999999991611392.
void appendShortestFixed(std::string& out, double d) {
  if (appendNonFinite(out, d)) return;
  char buffer[32];  // the longest is "-d.dddddddddddddddde-308"
  auto written = std::to_chars(buffer, buffer + sizeof buffer, d, std::chars_format::scientific);
  std::string_view text(buffer, static_cast<size_t>(written.ptr - buffer));
  if (text.front() == '-') {
    out += '-';
    text.remove_prefix(1);
  }
  size_t e = text.find('e');
  std::string digits;
  for (char c : text.substr(0, e)) {
    if (c != '.') digits += c;
  }
  std::string_view exponentText = text.substr(e + 1);
  if (exponentText.front() == '+') exponentText.remove_prefix(1);
  int exponent = 0;
  std::from_chars(exponentText.data(), exponentText.data() + exponentText.size(), exponent);
  // The digits are d.ddd × 10^exponent: this many of them come before the point.
  long before = exponent + 1L;
  if (before <= 0) {
    out += "0.";
    out.append(static_cast<size_t>(-before), '0');
    out += digits;
  } else if (static_cast<size_t>(before) >= digits.size()) {
    out += digits;
    out.append(static_cast<size_t>(before) - digits.size(), '0');
  } else {
    out.append(digits, 0, static_cast<size_t>(before));
    out += '.';
    out.append(digits, static_cast<size_t>(before));
  }
}

void appendWithPrecision(std::string& out, double d, std::chars_format format, int precision) {
  if (appendNonFinite(out, d)) return;
  char buffer[320 + kMaxPrecision];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, d, format, precision);
  out.append(buffer, result.ptr);
}

void appendUnsigned(std::string& out, uint64_t value, int base, bool upper) {
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value, base);
  if (upper) {
    for (char* c = buffer; c != result.ptr; ++c) {
      if (*c >= 'a') *c = static_cast<char>(*c - 'a' + 'A');
    }
  }
  out.append(buffer, result.ptr);
}

void appendInteger(std::string& out, int64_t value, int base, bool upper) {
  uint64_t magnitude = static_cast<uint64_t>(value);
  if (value < 0) {
    out += '-';
    magnitude = 0 - magnitude;  // well defined for INT64_MIN too
  }
  appendUnsigned(out, magnitude, base, upper);
}

void appendHexBytes(std::string& out, std::string_view bytes, bool upper) {
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  out.reserve(out.size() + bytes.size() * 2);
  for (char ch : bytes) {
    auto c = static_cast<unsigned char>(ch);
    out += digits[c >> 4];
    out += digits[c & 15];
  }
}

// ---- %s -----------------------------------------------------------------------------------

// Appends `v` as `%s` prints it; false (with the offending value, possibly nested, in `bad`)
// for an optional or a record.
bool appendAsString(std::string& out, const Value& v, const Value*& bad) {
  switch (v.kind()) {
    case ValueKind::Null: out += "null"; return true;
    case ValueKind::Bool: out += v.asBool() ? "true" : "false"; return true;
    case ValueKind::Int: appendInteger(out, v.asInt(), 10, false); return true;
    case ValueKind::Uint: appendUnsigned(out, v.asUint(), 10, false); return true;
    case ValueKind::Double: appendShortestFixed(out, v.asDouble()); return true;
    case ValueKind::String: out += v.asString(); return true;
    case ValueKind::Bytes: appendAsUtf8(out, v.asBytes()); return true;
    case ValueKind::Timestamp: out += formatTimestamp(v.asTimestamp()); return true;
    case ValueKind::Duration: {
      // Decimal seconds, as the double the duration converts to.
      Duration d = v.asDuration();
      appendShortestFixed(out, static_cast<double>(d.seconds) + d.nanos / 1e9);
      out += 's';
      return true;
    }
    case ValueKind::Type: out += v.typeName(); return true;
    case ValueKind::List: {
      out += '[';
      bool first = true;
      for (const Value& element : v.asList()) {
        if (!first) out += ", ";
        first = false;
        if (!appendAsString(out, element, bad)) return false;
      }
      out += ']';
      return true;
    }
    case ValueKind::Map: {
      std::vector<std::pair<std::string, std::string>> entries;
      entries.reserve(v.asMap().size());
      for (const MapEntry& entry : v.asMap().entries()) {
        std::string key, value;
        if (!appendAsString(key, entry.key, bad) || !appendAsString(value, entry.value, bad)) {
          return false;
        }
        entries.emplace_back(std::move(key), std::move(value));
      }
      std::stable_sort(entries.begin(), entries.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      out += '{';
      for (size_t i = 0; i < entries.size(); ++i) {
        if (i > 0) out += ", ";
        out += entries[i].first;
        out += ": ";
        out += entries[i].second;
      }
      out += '}';
      return true;
    }
    case ValueKind::Record:
    case ValueKind::Optional:
    case ValueKind::Error:
      bad = &v;
      return false;
  }
  bad = &v;
  return false;
}

// ---- clauses ------------------------------------------------------------------------------

Value clauseError(std::string_view accepted, const Value& given) {
  std::string message = "`format`: ";
  message += accepted;
  message += ", was given ";
  message += shownTypeName(given);
  return Value::error(message);
}

Value parseError(std::string_view problem) {
  return Value::error("`format`: cannot read the format string: " + std::string(problem));
}

// Appends `v` formatted by `verb`; an error value when the verb does not take v's kind, else
// null.
Value appendClause(std::string& out, char verb, int precision, const Value& v) {
  ValueKind kind = v.kind();
  switch (verb) {
    case 's': {
      const Value* bad = nullptr;
      if (appendAsString(out, v, bad)) return Value();
      return clauseError("string clause can only be used on strings, bools, bytes, ints, "
                         "uints, doubles, maps, lists, types, durations, timestamps and null",
                         *bad);
    }
    case 'd':
      if (kind == ValueKind::Int) appendInteger(out, v.asInt(), 10, false);
      else if (kind == ValueKind::Uint) appendUnsigned(out, v.asUint(), 10, false);
      else if (kind == ValueKind::Double) appendShortestFixed(out, v.asDouble());
      else return clauseError("decimal clause can only be used on ints, uints and doubles", v);
      return Value();
    case 'f':
    case 'e': {
      double d;
      if (kind == ValueKind::Int) d = static_cast<double>(v.asInt());
      else if (kind == ValueKind::Uint) d = static_cast<double>(v.asUint());
      else if (kind == ValueKind::Double) d = v.asDouble();
      else if (verb == 'f')
        return clauseError("fixed-point clause can only be used on ints, uints and doubles", v);
      else
        return clauseError("scientific clause can only be used on ints, uints and doubles", v);
      appendWithPrecision(out, d,
                          verb == 'f' ? std::chars_format::fixed : std::chars_format::scientific,
                          precision);
      return Value();
    }
    case 'b':
      if (kind == ValueKind::Bool) out += v.asBool() ? '1' : '0';
      else if (kind == ValueKind::Int) appendInteger(out, v.asInt(), 2, false);
      else if (kind == ValueKind::Uint) appendUnsigned(out, v.asUint(), 2, false);
      else return clauseError("binary clause can only be used on ints, uints and bools", v);
      return Value();
    case 'o':
      if (kind == ValueKind::Int) appendInteger(out, v.asInt(), 8, false);
      else if (kind == ValueKind::Uint) appendUnsigned(out, v.asUint(), 8, false);
      else return clauseError("octal clause can only be used on ints and uints", v);
      return Value();
    case 'x':
    case 'X': {
      bool upper = verb == 'X';
      if (kind == ValueKind::Int) appendInteger(out, v.asInt(), 16, upper);
      else if (kind == ValueKind::Uint) appendUnsigned(out, v.asUint(), 16, upper);
      else if (kind == ValueKind::String || kind == ValueKind::Bytes)
        appendHexBytes(out, v.asString(), upper);
      else return clauseError("hex clause can only be used on ints, uints, strings and bytes", v);
      return Value();
    }
    default:
      return Value();  // unreachable: the caller checks the verb
  }
}

bool isVerb(char c) {
  return c == 's' || c == 'd' || c == 'f' || c == 'e' || c == 'b' || c == 'o' || c == 'x' ||
         c == 'X';
}

size_t utf8SequenceLength(char lead) {
  auto c = static_cast<unsigned char>(lead);
  return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

}  // namespace

Value formatString(const Value* args, CallContext&) {
  if (args[1].kind() != ValueKind::List) {
    return Value::error("`format` takes its values as a list, found `" +
                        std::string(shownTypeName(args[1])) + "`");
  }
  std::string_view f = args[0].asString();
  std::span<const Value> values = args[1].asList();
  std::string out;
  out.reserve(f.size() + 8 * values.size());
  size_t next = 0;
  size_t i = 0;
  while (i < f.size()) {
    size_t percent = f.find('%', i);
    if (percent == std::string_view::npos) {
      out += f.substr(i);
      break;
    }
    out += f.substr(i, percent - i);
    i = percent + 1;
    if (i < f.size() && f[i] == '%') {
      out += '%';
      ++i;
      continue;
    }
    int precision = kDefaultPrecision;
    bool precise = i < f.size() && f[i] == '.';
    if (precise) {
      size_t digits = ++i;
      int64_t p = 0;
      for (; i < f.size() && f[i] >= '0' && f[i] <= '9'; ++i) {
        p = std::min<int64_t>(p * 10 + (f[i] - '0'), 1'000'000);
      }
      if (i == digits) return parseError("missing precision after `.`");
      if (p > kMaxPrecision) {  // named as written: `p` stops growing at a million
        return parseError("precision " + std::string(f.substr(digits, i - digits)) +
                          " exceeds the maximum of " + std::to_string(kMaxPrecision));
      }
      precision = static_cast<int>(p);
    }
    if (i >= f.size()) return parseError("it ends inside a clause");
    char verb = f[i];
    size_t verbLength = std::min(utf8SequenceLength(verb), f.size() - i);
    if (!isVerb(verb)) {
      return parseError("unknown clause `%" + std::string(f.substr(i, verbLength)) + "`");
    }
    if (precise && verb != 'f' && verb != 'e') {  // as the checker says (E0318)
      return parseError(std::string("`%") + verb + "` takes no precision; only `%f` and `%e` do");
    }
    i += verbLength;
    if (next >= values.size()) {
      return Value::error("`format`: the format string has more clauses than values (" +
                          std::to_string(values.size()) + " given)");
    }
    Value error = appendClause(out, verb, precision, values[next++]);
    if (error.isError()) return error;
  }
  return Value::string(out);
}

Value quoteString(const Value* args, CallContext&) {
  std::string_view s = args[0].asString();
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (char c : s) {
    switch (c) {
      case '\a': out += "\\a"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\v': out += "\\v"; break;
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      default: out += c;
    }
  }
  out += '"';
  return Value::string(out);
}

}  // namespace journey::stdlib
