#include "tools/journey/time_flag.h"

#include <fmt/core.h>

#include <cctype>

#include "vm/value/value_convert.h"

namespace journey::cli {

std::optional<Timestamp> parseTimeFlag(std::string_view flag, const std::string& text) {
  Value time = parseTimestamp(text);
  if (!time.isError()) return time.asTimestamp();
  fmt::print(stderr, "error: {} \"{}\": {}\n", flag, text, time.errorMessage());
  bool date = text.size() == 10;  // YYYY-MM-DD
  for (size_t i = 0; date && i < text.size(); ++i) {
    date = (i == 4 || i == 7) ? text[i] == '-' : std::isdigit(static_cast<unsigned char>(text[i]));
  }
  std::string example = date ? text + "T00:00:00Z" : "2026-03-02T09:00:00Z";
  fmt::print(stderr, "help: write an RFC 3339 time, with its offset from UTC: {} {}\n", flag,
             example);
  return std::nullopt;
}

}  // namespace journey::cli
