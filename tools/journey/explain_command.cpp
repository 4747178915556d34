// `journey explain CODE`: the longer explanation of a diagnostic kind.
#include <fmt/format.h>

#include <string>

#include "compiler/diagnostics/diagnostic.h"
#include "tools/journey/commands.h"
#include "tools/journey/explain.h"

namespace journey::cli {

std::optional<std::string> explainCode(std::string_view code) {
  const DiagKindInfo* kind = findDiagKind(code);
  if (!kind) return std::nullopt;
  return fmt::format("{} ({}): {}\n\n{}\n", kind->code,
                     kind->severity == Severity::Error ? "error" : "warning", kind->summary,
                     kind->explanation);
}

std::string unknownCodeMessage(std::string_view code) {
  return fmt::format("`{}` is not a diagnostic code; codes look like E0201 or W0101", code);
}

Action addExplainCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("explain", "explain a diagnostic code, for example E0201");
  auto code = std::make_shared<std::string>();
  cmd->add_option("code", *code, "the code printed in brackets: error[E0201]")->required();
  return [code]() {
    std::optional<std::string> text = explainCode(*code);
    if (!text) {
      fmt::print(stderr, "error: {}\n", unknownCodeMessage(*code));
      return int(kUsage);
    }
    fmt::print("{}", *text);
    return int(kSuccess);
  };
}

}  // namespace journey::cli
