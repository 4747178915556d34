// Output records (LANGUAGE.md §5): one JSON object per line, keys in a fixed order, values as
// plain JSON. The runtime builds each line with RecordLine and hands it to a sink.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "vm/value/value.h"

namespace journey::runtime {

class OutputSink {
 public:
  virtual ~OutputSink() = default;
  // One complete JSON object, without the newline.
  virtual void write(std::string_view line) = 0;
};

// Builds `{"time": "...", "kind": "...", ...}` field by field. Field names are the runtime's
// own keys (`journey`, `profile`, ...), written as they are; values are escaped.
class RecordLine {
 public:
  RecordLine(Timestamp time, std::string_view kind);
  RecordLine& text(std::string_view name, std::string_view value);
  // The same, for a value known to need no escape (checked once: the program's names and
  // source locations).
  RecordLine& plainText(std::string_view name, std::string_view value);
  RecordLine& number(std::string_view name, int64_t value);
  RecordLine& value(std::string_view name, const Value& value);  // as plain JSON
  // The finished line.
  const std::string& done();

 private:
  static constexpr size_t kTypicalLength = 320;  // the shop example's lines: up to 302
  void name(std::string_view name);
  std::string line_;
  bool closed_ = false;
};

// A line without a time: the rejected output.
std::string rejectedLine(std::string_view input, size_t line, std::string_view reason);

}  // namespace journey::runtime
