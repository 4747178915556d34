// `journey eval EXPR [--let name=EXPR]... [--profile FILE] [--type] [FILE.journey...]`:
// evaluates one expression and prints its value in CEL literal syntax; and
// `journey eval --cases FILE.jsonl`: runs conformance vectors (eval_cases.cpp).
#include <fmt/format.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/diagnostics/renderer.h"
#include "compiler/syntax/token_kinds.h"
#include "tools/journey/commands.h"
#include "tools/journey/diagnostics_output.h"
#include "tools/journey/eval_cases.h"
#include "tools/journey/eval_session.h"
#include "vm/interp/json_input.h"
#include "vm/runtime/line_reader.h"
#include "vm/value/printer.h"

namespace journey::cli {
namespace {

struct EvalOptions {
  std::string expr;
  std::vector<std::string> args;
  std::vector<std::string> lets;
  std::string profile;
  bool showType = false;
  std::string emit;
  DiagnosticOptions diagnostics;  // colour only: nothing here warns
  CasesOptions cases;
};

bool endsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool isIdentifier(std::string_view s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  for (char c : s) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  }
  return true;
}

// Renders the diagnostics reported since `from` (the expression's own, not the program's).
int printNewDiagnostics(const Frontend& fe, size_t from, const std::string& color) {
  bool useColor = colorOnStderr(color);
  const auto& all = fe.diags.all();
  for (size_t i = from; i < all.size(); ++i) {
    fmt::print(stderr, "{}\n", render(all[i], fe.sources, RenderOptions{useColor}));
  }
  return kInputErrors;
}

int evalError(std::string_view message) {
  fmt::print(stderr, "error: {}\n", message);
  return kInputErrors;
}

int runEval(const EvalOptions& opt) {
  EvalSession::setDefaultEngine(opt.cases.engine);
  if (!opt.cases.file.empty()) {
    if (!opt.expr.empty() || !opt.args.empty() || !opt.lets.empty() || !opt.profile.empty()) {
      fmt::print(stderr, "error: `--cases` takes no expression, `--let` or `--profile`\n");
      return kUsage;
    }
    return runCases(opt.cases);
  }
  std::vector<std::string> files;
  std::vector<std::string> exprs;
  if (!opt.expr.empty()) (endsWith(opt.expr, ".journey") ? files : exprs).push_back(opt.expr);
  for (const std::string& a : opt.args) (endsWith(a, ".journey") ? files : exprs).push_back(a);
  if (exprs.size() != 1) {
    std::string found;
    for (const std::string& e : exprs) found += fmt::format("{}`{}`", found.empty() ? "" : ", ", e);
    fmt::print(stderr, "error: give exactly one expression to evaluate{}\n",
               exprs.empty() ? "" : fmt::format(" (found {}: {}; program files end in .journey)",
                                                exprs.size(), found));
    // An argument ending in `.journey` is a program file, even a selection of a field named
    // `journey` (`m.journey`): one that names no file may have been meant as the expression.
    std::error_code ec;
    for (const std::string& f : files) {
      if (!exprs.empty() || std::filesystem::exists(f, ec)) continue;
      fmt::print(stderr,
                 "help: `{}` is taken as a program file, and there is none; as an expression, "
                 "write it in parentheses: `({})`\n", f, f);
    }
    return kUsage;
  }

  Frontend fe;
  if (!files.empty()) {
    fe.parse(files);
    if (!fe.diags.hasErrors()) fe.check();
    if (fe.diags.hasErrors()) return printDiagnostics(fe, opt.diagnostics);
  }
  EvalSession session(fe);
  const sema::ProgramSymbols& symbols = fe.program.symbols;

  if (symbols.profile) {
    Value profile = Value::error("no profile was given: pass `--profile FILE`");
    if (!opt.profile.empty()) {
      std::error_code ec;
      if (std::filesystem::is_directory(opt.profile, ec)) {  // opens, and reads as empty
        return evalError("cannot read `" + opt.profile + "`: it is a directory");
      }
      std::ifstream in(opt.profile, std::ios::binary);
      if (!in) return evalError("cannot read `" + opt.profile + "`: " + std::strerror(errno));
      std::stringstream text;
      text << in.rdbuf();
      std::string json = text.str();
      // As `journey run` reads a profiles file: a byte order mark may start it.
      if (json.starts_with(runtime::LineReader::kByteOrderMark)) {
        json.erase(0, runtime::LineReader::kByteOrderMark.size());
      }
      interp::JsonInput input{fe.program.types, session.layouts(),
                              [&](sema::RecordId r, size_t f) { return session.fieldDefault(r, f); }};
      profile = interp::parseJsonAs(json, symbols.profileType, input, "profile");
      if (profile.isError()) return evalError(fmt::format("{}: {}", opt.profile, profile.errorMessage()));
    }
    session.bind("profile", symbols.profileType, std::move(profile));
  } else if (!opt.profile.empty()) {
    return evalError("`--profile` needs a program with a schema: give its .journey files");
  }

  for (const std::string& let : opt.lets) {
    size_t eq = let.find('=');
    std::string name = let.substr(0, eq);
    while (!name.empty() && name.back() == ' ') name.pop_back();
    if (eq == std::string::npos || !isIdentifier(name)) {
      fmt::print(stderr, "error: `--let` takes `name=EXPR`, found `{}`\n", let);
      return kUsage;
    }
    if (name == "profile") {  // as in the REPL: the name is the profile's, given by file
      fmt::print(stderr, "error: `profile` is the profile: give it with `--profile FILE`\n");
      return kUsage;
    }
    if (std::optional<std::string> why = syntax::whyNotVariableName(name)) {
      fmt::print(stderr, "error: `--let` cannot bind that name: {}\n", *why);
      return kUsage;
    }
    size_t before = fe.diags.all().size();
    EvalSession::Options letOptions;
    letOptions.sourceName = "<--let " + name + ">";  // diagnostics name the binding
    EvalResult r = session.evaluate(let.substr(eq + 1), letOptions);
    if (!r.compiled) return printNewDiagnostics(fe, before, opt.diagnostics.color);
    if (r.value.isError()) return evalError(fmt::format("in `--let {}`: {}", name, r.value.errorMessage()));
    session.bind(name, r.type, std::move(r.value));
  }

  size_t before = fe.diags.all().size();
  EvalSession::Options evalOptions;
  evalOptions.emitIr = opt.emit == "ir";
  evalOptions.emitBytecode = opt.emit == "bytecode";
  evalOptions.emitLlvm = opt.emit == "llvm";
  evalOptions.run = opt.emit.empty();
  EvalResult r = session.evaluate(exprs[0], evalOptions);
  if (!r.compiled) return printNewDiagnostics(fe, before, opt.diagnostics.color);
  if (opt.emit == "llvm" && !r.llvm) {
    fmt::print(stderr, "error: this build has no JIT (built without LLVM): no LLVM IR\n");
    return kUsage;
  }
  if (!opt.emit.empty()) {
    fmt::print("{}", opt.emit == "ir" ? r.ir : opt.emit == "bytecode" ? r.bytecode : *r.llvm);
    return kSuccess;
  }
  if (r.value.isError()) return evalError(r.value.errorMessage());
  if (opt.showType) {
    fmt::print("{} : {}\n", toCelLiteral(r.value), fe.program.types.print(r.type));
  } else {
    fmt::print("{}\n", toCelLiteral(r.value));
  }
  return kSuccess;
}

}  // namespace

Action addEvalCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("eval", "evaluate an expression, or run conformance cases");
  auto opt = std::make_shared<EvalOptions>();
  // The expression is a single string (so CLI11 does not read `[1, 2]` as its list syntax).
  cmd->add_option("expr", opt->expr, "the expression to evaluate");
  cmd->add_option("files", opt->args, "the .journey files of the program it is evaluated in");
  cmd->add_option("--let", opt->lets, "bind name=EXPR for the expression (repeatable, in order)")
      ->allow_extra_args(false);
  cmd->add_option("--profile", opt->profile,
                  "bind `profile` from the first JSON object of FILE, read through the schema")
      ->check(nonEmpty());
  CLI::Option* type =
      cmd->add_flag("--type", opt->showType, "print the static type after the value");
  CLI::Option* emit = cmd->add_option("--emit", opt->emit,
                                      "print a stage instead of the value: ir, bytecode or llvm")
                          ->check(CLI::IsMember({"ir", "bytecode", "llvm"}))
                          ->excludes(type);
  // A flag that would be without effect is refused, rather than silently ignored.
  CLI::Option* cases =
      cmd->add_option("--cases", opt->cases.file, "run the conformance cases of a .jsonl file")
          ->check(nonEmpty())
          ->excludes(type)
          ->excludes(emit);
  cmd->add_option("--engine", opt->cases.engine,
                  "the expression engine: interp (default) or jit (LLVM)")
      ->check(CLI::IsMember({"interp", "jit"}));
  cmd->add_flag("--unchecked", opt->cases.forceUnchecked,
                "run every case without the type checker (dyn semantics)")
      ->needs(cases);
  cmd->add_option("--skip", opt->cases.skipFile, "a file of `id  reason` lines: cases not run")
      ->check(nonEmpty())
      ->needs(cases);
  addColorOption(*cmd, opt->diagnostics.color);
  return [opt]() { return runEval(*opt); };
}

}  // namespace journey::cli
