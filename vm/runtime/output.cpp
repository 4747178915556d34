#include "vm/runtime/output.h"

#include <charconv>
#include <cstring>

#include "vm/value/json_string.h"
#include "vm/value/plain_json.h"
#include "vm/value/value_convert.h"

namespace journey::runtime {

namespace {

// A time as the records write it. Lines come in time order, several at each instant: the last
// one formatted is usually the next one asked for.
std::string_view timeText(Timestamp time) {
  thread_local Timestamp last{INT64_MIN, 0};
  thread_local std::string text;
  if (time != last) {
    text.clear();
    appendTimestamp(text, time);  // digits, `-`, `:`, `.`: nothing to escape
    last = time;
  }
  return text;
}

}  // namespace

RecordLine::RecordLine(Timestamp time, std::string_view kind) {
  // Most lines fit: one allocation instead of a growth step per few fields.
  line_.reserve(kTypicalLength);
  line_ += "{\"time\": \"";
  line_ += timeText(time);
  line_ += '"';
  plainText("kind", kind);  // the runtime's own words
}

void RecordLine::appendNumber(int64_t value) {
  char digits[24];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
  line_.append(digits, end);
}

void RecordLine::appendValue(const Value& value) { appendPlainJson(line_, value); }

const std::string& RecordLine::done() {
  if (!closed_) line_ += '}';
  closed_ = true;
  return line_;
}

std::string rejectedLine(std::string_view input, size_t line, std::string_view reason) {
  std::string out = "{\"kind\": \"rejected\", \"input\": ";
  appendJsonString(out, input);
  out += ", \"line\": " + std::to_string(line) + ", \"reason\": ";
  appendJsonString(out, reason);
  out += '}';
  return out;
}

}  // namespace journey::runtime
