#include "vm/runtime/output.h"

#include <cstring>
#include <vector>

#include "vm/value/calendar_math.h"
#include "vm/value/json_string.h"
#include "vm/value/plain_json.h"
#include "vm/value/value_convert.h"

namespace journey::runtime {

namespace {

// A time as the records write it. Lines come in time order, several at each instant: the last
// one formatted is usually the next one asked for, or a later second of the same day, when only
// the time of day needs writing.
std::string_view timeText(Timestamp time) {
  thread_local Timestamp last{INT64_MIN, 0};
  thread_local int64_t lastDay = INT64_MIN;  // when `text` is `YYYY-MM-DDTHH:MM:SSZ`
  thread_local std::string text;
  if (time == last) return text;
  int64_t day = floorDiv(time.seconds, kSecondsPerDay);
  if (day == lastDay && time.nanos == 0) {
    auto second = static_cast<uint32_t>(time.seconds - day * kSecondsPerDay);
    putDigits(text.data() + 11, second / 3600, 2);
    putDigits(text.data() + 14, second / 60 % 60, 2);
    putDigits(text.data() + 17, second % 60, 2);
  } else {
    text.clear();
    appendTimestamp(text, time);  // digits, `-`, `:`, `.`: nothing to escape
    lastDay = time.nanos == 0 && text.size() == 20 ? day : INT64_MIN;
  }
  last = time;
  return text;
}

// Line buffers between lines. A line is written as soon as it is built, so few are in use at
// once; taking one back saves each line an allocation and the zero-filling of its room.
std::vector<std::string>& spareLines() {
  thread_local std::vector<std::string> spare;
  return spare;
}

}  // namespace

RecordLine::RecordLine(Timestamp time, std::string_view kind) {
  std::vector<std::string>& spare = spareLines();
  if (!spare.empty()) {
    line_ = std::move(spare.back());
    spare.pop_back();
  }
  // All the room allocated is used: fields are written into it.
  line_.resize(std::max(line_.capacity(), kTypicalLength));
  std::string_view text = timeText(time);
  char* to = grow(text.size() + 11);  // {"time": "…"
  std::memcpy(to, "{\"time\": \"", 10);
  std::memcpy(to + 10, text.data(), text.size());
  to[10 + text.size()] = '"';
  plainText("kind", kind);  // the runtime's own words
}

RecordLine::~RecordLine() {
  constexpr size_t kSpareLines = 8;
  std::vector<std::string>& spare = spareLines();
  if (line_.capacity() >= kTypicalLength && spare.size() < kSpareLines) {
    spare.push_back(std::move(line_));
  }
}

void RecordLine::enlarge(size_t size) {
  // The room the string has is used first (an appended value leaves it shorter); then it doubles.
  line_.resize(size <= line_.capacity() ? line_.capacity() : std::max(line_.size() * 2, size));
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

std::string_view RecordLine::done() {
  // The string keeps its room (its size stays its capacity): the next line to take this
  // buffer then fills none of it again.
  if (!closed_) *grow(1) = '}';
  closed_ = true;
  return {line_.data(), used_};
}

std::string rejectedLine(std::string_view input, size_t line, std::string_view reason) {
  std::string out = "{\"kind\": \"rejected\", \"input\": ";
  // A file's name, and a reason quoting a line, may not be UTF-8: repaired, so the line is JSON.
  appendJsonText(out, input);
  out += ", \"line\": " + std::to_string(line) + ", \"reason\": ";
  appendJsonText(out, reason);
  out += '}';
  return out;
}

}  // namespace journey::runtime
