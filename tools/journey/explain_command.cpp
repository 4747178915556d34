// `journey explain CODE…`: the longer explanation of diagnostic kinds.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <string>
#include <vector>

#include "compiler/diagnostics/diagnostic.h"
#include "tools/journey/commands.h"
#include "tools/journey/explain.h"

namespace journey::cli {

std::optional<std::string> explainCode(std::string_view code) {
  // `error[E0201]`, copied whole from a diagnostic, names E0201.
  if (size_t open = code.find('['); open != std::string_view::npos && code.ends_with(']')) {
    code = code.substr(open + 1, code.size() - open - 2);
  }
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
  auto codes = std::make_shared<std::vector<std::string>>();
  cmd->add_option("codes", *codes, "the codes printed in brackets: error[E0201]")->required();
  return [codes]() {
    std::vector<std::string> texts;
    for (const std::string& code : *codes) {
      std::optional<std::string> text = explainCode(code);
      if (!text) {
        fmt::print(stderr, "error: {}\n", unknownCodeMessage(code));
        return int(kUsage);
      }
      texts.push_back(std::move(*text));
    }
    fmt::print("{}", fmt::join(texts, "\n"));
    return int(kSuccess);
  };
}

}  // namespace journey::cli
