// Output records (LANGUAGE.md §5): one JSON object per line, keys in a fixed order, values as
// plain JSON. The runtime builds each line with RecordLine and hands it to a sink.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "vm/value/json_string.h"
#include "vm/value/value.h"

namespace journey::runtime {

class OutputSink {
 public:
  virtual ~OutputSink() = default;
  // One complete JSON object, without the newline.
  virtual void write(std::string_view line) = 0;
};

// Builds `{"time": "...", "kind": "...", ...}` field by field. Field names are the runtime's
// own keys (`journey`, `profile`, ...): string literals, written as they are, whose length the
// compiler knows (the pieces around a value are then a few stores, not calls to memcpy). Values
// are escaped.
class RecordLine {
 public:
  RecordLine(Timestamp time, std::string_view kind);
  ~RecordLine();  // gives the line's buffer back for the next line
  RecordLine(RecordLine&&) = default;
  RecordLine& operator=(RecordLine&&) = default;
  template <size_t N>
  RecordLine& text(const char (&name)[N], std::string_view value) {
    if (jsonStringNeedsEscape(value)) {
      this->name(name);
      appendEscaped(value);
      return *this;
    }
    return plainText(name, value);
  }
  // The same, for a value known to need no escape (checked once: the program's names and
  // source locations).
  template <size_t N>
  RecordLine& plainText(const char (&name)[N], std::string_view value) {
    // `, "name": "value"` in one growth.
    char* to = grow(N + 7 + value.size());
    std::memcpy(to, ", \"", 3);
    std::memcpy(to + 3, name, N - 1);
    std::memcpy(to + N + 2, "\": \"", 4);
    if (!value.empty()) std::memcpy(to + N + 6, value.data(), value.size());
    to[N + 6 + value.size()] = '"';
    return *this;
  }
  template <size_t N>
  RecordLine& value(const char (&name)[N], const Value& value) {  // as plain JSON
    this->name(name);
    appendValue(value);
    return *this;
  }
  // A field whose value is written in parts: `raw` text as it is (JSON made once, punctuation),
  // `plain` a value as plain JSON. The caller makes what they write whole.
  template <size_t N>
  RecordLine& field(const char (&name)[N]) {
    this->name(name);
    return *this;
  }
  RecordLine& raw(std::string_view text) {
    if (!text.empty()) std::memcpy(grow(text.size()), text.data(), text.size());
    return *this;
  }
  RecordLine& plain(const Value& value) {
    appendValue(value);
    return *this;
  }
  // The finished line (valid until the line is changed or destroyed).
  std::string_view done();

 private:
  static constexpr size_t kTypicalLength = 320;  // the shop example's lines: up to 302
  // `, "name": `
  template <size_t N>
  void name(const char (&name)[N]) {
    char* to = grow(N + 5);
    std::memcpy(to, ", \"", 3);
    std::memcpy(to + 3, name, N - 1);
    std::memcpy(to + N + 2, "\": ", 3);
  }
  // Room for `bytes` more at the end of the line. `line_` is kept longer than what is written
  // (`used_`), so that a field costs no zero-filling growth of the string.
  [[gnu::always_inline]] char* grow(size_t bytes) {
    if (used_ + bytes > line_.size()) [[unlikely]] enlarge(used_ + bytes);
    char* at = line_.data() + used_;
    used_ += bytes;
    return at;
  }
  void enlarge(size_t size);  // out of line, so that grow() is a compare and an add
  // The appenders that take a string: given the line cut to what is written.
  void appendEscaped(std::string_view value);
  void appendValue(const Value& value);
  std::string line_;
  size_t used_ = 0;
  bool closed_ = false;
};

// A line without a time: the rejected output.
std::string rejectedLine(std::string_view input, size_t line, std::string_view reason);

}  // namespace journey::runtime
