#include "tools/journey/diagnostics_output.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>

#include "compiler/diagnostics/json_renderer.h"
#include "compiler/diagnostics/renderer.h"
#include "tools/journey/commands.h"

namespace journey::cli {

void addColorOption(CLI::App& cmd, std::string& color) {
  cmd.add_option("--color", color, "colour diagnostics: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
}

void addDiagnosticOptions(CLI::App& cmd, DiagnosticOptions& options) {
  addColorOption(cmd, options.color);
  cmd.add_option("--diagnostic-format", options.format,
                 "diagnostics as text (default) or json, one object per line")
      ->check(CLI::IsMember({"text", "json"}));
  // Each flag takes one code (so a file after it stays a file); codes are kept upper case.
  auto codes = [&cmd](const char* flag, bool deny, std::set<std::string, std::less<>>& into,
                      const char* help) {
    auto normalise = [deny](std::string& value) {
      std::string given = value;
      if (value != "warnings") {
        for (char& c : value) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      }
      // What is no code is named as the user wrote it.
      return warningCodeProblem(findDiagKind(value) ? value : given, deny);
    };
    cmd.add_option_function<std::vector<std::string>>(
           flag, [&into](const std::vector<std::string>& given) { into.insert(given.begin(), given.end()); },
           help)
        ->allow_extra_args(false)
        ->transform(CLI::Validator(normalise, "CODE"));
  };
  codes("--allow", false, options.warnings.allowed, "leave out a warning (W0104; repeatable)");
  codes("--deny", true, options.warnings.denied,
        "make a warning an error (W0104, or `warnings` for all; repeatable)");
}

bool colorOnStderr(const std::string& color) {
  return color == "always" ||
         (color == "auto" && isatty(STDERR_FILENO) && std::getenv("NO_COLOR") == nullptr);
}

int printDiagnostics(Frontend& fe, const DiagnosticOptions& options) {
  applyWarningPolicy(fe.diags, options.warnings);
  fe.diags.sortBySource();
  if (options.format == "json") {
    for (const Diagnostic& d : fe.diags.all()) fmt::print(stderr, "{}\n", renderJson(d, fe.sources));
    return fe.diags.hasErrors() ? kInputErrors : kSuccess;
  }
  bool useColor = colorOnStderr(options.color);
  for (const Diagnostic& d : fe.diags.all()) {
    fmt::print(stderr, "{}\n", render(d, fe.sources, RenderOptions{useColor}));
  }
  std::string summary = renderSummary(fe.diags);
  if (!summary.empty()) fmt::print(stderr, "{}\n", summary);
  return fe.diags.hasErrors() ? kInputErrors : kSuccess;
}

bool loadCheckedProgram(Frontend& fe, const std::vector<std::string>& files,
                        const DiagnosticOptions& options) {
  fe.parse(files);
  if (!fe.diags.hasErrors()) fe.check();
  return printDiagnostics(fe, options) == kSuccess;
}

}  // namespace journey::cli
