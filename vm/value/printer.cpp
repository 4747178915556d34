#include "vm/value/printer.h"

#include <charconv>
#include <cmath>

#include "vm/value/record.h"
#include "vm/value/short_decimal.h"
#include "vm/value/value_convert.h"

namespace journey {

namespace {

constexpr char kHex[] = "0123456789abcdef";

void appendHexByte(std::string& out, unsigned char c) {
  out += "\\x";
  out += kHex[c >> 4];
  out += kHex[c & 15];
}

// The escapes CEL shares between string and bytes literals; false for other characters.
bool appendNamedEscape(std::string& out, unsigned char c) {
  switch (c) {
    case '\\': out += "\\\\"; return true;
    case '"': out += "\\\""; return true;
    case '\n': out += "\\n"; return true;
    case '\r': out += "\\r"; return true;
    case '\t': out += "\\t"; return true;
    case '\a': out += "\\a"; return true;
    case '\b': out += "\\b"; return true;
    case '\f': out += "\\f"; return true;
    case '\v': out += "\\v"; return true;
    default: return false;
  }
}

void appendQuotedString(std::string& out, std::string_view s) {
  out += '"';
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (appendNamedEscape(out, c)) continue;
    if (c < 0x20 || c == 0x7f) {
      appendHexByte(out, c);  // in a string, \xHH is the code point U+00HH
    } else if (c == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xa0) {
      // C1 control characters U+0080..U+009F (UTF-8 C2 80..C2 9F) print escaped too.
      auto code = static_cast<unsigned char>(s[++i]);
      out += "\\u00";
      out += kHex[code >> 4];
      out += kHex[code & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
}

void appendQuotedBytes(std::string& out, std::string_view s) {
  out += "b\"";
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (appendNamedEscape(out, c)) continue;
    if (c < 0x20 || c >= 0x7f) {
      appendHexByte(out, c);
    } else {
      out += ch;
    }
  }
  out += '"';
}

}  // namespace

void appendDoubleLiteral(std::string& out, double d) {
  if (std::isnan(d)) {
    out += "double(\"NaN\")";
    return;
  }
  if (std::isinf(d)) {
    out += d > 0 ? "double(\"Infinity\")" : "double(\"-Infinity\")";
    return;
  }
  char buffer[32];
  char* end = shortDecimal(buffer, d);  // most doubles read from input: 28.31
  if (!end) end = std::to_chars(buffer, buffer + sizeof buffer, d).ptr;  // shortest round-trip
  std::string_view digits(buffer, end - buffer);
  out += digits;
  if (digits.find_first_of(".e") == std::string_view::npos) out += ".0";
}

std::string formatDoubleLiteral(double d) {
  std::string out;
  appendDoubleLiteral(out, d);
  return out;
}

std::string quoteCelString(std::string_view utf8) {
  std::string out;
  appendQuotedString(out, utf8);
  return out;
}

std::string quoteCelBytes(std::string_view raw) {
  std::string out;
  appendQuotedBytes(out, raw);
  return out;
}

std::string toCelLiteral(const Value& v) {
  std::string out;
  appendCelLiteral(out, v);
  return out;
}

void appendCelLiteral(std::string& out, const Value& v) {
  switch (v.kind()) {
    case ValueKind::Null:
      out += "null";
      return;
    case ValueKind::Bool:
      out += v.asBool() ? "true" : "false";
      return;
    case ValueKind::Int:
      out += std::to_string(v.asInt());
      return;
    case ValueKind::Uint:
      out += std::to_string(v.asUint());
      out += 'u';
      return;
    case ValueKind::Double:
      appendDoubleLiteral(out, v.asDouble());
      return;
    case ValueKind::String:
      appendQuotedString(out, v.asString());
      return;
    case ValueKind::Bytes:
      appendQuotedBytes(out, v.asBytes());
      return;
    case ValueKind::Timestamp:
      out += "timestamp(\"";
      out += formatTimestamp(v.asTimestamp());
      out += "\")";
      return;
    case ValueKind::Duration:
      out += "duration(\"";
      out += formatDuration(v.asDuration());
      out += "\")";
      return;
    case ValueKind::List: {
      out += '[';
      bool first = true;
      for (const Value& e : v.asList()) {
        if (!first) out += ", ";
        first = false;
        appendCelLiteral(out, e);
      }
      out += ']';
      return;
    }
    case ValueKind::Map: {
      out += '{';
      bool first = true;
      for (const MapEntry& e : v.asMap().entries()) {
        if (!first) out += ", ";
        first = false;
        appendCelLiteral(out, e.key);
        out += ": ";
        appendCelLiteral(out, e.value);
      }
      out += '}';
      return;
    }
    case ValueKind::Record: {
      RecordView r = v.asRecord();
      out += r.layout().name;
      out += '{';
      bool first = true;
      for (size_t i = 0; i < r.fieldCount(); ++i) {
        if (!r.has(i)) continue;
        if (!first) out += ", ";
        first = false;
        out += r.layout().fieldNames[i];
        out += ": ";
        appendCelLiteral(out, r.field(i));
      }
      out += '}';
      return;
    }
    case ValueKind::Optional:
      if (!v.hasValue()) {
        out += "optional.none()";
        return;
      }
      out += "optional.of(";
      appendCelLiteral(out, v.optionalValue());
      out += ')';
      return;
    case ValueKind::Type:
      out += v.typeName();
      return;
    case ValueKind::Error:
      out += "<error: ";
      out += v.errorMessage();
      out += '>';
      return;
  }
}

}  // namespace journey
