// `journey run FILE… --profiles P --events E [--until T] [--out F] [--rejected F] [--trace]`:
// simulates the program on recorded or synthetic inputs (LANGUAGE.md §5).
#include <fmt/format.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "compiler/driver/frontend.h"
#include "compiler/ir/lower_program.h"
#include "tools/journey/commands.h"
#include "tools/journey/diagnostics_output.h"
#include "tools/journey/program_engine.h"
#include "vm/runtime/simulation.h"
#include "vm/value/value_convert.h"

namespace journey::cli {
namespace {

struct RunOptions {
  std::vector<std::string> files;
  std::string profiles;
  std::string events;
  std::string until;
  std::string out = "-";
  std::string rejected;
  std::string engine = "interp";
  bool trace = false;
  std::string color = "auto";
};

// Lines to a file (or stdout for "-"), each followed by a newline.
class FileSink final : public runtime::OutputSink {
 public:
  explicit FileSink(std::FILE* file, bool owns = false) : file_(file), owns_(owns) {}
  ~FileSink() override {
    if (owns_) std::fclose(file_);
  }
  void write(std::string_view line) override {
    std::fwrite(line.data(), 1, line.size(), file_);
    std::fputc('\n', file_);
  }

 private:
  std::FILE* file_;
  bool owns_;
};

// No path: `fallback`; "-": stdout (so `--rejected -` interleaves with the output in order).
std::unique_ptr<FileSink> openSink(const std::string& path, std::FILE* fallback) {
  if (path.empty()) return std::make_unique<FileSink>(fallback);
  if (path == "-") return std::make_unique<FileSink>(stdout);
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return nullptr;
  return std::make_unique<FileSink>(f, true);
}

void printSummary(const runtime::RunStats& s) {
  fmt::print(stderr, "{} profiles, {} records applied, {} rejected\n", s.profiles, s.records,
             s.rejected);
  std::string ended;
  for (const auto& [reason, n] : s.ended) ended += fmt::format(", {} {}", n, reason);
  fmt::print(stderr, "{} entered, {} skipped; ended: {}\n", s.entered, s.skipped,
             ended.empty() ? "none" : ended.substr(2));
  std::string sends;
  uint64_t total = 0;
  for (const auto& [channel, n] : s.sends) {
    sends += fmt::format(", {} {}", n, channel);
    total += n;
  }
  fmt::print(stderr, "{} sent{}; {} suppressed, {} capped\n", total, sends, s.suppressed, s.capped);
}

int runSimulation(const RunOptions& opt) {
  Frontend fe;
  fe.parse(opt.files);
  if (!fe.diags.hasErrors()) fe.check();
  if (fe.diags.hasErrors()) return printDiagnostics(fe, opt.color);
  printDiagnostics(fe, opt.color);  // warnings

  runtime::SimulationInput input;
  input.profiles = opt.profiles;
  input.events = opt.events;
  if (!opt.until.empty()) {
    Value until = parseTimestamp(opt.until);
    if (until.isError()) {
      fmt::print(stderr, "error: --until: {}\n", until.errorMessage());
      return kUsage;
    }
    input.until = until.asTimestamp();
  }
  std::unique_ptr<FileSink> out = openSink(opt.out, stdout);
  if (!out) {
    fmt::print(stderr, "error: cannot write {}\n", opt.out);
    return kInputErrors;
  }
  std::unique_ptr<FileSink> rejected = openSink(opt.rejected, stderr);
  if (!rejected) {
    fmt::print(stderr, "error: cannot write {}\n", opt.rejected);
    return kInputErrors;
  }
  FileSink trace(stderr);
  if (opt.trace) input.trace = &trace;
  input.abandonStateAtEnd = true;

  ir::ProgramIr program = ir::lowerProgram(fe.sources, fe.ast, fe.program);
  std::unique_ptr<runtime::ExpressionEngine> engine = makeProgramEngine(program, opt.engine);
  runtime::RunStats stats;
  if (std::optional<std::string> error =
          runtime::simulate(program, *engine, input, *out, *rejected, stats)) {
    fmt::print(stderr, "error: {}\n", *error);
    return kInputErrors;
  }
  std::fflush(stdout);
  printSummary(stats);
  return kSuccess;
}

}  // namespace

Action addRunCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("run", "simulate a program on profiles and a record stream");
  auto opt = std::make_shared<RunOptions>();
  cmd->add_option("files", opt->files, "the program's .journey files")->required();
  cmd->add_option("--profiles", opt->profiles, "profiles as JSON lines");
  cmd->add_option("--events", opt->events, "the record stream as JSON lines (- for stdin)")
      ->required();
  cmd->add_option("--until", opt->until, "run the clock on to this RFC 3339 time");
  cmd->add_option("--out", opt->out, "output records (default: stdout)");
  cmd->add_option("--rejected", opt->rejected, "rejected records (default: stderr; - for stdout)");
  cmd->add_option("--engine", opt->engine,
                  "the expression engine: interp (default) or jit (LLVM)")
      ->check(CLI::IsMember({"interp", "jit"}));
  cmd->add_flag("--trace", opt->trace, "print each step an instance takes on stderr");
  addColorOption(*cmd, opt->color);
  return [opt]() { return runSimulation(*opt); };
}

}  // namespace journey::cli
