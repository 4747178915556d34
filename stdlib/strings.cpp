// String and bytes functions: CEL's standard ones and the strings extension (all arities).
// Indexes and lengths count Unicode code points. `format` and `strings.quote` live in
// strings_format.cpp.
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "stdlib/domains.h"
#include "stdlib/strings_format.h"
#include "vm/value/value_convert.h"

namespace journey::stdlib {

namespace {

// ---- UTF-8 over valid strings -------------------------------------------------------------

bool isContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The byte offset of code point `index` (index <= the string's code point count).
size_t byteOffset(const Value& string, uint64_t index) {
  if (string.isAsciiString()) return static_cast<size_t>(index);
  return utf8ByteOffset(string.asString(), index);
}

// The code point index of byte offset `offset` (which starts a code point).
int64_t codePointIndex(const Value& string, size_t offset) {
  if (string.isAsciiString()) return static_cast<int64_t>(offset);
  return static_cast<int64_t>(countCodePoints(string.asString().substr(0, offset)));
}

// The length in bytes of the code point whose first byte is `lead` (valid UTF-8).
size_t sequenceLength(char lead) {
  auto c = static_cast<unsigned char>(lead);
  if (c < 0x80) return 1;
  if (c < 0xE0) return 2;
  if (c < 0xF0) return 3;
  return 4;
}

char32_t decodeAt(std::string_view s, size_t i, size_t& length) {
  auto c = static_cast<unsigned char>(s[i]);
  length = sequenceLength(s[i]);
  if (length == 1) return c;
  char32_t cp = c & (0xFF >> (length + 1));
  for (size_t k = 1; k < length && i + k < s.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  }
  return cp;
}

// `string`'s positions go from 0 to its length (the end) in code points.
Value indexOutOfRange(int64_t index, const Value& string) {
  return Value::error("index out of range: " + std::to_string(index) + " in a string of length " +
                      std::to_string(string.stringSize()));
}

// Whether `index` is a position in `string`: 0 through its length in code points.
bool isPosition(int64_t index, const Value& string) {
  return index >= 0 && static_cast<uint64_t>(index) <= string.stringSize();
}

// ---- size and the standard predicates -----------------------------------------------------

Value sizeOf(const Value* a, CallContext&) {
  return Value::integer(static_cast<int64_t>(a[0].stringSize()));
}

Value contains(const Value* a, CallContext&) {
  return Value::boolean(a[0].asString().find(a[1].asString()) != std::string_view::npos);
}

Value startsWith(const Value* a, CallContext&) {
  return Value::boolean(a[0].asString().starts_with(a[1].asString()));
}

Value endsWith(const Value* a, CallContext&) {
  return Value::boolean(a[0].asString().ends_with(a[1].asString()));
}

// ---- matches: RE2 with a small per-thread cache of compiled patterns ----------------------

// Expressions use a handful of constant patterns, so a few slots with least-recently-used
// replacement keep compilation out of the hot path while bounding memory per thread.
class RegexCache {
 public:
  const RE2& get(std::string_view pattern) {
    ++clock_;
    Slot* victim = &slots_[0];
    for (Slot& slot : slots_) {
      if (slot.regex && slot.pattern == pattern) {
        slot.lastUse = clock_;
        return *slot.regex;
      }
      if (slot.lastUse < victim->lastUse) victim = &slot;
    }
    RE2::Options options;
    options.set_log_errors(false);
    // Kept even when invalid, so that a bad constant pattern is not recompiled on every call.
    victim->regex =
        std::make_unique<RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
    victim->pattern.assign(pattern);
    victim->lastUse = clock_;
    return *victim->regex;
  }

 private:
  struct Slot {
    std::string pattern;
    std::unique_ptr<RE2> regex;
    uint64_t lastUse = 0;
  };
  std::array<Slot, 16> slots_;
  uint64_t clock_ = 0;
};

Value matches(const Value* a, CallContext&) {
  thread_local RegexCache cache;
  std::string_view pattern = a[1].asString();
  const RE2& regex = cache.get(pattern);
  if (!regex.ok()) {
    return Value::error("invalid regular expression `" + std::string(pattern) +
                        "`: " + regex.error());
  }
  std::string_view text = a[0].asString();
  return Value::boolean(RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), regex));
}

// ---- the strings extension ----------------------------------------------------------------

Value charAt(const Value* a, CallContext&) {
  const Value& s = a[0];
  int64_t index = a[1].asInt();
  if (!isPosition(index, s)) return indexOutOfRange(index, s);
  if (static_cast<uint64_t>(index) == s.stringSize()) return Value::string("");
  size_t offset = byteOffset(s, static_cast<uint64_t>(index));
  return Value::string(s.asString().substr(offset, sequenceLength(s.asString()[offset])));
}

Value indexOfFrom(const Value& s, std::string_view needle, int64_t start) {
  if (!isPosition(start, s)) return indexOutOfRange(start, s);
  std::string_view text = s.asString();
  size_t from = byteOffset(s, static_cast<uint64_t>(start));
  size_t found = text.find(needle, from);
  if (found == std::string_view::npos) return Value::integer(-1);
  if (s.isAsciiString()) return Value::integer(static_cast<int64_t>(found));
  return Value::integer(start +
                        static_cast<int64_t>(countCodePoints(text.substr(from, found - from))));
}

Value indexOf(const Value* a, CallContext&) { return indexOfFrom(a[0], a[1].asString(), 0); }
Value indexOfStart(const Value* a, CallContext&) {
  return indexOfFrom(a[0], a[1].asString(), a[2].asInt());
}

Value lastIndexOfBefore(const Value& s, std::string_view needle, size_t lastStart) {
  size_t found = s.asString().rfind(needle, lastStart);
  if (found == std::string_view::npos) return Value::integer(-1);
  return Value::integer(codePointIndex(s, found));
}

Value lastIndexOf(const Value* a, CallContext&) {
  return lastIndexOfBefore(a[0], a[1].asString(), std::string_view::npos);
}
Value lastIndexOfStart(const Value* a, CallContext&) {
  int64_t start = a[2].asInt();
  if (!isPosition(start, a[0])) return indexOutOfRange(start, a[0]);
  return lastIndexOfBefore(a[0], a[1].asString(), byteOffset(a[0], static_cast<uint64_t>(start)));
}

template <char From, char To>
Value mapAsciiCase(const Value* a, CallContext&) {
  std::string_view s = a[0].asString();
  auto needsChange = [](char c) { return c >= From && c <= To; };
  auto first = std::find_if(s.begin(), s.end(), needsChange);
  if (first == s.end()) return a[0];  // unchanged: share the original
  std::string out(s);
  for (size_t i = static_cast<size_t>(first - s.begin()); i < out.size(); ++i) {
    if (needsChange(out[i])) out[i] = static_cast<char>(out[i] ^ 0x20);
  }
  return Value::string(out);
}

// Go's strings.Replace, which the extension follows: at most `limit` replacements (all when
// negative); an empty `from` matches before every code point and at the end.
Value replaceLimited(const Value& target, std::string_view from, std::string_view to,
                     int64_t limit) {
  std::string_view s = target.asString();
  if (limit == 0) return target;
  std::string out;
  if (from.empty()) {
    out.reserve(s.size() + to.size() * (target.stringSize() + 1));
    int64_t done = 0;
    for (size_t i = 0;; ) {
      if (limit < 0 || done < limit) {
        out += to;
        ++done;
      }
      if (i >= s.size()) break;
      size_t length = sequenceLength(s[i]);
      out += s.substr(i, length);
      i += length;
    }
    return Value::string(out);
  }
  size_t found = s.find(from);
  if (found == std::string_view::npos) return target;
  out.reserve(s.size());
  size_t copied = 0;
  for (int64_t done = 0; found != std::string_view::npos && (limit < 0 || done < limit);
       ++done) {
    out += s.substr(copied, found - copied);
    out += to;
    copied = found + from.size();
    found = s.find(from, copied);
  }
  out += s.substr(copied);
  return Value::string(out);
}

Value replaceAll(const Value* a, CallContext&) {
  return replaceLimited(a[0], a[1].asString(), a[2].asString(), -1);
}
Value replaceN(const Value* a, CallContext&) {
  return replaceLimited(a[0], a[1].asString(), a[2].asString(), a[3].asInt());
}

// Go's strings.SplitN: at most `limit` parts (all when negative, none when zero), the last one
// holding the rest; an empty separator splits between code points.
Value splitLimited(const Value& target, std::string_view separator, int64_t limit) {
  std::string_view s = target.asString();
  std::vector<Value> parts;
  if (limit == 0) return Value::list(std::move(parts));
  if (separator.empty()) {
    uint64_t count = target.stringSize();
    if (limit > 0 && static_cast<uint64_t>(limit) < count) count = static_cast<uint64_t>(limit);
    parts.reserve(count);
    size_t i = 0;
    for (uint64_t k = 0; k + 1 < count; ++k) {
      size_t length = sequenceLength(s[i]);
      parts.push_back(Value::string(s.substr(i, length)));
      i += length;
    }
    if (count > 0) parts.push_back(Value::string(s.substr(i)));
    return Value::list(std::move(parts));
  }
  size_t start = 0;
  while (limit < 0 || static_cast<int64_t>(parts.size()) < limit - 1) {
    size_t found = s.find(separator, start);
    if (found == std::string_view::npos) break;
    parts.push_back(Value::string(s.substr(start, found - start)));
    start = found + separator.size();
  }
  parts.push_back(Value::string(s.substr(start)));
  return Value::list(std::move(parts));
}

Value split(const Value* a, CallContext&) { return splitLimited(a[0], a[1].asString(), -1); }
Value splitN(const Value* a, CallContext&) {
  return splitLimited(a[0], a[1].asString(), a[2].asInt());
}

Value substringFrom(const Value& s, int64_t start, int64_t end) {
  if (!isPosition(start, s)) return indexOutOfRange(start, s);
  if (!isPosition(end, s)) return indexOutOfRange(end, s);
  if (end < start) {
    return Value::error("invalid substring range: start " + std::to_string(start) + ", end " +
                        std::to_string(end));
  }
  if (start == 0 && static_cast<uint64_t>(end) == s.stringSize()) return s;
  std::string_view text = s.asString();
  size_t from = byteOffset(s, static_cast<uint64_t>(start));
  size_t to = s.isAsciiString()
                  ? static_cast<size_t>(end)
                  : from + utf8ByteOffset(text.substr(from), static_cast<uint64_t>(end - start));
  return Value::string(text.substr(from, to - from));
}

Value substring(const Value* a, CallContext&) {
  return substringFrom(a[0], a[1].asInt(), static_cast<int64_t>(a[0].stringSize()));
}
Value substringRange(const Value* a, CallContext&) {
  return substringFrom(a[0], a[1].asInt(), a[2].asInt());
}

// Unicode White_Space (Go's unicode.IsSpace, which the extension follows); zero-width spaces
// are not whitespace.
bool isUnicodeSpace(char32_t c) {
  switch (c) {
    case '\t': case '\n': case '\v': case '\f': case '\r': case ' ':
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F:
    case 0x3000:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;
  }
}

Value trim(const Value* a, CallContext&) {
  std::string_view s = a[0].asString();
  size_t begin = 0;
  while (begin < s.size()) {
    size_t length;
    if (!isUnicodeSpace(decodeAt(s, begin, length))) break;
    begin += length;
  }
  size_t end = s.size();
  while (end > begin) {
    size_t lead = end - 1;
    while (lead > begin && isContinuation(s[lead])) --lead;
    size_t length;
    if (!isUnicodeSpace(decodeAt(s, lead, length))) break;
    end = lead;
  }
  if (begin == 0 && end == s.size()) return a[0];
  return Value::string(s.substr(begin, end - begin));
}

Value joinWith(const Value& list, std::string_view separator) {
  std::span<const Value> elements = list.asList();
  size_t total = elements.empty() ? 0 : separator.size() * (elements.size() - 1);
  for (const Value& e : elements) {
    if (e.kind() != ValueKind::String) return wrongElement("join", "strings", e);
    total += e.asString().size();
  }
  std::string out;
  out.reserve(total);
  for (size_t i = 0; i < elements.size(); ++i) {
    if (i > 0) out += separator;
    out += elements[i].asString();
  }
  return Value::string(out);
}

Value join(const Value* a, CallContext&) { return joinWith(a[0], ""); }
Value joinSeparated(const Value* a, CallContext&) { return joinWith(a[0], a[1].asString()); }

Value reverse(const Value* a, CallContext&) {
  std::string_view s = a[0].asString();
  if (a[0].stringSize() < 2) return a[0];
  std::string out(s.size(), '\0');
  if (a[0].isAsciiString()) {
    std::reverse_copy(s.begin(), s.end(), out.begin());
  } else {
    size_t write = s.size();
    for (size_t i = 0; i < s.size();) {
      size_t length = sequenceLength(s[i]);
      write -= length;
      s.copy(out.data() + write, length, i);
      i += length;
    }
  }
  return Value::string(out);
}

}  // namespace

void declareStrings(std::vector<Overload>& out) {
  out.insert(out.end(), {
      {"size", "size_string", false, {"string"}, "int", &sizeOf},
      {"size", "size_bytes", false, {"bytes"}, "int", &sizeOf},
      {"size", "string_size", true, {"string"}, "int", &sizeOf},
      {"size", "bytes_size", true, {"bytes"}, "int", &sizeOf},

      {"contains", "contains_string", true, {"string", "string"}, "bool", &contains},
      {"startsWith", "starts_with_string", true, {"string", "string"}, "bool", &startsWith},
      {"endsWith", "ends_with_string", true, {"string", "string"}, "bool", &endsWith},
      // RE2 syntax; true when the pattern matches any substring.
      {"matches", "matches", false, {"string", "string"}, "bool", &matches},
      {"matches", "matches_string", true, {"string", "string"}, "bool", &matches},

      // The strings extension.
      {"charAt", "string_char_at_int", true, {"string", "int"}, "string", &charAt},
      {"indexOf", "string_index_of_string", true, {"string", "string"}, "int", &indexOf},
      {"indexOf", "string_index_of_string_int", true, {"string", "string", "int"}, "int",
       &indexOfStart},
      {"lastIndexOf", "string_last_index_of_string", true, {"string", "string"}, "int",
       &lastIndexOf},
      {"lastIndexOf", "string_last_index_of_string_int", true, {"string", "string", "int"},
       "int", &lastIndexOfStart},
      {"lowerAscii", "string_lower_ascii", true, {"string"}, "string", &mapAsciiCase<'A', 'Z'>},
      {"upperAscii", "string_upper_ascii", true, {"string"}, "string", &mapAsciiCase<'a', 'z'>},
      {"replace", "string_replace_string_string", true, {"string", "string", "string"},
       "string", &replaceAll},
      {"replace", "string_replace_string_string_int", true,
       {"string", "string", "string", "int"}, "string", &replaceN},
      {"split", "string_split_string", true, {"string", "string"}, "list<string>", &split},
      {"split", "string_split_string_int", true, {"string", "string", "int"}, "list<string>",
       &splitN},
      {"substring", "string_substring_int", true, {"string", "int"}, "string", &substring},
      {"substring", "string_substring_int_int", true, {"string", "int", "int"}, "string",
       &substringRange},
      {"trim", "string_trim", true, {"string"}, "string", &trim},
      {"join", "list_join", true, {"list<string>"}, "string", &join},
      {"join", "list_join_string", true, {"list<string>", "string"}, "string", &joinSeparated},
      {"reverse", "string_reverse", true, {"string"}, "string", &reverse},
      // The verbs (%s %d %f %e %x %X %o %b) are checked against the values at run time.
      {"format", "string_format_list", true, {"string", "list<dyn>"}, "string", &formatString},
      {"strings.quote", "strings_quote", false, {"string"}, "string", &quoteString},
  });
}

}  // namespace journey::stdlib
