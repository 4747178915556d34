#include "tools/journey/diagnostics_output.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>

#include "compiler/diagnostics/renderer.h"
#include "tools/journey/commands.h"

namespace journey::cli {

void addColorOption(CLI::App& cmd, std::string& color) {
  cmd.add_option("--color", color, "colour diagnostics: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
}

bool colorOnStderr(const std::string& color) {
  return color == "always" ||
         (color == "auto" && isatty(STDERR_FILENO) && std::getenv("NO_COLOR") == nullptr);
}

int printDiagnostics(const Frontend& fe, const std::string& color) {
  bool useColor = colorOnStderr(color);
  for (const Diagnostic& d : fe.diags.all()) {
    fmt::print(stderr, "{}\n", render(d, fe.sources, RenderOptions{useColor}));
  }
  std::string summary = renderSummary(fe.diags);
  if (!summary.empty()) fmt::print(stderr, "{}\n", summary);
  return fe.diags.hasErrors() ? kInputErrors : kSuccess;
}

bool loadCheckedProgram(Frontend& fe, const std::vector<std::string>& files, const std::string& color) {
  fe.parse(files);
  if (!fe.diags.hasErrors()) fe.check();
  return printDiagnostics(fe, color) == kSuccess;
}

}  // namespace journey::cli
