// `journey check FILE…`: parse and check a program; `--emit` prints one stage.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "compiler/ast/printer.h"
#include "compiler/diagnostics/renderer.h"
#include "compiler/driver/frontend.h"
#include "compiler/syntax/parser.h"
#include "tools/journey/commands.h"
#include "tools/journey/diagnostics_output.h"
#include "tools/journey/emit_program.h"

namespace journey::cli {
namespace {

struct CheckOptions {
  std::vector<std::string> files;
  std::string emit;
  std::string color = "auto";
};

int runCheck(const CheckOptions& opt) {
  Frontend fe;
  if (opt.emit == "tokens") {
    // Tokens need no parse: print each readable file's tokens.
    for (const std::string& path : opt.files) {
      if (std::optional<FileId> f = fe.readFile(path)) fmt::print("{}", syntax::dumpTokens(*f, fe.sources));
    }
    return printDiagnostics(fe, opt.color);
  }
  bool parsed = fe.parse(opt.files);
  if (opt.emit == "ast") {
    for (const ast::Module& m : fe.ast.modules) fmt::print("{}", ast::printModule(fe.ast, m, fe.sources));
    return printDiagnostics(fe, opt.color);
  }
  if (parsed || !fe.diags.hasErrors()) fe.check();
  if (opt.emit == "typed") {
    const auto& types = fe.program.facts.types;
    ast::TypeAnnotator annotate = [&](ast::ExprId e) -> std::string {
      return e < types.size() ? fe.program.types.print(types[e]) : std::string();
    };
    for (const ast::Module& m : fe.ast.modules)
      fmt::print("{}", ast::printModule(fe.ast, m, fe.sources, annotate));
  }
  if ((opt.emit == "ir" || opt.emit == "bytecode" || opt.emit == "llvm") &&
      !fe.diags.hasErrors()) {
    std::optional<std::string> text = emitProgram(fe, opt.emit);
    if (!text) {
      fmt::print(stderr, "error: this build has no JIT (built without LLVM): no LLVM IR\n");
      return kUsage;
    }
    fmt::print("{}", *text);
  }
  return printDiagnostics(fe, opt.color);
}

}  // namespace

Action addCheckCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("check", "parse and check .journey files");
  auto opt = std::make_shared<CheckOptions>();
  cmd->add_option("files", opt->files, "the program's .journey files")->required();
  cmd->add_option("--emit", opt->emit, "print a stage: tokens, ast, typed, ir, bytecode or llvm")
      ->check(CLI::IsMember({"tokens", "ast", "typed", "ir", "bytecode", "llvm"}));
  addColorOption(*cmd, opt->color);
  return [opt]() { return runCheck(*opt); };
}

}  // namespace journey::cli
