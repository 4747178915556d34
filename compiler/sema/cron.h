// Cron schedules: five fields `minute hour day-of-month month day-of-week`, each `*`, a value, a
// range `a-b`, a step `*/n` or `a-b/n` (or `a/n`: from a to the field's end), or a list of those
// separated by commas. Months and weekdays may also be written as three-letter English names,
// in any case; weekday 7 is Sunday like 0.
//
// One reader for the checker, which reports where a schedule is wrong, and the runtime, which
// reads when it runs: a schedule the checker accepts is one the runtime can place.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace journey::sema {

// The values each field allows.
struct CronSpec {
  uint64_t bits[5] = {};                  // bit v: value v of the field; weekday 7 folded into 0
  bool domStar = false, dowStar = false;  // the field starts with `*` (Vixie's rule: when both
                                          // days are restricted, either may match)
};

struct CronError {
  std::string message;
  size_t offset = 0;  // the offending part of the cron string
  size_t length = 0;
};

// The schedule `cron` describes, or what is wrong with it: malformed, or a day of the month
// that none of its months has (`0 9 30 2 *`), which would never run.
std::variant<CronSpec, CronError> parseCron(std::string_view cron);

}  // namespace journey::sema
