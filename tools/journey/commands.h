// The verbs of the `journey` command. Each registers its flags on a CLI11 subcommand and returns
// the process exit code: 0 success, 1 errors in the input, 2 bad usage (LANGUAGE.md §6).
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

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
