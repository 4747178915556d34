#include "tools/journey/time_flag.h"

#include <fmt/core.h>

#include "vm/value/value_convert.h"

namespace journey::cli {

std::optional<Timestamp> parseTimeFlag(std::string_view flag, const std::string& text) {
  Value time = parseTimestamp(text);
  if (!time.isError()) return time.asTimestamp();
  fmt::print(stderr, "error: {} \"{}\": {}\n", flag, text, time.errorMessage());
  if (isTimestampRangeRefusal(time)) {
    fmt::print(stderr, "help: {}\n", kTimestampRange);
  } else if (std::optional<std::string> example = timestampExample(text)) {
    fmt::print(stderr, "help: write an RFC 3339 time, with its offset from UTC: {} {}\n", flag,
               *example);
  }
  return std::nullopt;
}

}  // namespace journey::cli
