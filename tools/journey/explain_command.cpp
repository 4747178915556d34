// `journey explain CODE`: the longer explanation of a diagnostic kind.
#include <fmt/format.h>

#include <string>

#include "compiler/diagnostics/diagnostic.h"
#include "tools/journey/commands.h"

namespace journey::cli {

Action addExplainCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("explain", "explain a diagnostic code, for example E0201");
  auto code = std::make_shared<std::string>();
  cmd->add_option("code", *code, "the code printed in brackets: error[E0201]")->required();
  return [code]() {
    const DiagKindInfo* kind = findDiagKind(*code);
    if (!kind) {
      fmt::print(stderr, "error: `{}` is not a diagnostic code; codes look like E0201 or W0101\n", *code);
      return int(kUsage);
    }
    fmt::print("{} ({}): {}\n\n{}\n", kind->code,
               kind->severity == Severity::Error ? "error" : "warning", kind->summary,
               kind->explanation);
    return int(kSuccess);
  };
}

}  // namespace journey::cli
