// `journey check FILE…`: parse and check a program; `--emit` prints one stage.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "compiler/diagnostics/renderer.h"
#include "compiler/driver/frontend.h"
#include "tools/journey/commands.h"
#include "tools/journey/diagnostics_output.h"
#include "tools/journey/emit_program.h"
#include "tools/journey/testing/test_inputs_check.h"

namespace journey::cli {
namespace {

struct CheckOptions {
  std::vector<std::string> files;
  std::string emit;
  DiagnosticOptions diagnostics;
};

int runCheck(const CheckOptions& opt) {
  Frontend fe;
  bool parsed = fe.parse(opt.files);
  // Tokens and the syntax tree need no check: of every file read, imports included, with the
  // syntax errors found on the way (as `build --emit` prints them).
  if (opt.emit == "tokens" || opt.emit == "ast") {
    printStage(fe, opt.emit);
    return printDiagnostics(fe, opt.diagnostics);
  }
  if ((parsed || !fe.diags.hasErrors()) && fe.check()) checkTestInputs(fe);
  if (!opt.emit.empty() && !printStage(fe, opt.emit)) return kUsage;
  return printDiagnostics(fe, opt.diagnostics);
}

}  // namespace

Action addCheckCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("check", "parse and check .journey files");
  auto opt = std::make_shared<CheckOptions>();
  cmd->add_option("files", opt->files, "the program's .journey files")->required();
  cmd->add_option("--emit", opt->emit, "print a stage: tokens, ast, typed, ir, bytecode or llvm")
      ->check(CLI::IsMember({"tokens", "ast", "typed", "ir", "bytecode", "llvm"}));
  addDiagnosticOptions(*cmd, opt->diagnostics);
  return [opt]() { return runCheck(*opt); };
}

}  // namespace journey::cli
