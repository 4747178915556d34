// The verbs of the `journey` command. Each registers its flags on a CLI11 subcommand and returns
// the process exit code: 0 success, 1 errors in the input, 2 bad usage (LANGUAGE.md §6).
#pragma once

#include <CLI/CLI.hpp>

#include <charconv>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <system_error>

#include "vm/value/value.h"

namespace journey::cli {

enum ExitCode : int { kSuccess = 0, kInputErrors = 1, kUsage = 2 };

// A verb's action, run after the command line parsed.
using Action = std::function<int()>;

// For a flag whose value names something (a file, a time): an empty value is refused, where it
// would quietly mean the flag's default (`--profiles ""`: no profiles at all).
inline CLI::Validator nonEmpty() {
  return CLI::Validator(
      [](const std::string& value) {
        return value.empty() ? std::string("an empty value names nothing") : std::string();
      },
      "", "nonEmpty");
}

// For a flag that takes a count: a whole number from `min` to `max`. CLI11's own range check
// says a value that is no number, or a fraction, is "not in range", which points elsewhere.
inline CLI::Validator wholeNumber(uint64_t min, uint64_t max) {
  auto check = [min, max](const std::string& value) {
    uint64_t n = 0;
    const char* end = value.data() + value.size();
    auto [stop, error] = std::from_chars(value.data(), end, n);
    if (value.empty() || stop != end || error != std::errc() || n < min || n > max) {
      return "expected a whole number from " + std::to_string(min) + " to " +
             std::to_string(max) + ", found `" + value + "`";
    }
    return std::string();
  };
  return CLI::Validator(check, "", "wholeNumber");
}

// `--max-gap-days D` of the verbs that read a record stream (`run`, `audience`): a record more
// than D days after the previous one is rejected as a mistyped time; 0 lifts the limit. Sets
// `gap` (none for 0) once the flags are parsed.
inline void addMaxGapOption(CLI::App& cmd, std::optional<Duration>& gap) {
  cmd.add_option_function<uint64_t>(
         "--max-gap-days",
         [&gap](uint64_t days) {
           gap.reset();
           if (days) gap = Duration{static_cast<int64_t>(days) * 86400, 0};
         },
         "reject a record more than this many days after the previous one, as a mistyped "
         "time (default 3650; 0: no limit)")
      ->check(wholeNumber(0, 1'000'000));
}

Action addCheckCommand(CLI::App& app);
Action addExplainCommand(CLI::App& app);
Action addEvalCommand(CLI::App& app);
Action addRunCommand(CLI::App& app);
Action addAudienceCommand(CLI::App& app);
Action addBuildCommand(CLI::App& app);
Action addInspectCommand(CLI::App& app);
Action addReplCommand(CLI::App& app);
Action addTestCommand(CLI::App& app);
Action addGraphCommand(CLI::App& app);
Action addFmtCommand(CLI::App& app);

}  // namespace journey::cli
