#include "vm/runtime/output.h"

#include "vm/value/json_string.h"
#include "vm/value/plain_json.h"
#include "vm/value/value_convert.h"

namespace journey::runtime {

RecordLine::RecordLine(Timestamp time, std::string_view kind) {
  line_ = "{\"time\": ";
  appendJsonString(line_, formatTimestamp(time));
  text("kind", kind);
}

void RecordLine::name(std::string_view name) {
  line_ += ", ";
  appendJsonString(line_, name);
  line_ += ": ";
}

RecordLine& RecordLine::text(std::string_view name, std::string_view value) {
  this->name(name);
  appendJsonString(line_, value);
  return *this;
}

RecordLine& RecordLine::number(std::string_view name, int64_t value) {
  this->name(name);
  line_ += std::to_string(value);
  return *this;
}

RecordLine& RecordLine::value(std::string_view name, const Value& value) {
  this->name(name);
  appendPlainJson(line_, value);
  return *this;
}

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
