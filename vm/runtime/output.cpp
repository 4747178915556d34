#include "vm/runtime/output.h"

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
  // Room that most lines fit, allocated and zero-filled once: fields are written into it.
  line_.resize(kTypicalLength);
  std::string_view text = timeText(time);
  char* to = grow(text.size() + 11);  // {"time": "…"
  std::memcpy(to, "{\"time\": \"", 10);
  std::memcpy(to + 10, text.data(), text.size());
  to[10 + text.size()] = '"';
  plainText("kind", kind);  // the runtime's own words
}

void RecordLine::appendEscaped(std::string_view value) {
  line_.resize(used_);
  appendJsonString(line_, value);
  used_ = line_.size();
}

void RecordLine::appendValue(const Value& value) {
  line_.resize(used_);
  appendPlainJson(line_, value);
  used_ = line_.size();
}

const std::string& RecordLine::done() {
  if (!closed_) {
    line_.resize(used_);
    line_ += '}';
  }
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
