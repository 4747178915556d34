// `journey repl [FILE…] [--script FILE]`: an interactive session of expressions, declarations
// and a simulated run (docs/repl.md). On a terminal it edits lines with libedit; from a pipe or
// a script it prints no prompt and no colour, and exits 1 when any input failed.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <clocale>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "tools/journey/commands.h"
#include "tools/journey/repl/commands.h"
#include "tools/journey/repl/completion.h"
#include "tools/journey/repl/input_buffer.h"
#include "tools/journey/repl/input_kind.h"
#include "tools/journey/repl/line_source.h"
#include "tools/journey/repl/session.h"

namespace journey::cli {
namespace {

using repl::Outcome;

struct ReplOptions {
  std::vector<std::string> files;
  std::string script;
};

Outcome handleInput(repl::Session& session, const std::string& input) {
  auto result = [](bool ok) { return ok ? Outcome::Ok : Outcome::Failed; };
  switch (repl::classifyInput(input)) {
    case repl::InputKind::Empty:
      return Outcome::Ok;
    case repl::InputKind::Command:
      return repl::runCommand(session, repl::afterLeadingComments(input));
    case repl::InputKind::Let:
      return result(session.let(input));
    case repl::InputKind::Declaration:
      return result(session.declare(input));
    case repl::InputKind::Import:
      session.console().error("`import` belongs in files; in the REPL, `:load FILE` adds a file");
      return Outcome::Failed;
    case repl::InputKind::Test:
      session.console().error("tests run with `journey test FILE…`; the REPL keeps none");
      return Outcome::Failed;
    case repl::InputKind::Expression:
      return result(session.evaluate(input));
  }
  return Outcome::Failed;
}

// Whether `text` is a command whose arguments end with its line (repl::commandEndsWithItsLine).
bool startsCommandOfOneLine(std::string_view text) {
  std::string_view input = repl::afterLeadingComments(text);
  return input.starts_with(':') && repl::commandEndsWithItsLine(input);
}

// The session's clock starts at the wall-clock time, in whole seconds.
Timestamp wallClockNow() {
  auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
      std::chrono::system_clock::now().time_since_epoch());
  return Timestamp{seconds.count(), 0};
}

// "the input ended inside the `[` opened on line 2: `[1, 2,`": what an input that went on to
// the end was left open by, and where (`first` is the input's first line).
std::string unclosedInput(std::string_view text, size_t first) {
  std::optional<repl::OpenPart> open = repl::openPart(text);
  if (!open) return "the input ended inside an open bracket, string or comment";
  size_t lineStart = text.rfind('\n', open->offset);
  lineStart = lineStart == std::string_view::npos ? 0 : lineStart + 1;
  auto before = text.substr(0, lineStart);
  size_t line = first + static_cast<size_t>(std::count(before.begin(), before.end(), '\n'));
  std::string_view shown = text.substr(lineStart, text.find('\n', open->offset) - lineStart);
  shown.remove_prefix(std::min(shown.find_first_not_of(" \t"), shown.size()));
  constexpr size_t kShown = 60;
  size_t cut = std::min(kShown, shown.size());
  while (cut < shown.size() && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) --cut;
  std::string quoted(shown.substr(0, cut));
  if (cut < shown.size()) quoted += "…";
  if (open->trailingOperator) {
    return "the input ended after " + open->what + " at the end of line " +
           std::to_string(line) + ", which goes on to the next: `" + quoted + "`";
  }
  return "the input ended inside " + open->what + ", opened on line " + std::to_string(line) +
         ": `" + quoted + "`";
}

int runRepl(const ReplOptions& opt) {
  std::ifstream scriptFile;
  if (!opt.script.empty()) {
    std::error_code ec;
    if (std::filesystem::is_directory(opt.script, ec)) {  // opens, and reads as empty
      fmt::print(stderr, "error: cannot read `{}`: it is a directory\n", opt.script);
      return kInputErrors;
    }
    scriptFile.open(opt.script);
    if (!scriptFile) {
      fmt::print(stderr, "error: cannot read `{}`: {}\n", opt.script, std::strerror(errno));
      return kInputErrors;
    }
  }
  bool interactive = opt.script.empty() && isatty(STDIN_FILENO);
  bool color = interactive && isatty(STDERR_FILENO) && std::getenv("NO_COLOR") == nullptr;
  if (interactive) std::setlocale(LC_CTYPE, "");  // UTF-8 line editing

  repl::Console console(color);
  repl::Session session(console, wallClockNow());
  bool failed = !opt.files.empty() && !session.load(opt.files);

  std::unique_ptr<repl::LineSource> source;
  if (interactive) {
    fmt::print("journey repl: `:help` lists the commands, Ctrl-D quits\n");
    source = repl::makeTerminalSource(
        [&](std::string_view before) { return repl::complete(session, before); },
        repl::historyFilePath());
  } else {
    source = repl::makeStreamSource(opt.script.empty() ? std::cin : scriptFile);
  }

  repl::InputBuffer buffer;
  size_t lines = 0;      // read so far
  size_t firstLine = 0;  // the buffer's, when it holds an input going on over lines
  for (;;) {
    repl::LineSource::Read read = source->read(!buffer.empty());
    if (read.status == repl::LineSource::Status::Interrupted) {
      buffer.clear();
      continue;
    }
    if (read.status == repl::LineSource::Status::End) {
      if (!read.failure.empty()) {
        console.error(read.failure);
        failed = true;
      } else if (!buffer.empty()) {
        console.error(unclosedInput(buffer.text(), firstLine));
        failed = true;
      }
      break;
    }
    if (buffer.empty()) firstLine = lines + 1;
    ++lines;
    buffer.add(read.line);
    if (!buffer.complete() && !startsCommandOfOneLine(buffer.text())) continue;
    std::string input = buffer.take();
    if (repl::classifyInput(input) == repl::InputKind::Empty) continue;
    source->remember(input);
    Outcome outcome = handleInput(session, input);
    if (outcome == Outcome::Quit) break;
    if (outcome == Outcome::Failed) failed = true;
  }
  return failed && !interactive ? kInputErrors : kSuccess;
}

}  // namespace

Action addReplCommand(CLI::App& app) {
  auto* cmd =
      app.add_subcommand("repl", "try expressions, declarations, events and time interactively");
  auto opt = std::make_shared<ReplOptions>();
  cmd->add_option("files", opt->files, ".journey files to load first");
  cmd->add_option("--script", opt->script, "read the inputs from FILE, as from a pipe")
      ->check(nonEmpty());
  return [opt]() { return runRepl(*opt); };
}

}  // namespace journey::cli
