// `journey run FILE… --profiles P --events E [--until T] [--out F] [--rejected F] [--trace]
// [--threads N] [--max-gap-days D]`: simulates the program on recorded or synthetic inputs (LANGUAGE.md §5).
#include <fmt/format.h>
#include <sys/stat.h>

#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "compiler/artifact/schema_fingerprint.h"
#include "tools/journey/commands.h"
#include "tools/journey/time_flag.h"
#include "tools/journey/diagnostics_output.h"
#include "tools/journey/file_sink.h"
#include "tools/journey/output_clash.h"
#include "tools/journey/program_engine.h"
#include "tools/journey/program_input.h"
#ifdef JOURNEY_HAVE_JIT
#include "tools/journey/jit_loader.h"
#endif
#include "vm/runtime/engine_choice.h"
#include "vm/runtime/simulation.h"
#include "vm/value/value_convert.h"

namespace journey::cli {
namespace {

struct RunOptions {
  std::vector<std::string> files;
  std::string profiles;
  std::string events;
  std::optional<std::string> until;  // given, even empty: a time
  std::string out = "-";
  std::string rejected;
  std::string engine = "auto";
  std::string schemaFingerprint;
  bool trace = false;
  DiagnosticOptions diagnostics;
  unsigned threads = 0;  // 0: two when the machine has two cores or more
  // Days a record may follow the previous one by (0: any gap).
  std::optional<Duration> maxGap = runtime::kDefaultMaxGap;
};

void printSummary(const runtime::RunStats& s) {
  // Records applied and rejected add up to the record lines read, profile lines apart.
  fmt::print(stderr, "{} profiles, {} records applied, {} rejected{}\n", s.profiles, s.records,
             s.rejected,
             s.rejectedProfiles == 0 ? ""
             : fmt::format(" ({} of them profile line{})", s.rejectedProfiles,
                           s.rejectedProfiles == 1 ? "" : "s"));
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

// `--schema-fingerprint`: the profiles were written under a schema; refuse a program whose
// schema is another.
int checkSchema(const ir::ProgramIr& program, const std::string& given) {
  if (given.empty()) return kSuccess;
  std::string expected = given;  // hex digits in either case, as other tools print them
  for (char& c : expected) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (expected.size() != 16 || expected.find_first_not_of("0123456789abcdef") != std::string::npos) {
    fmt::print(stderr, "error: --schema-fingerprint {}: expected 16 hex digits\n", given);
    return kUsage;
  }
  std::string actual =
      artifact::fingerprintText(artifact::schemaFingerprint(program.types, program.profileType));
  if (actual == expected) return kSuccess;
  fmt::print(stderr,
             "error: schema fingerprint mismatch: the program's schema is {}, the profiles' is {}\n",
             actual, expected);
  return kInputErrors;
}

// The size of the profiles and events together, or nullopt when one is not a regular file (a
// pipe's size is unknown).
std::optional<uint64_t> inputBytes(const RunOptions& opt) {
  uint64_t bytes = 0;
  for (const std::string& path : {opt.profiles, opt.events}) {
    if (path.empty()) continue;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    bytes += static_cast<uint64_t>(st.st_size);
  }
  return bytes;
}

// `--engine auto`: the JIT when the build has it and the inputs are large enough for compiling
// to pay (regular files' sizes; a pipe's is unknown: the interpreter).
std::string chooseEngine(const RunOptions& opt, const ir::ProgramIr& program) {
#ifdef JOURNEY_HAVE_JIT
  std::optional<uint64_t> bytes = inputBytes(opt);
  if (!bytes) return "interp";
  return runtime::jitPaysForRun(runtime::jitCompileSeconds(program.pool, program.exprs), *bytes)
             ? "jit"
             : "interp";
#else
  (void)opt, (void)program;
  return "interp";
#endif
}

// The engine the run asks for, and its name in `chosen`. With the JIT (asked for, or `auto`), an
// artifact's native code when it fits this machine and LLVM: nothing to compile. When it does
// not fit, a note if the JIT was asked for, and the engine as without native code.
std::unique_ptr<runtime::ExpressionEngine> makeEngine(
    const RunOptions& opt, const ir::ProgramIr& program,
    const std::optional<artifact::NativeSection>& native, std::string& chosen) {
#ifdef JOURNEY_HAVE_JIT
  // `auto` loads native code where that pays as compiling must: loading a large program's takes
  // seconds, which a small input does not repay.
  std::optional<uint64_t> bytes = inputBytes(opt);
  bool loadPays = native && bytes &&
                  runtime::jitPaysForRun(runtime::nativeLoadSeconds(native->object.size()), *bytes);
  if (native && (opt.engine == "jit" || (opt.engine == "auto" && loadPays))) {
    std::string whyNot;
    jit::NativeCode code{native->target, native->llvmVersion, native->key,
                         std::vector<char>(native->object.begin(), native->object.end())};
    const jit::JitLibrary* library = loadJitLibrary(whyNot);
    if (auto engine = library ? library->nativeEngine(program, code, whyNot, {}) : nullptr) {
      chosen = "jit";
      return engine;
    }
    if (opt.engine == "jit") {
      fmt::print(stderr, "note: {}: the native code is not used ({}); compiling the program\n",
                 opt.files.front(), whyNot);
    }
  }
#else
  (void)native;
#endif
  chosen = opt.engine == "auto" ? chooseEngine(opt, program) : opt.engine;
  return makeProgramEngine(program, chosen);
}

int runSimulation(const RunOptions& opt) {
  int status = kSuccess;
  std::optional<artifact::NativeSection> native;
  std::vector<NamedInput> inputs = {{opt.events, "the --events file"},
                                     {opt.profiles, "the --profiles file"}};
  std::vector<NamedInput> programFiles;
  std::optional<ir::ProgramIr> loaded =
      loadProgramInput(opt.files, opt.diagnostics, status, programFiles, &native);
  if (!loaded) return status;
  const ir::ProgramIr& program = *loaded;
  if (int schema = checkSchema(program, opt.schemaFingerprint); schema != kSuccess) return schema;

  runtime::SimulationInput input;
  input.profiles = opt.profiles;
  input.events = opt.events;
  if (opt.until) {
    std::optional<Timestamp> until = parseTimeFlag("--until", *opt.until);
    if (!until) return kUsage;
    input.until = *until;
  }
  input.maxGap = opt.maxGap;
  inputs.insert(inputs.end(), programFiles.begin(), programFiles.end());
  if (std::optional<std::string> twice =
          streamReadTwice({{"--profiles", opt.profiles}, {"--events", opt.events}})) {
    fmt::print(stderr, "error: {}\n", *twice);
    return kUsage;
  }
  if (std::optional<std::string> clash =
          outputClash({{"--out", opt.out}, {"--rejected", opt.rejected}}, inputs)) {
    fmt::print(stderr, "error: {}\n", *clash);
    return kUsage;
  }
  Sinks sinks;
  std::shared_ptr<FileSink> out = sinks.open(opt.out, stdout);
  if (!out) {
    fmt::print(stderr, "error: cannot write {}: {}\n", opt.out, std::strerror(errno));
    return kInputErrors;
  }
  std::shared_ptr<FileSink> rejected = sinks.open(opt.rejected, stderr);
  if (!rejected) {
    fmt::print(stderr, "error: cannot write {}: {}\n", opt.rejected, std::strerror(errno));
    return kInputErrors;
  }
  FileSink trace(stderr, "standard error", false, false);
  if (opt.trace) input.trace = &trace;
  input.abandonStateAtEnd = true;
  unsigned threads = opt.threads ? opt.threads : std::thread::hardware_concurrency();
  input.readAhead = threads >= 2;

  std::string chosen;
  std::unique_ptr<runtime::ExpressionEngine> engine = makeEngine(opt, program, native, chosen);
  if (opt.engine == "auto" && chosen == "jit") {
    fmt::print(stderr, "note: --engine auto chose the JIT: {}\n",
               native ? "the artifact holds the program compiled"
                      : "inputs large enough for compiling to pay");
  }
  runtime::RunStats stats;
  if (std::optional<std::string> error =
          runtime::simulate(program, *engine, input, *out, *rejected, stats)) {
    fmt::print(stderr, "error: {}\n", *error);
    return kInputErrors;
  }
  for (FileSink* sink : {out.get(), rejected.get()}) {
    if (std::optional<std::string> error = sink->finish()) {
      fmt::print(stderr, "error: {}\n", *error);
      return kInputErrors;
    }
  }
  std::fflush(stdout);
  if (stats.lastRecordAfterUntil) {
    fmt::print(stderr,
               "note: --until {} is before the last record ({}): --until only lets a run go on "
               "after its records, and this one ended at its last\n",
               formatTimestamp(*input.until), formatTimestamp(*stats.lastRecordAfterUntil));
  }
  printSummary(stats);
  return kSuccess;
}

}  // namespace

Action addRunCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("run", "simulate a program on profiles and a record stream");
  auto opt = std::make_shared<RunOptions>();
  cmd->add_option("files", opt->files, "the program's .journey files, or one artifact (.jart)")
      ->required();
  cmd->add_option("--profiles", opt->profiles, "profiles as JSON lines (- for stdin)")
      ->check(nonEmpty());
  cmd->add_option("--events", opt->events, "the record stream as JSON lines (- for stdin)")
      ->required()
      ->check(nonEmpty());
  cmd->add_option("--until", opt->until, "run the clock on to this RFC 3339 time");
  cmd->add_option("--out", opt->out, "output records (default: stdout)")
      ->check(nonEmpty());
  cmd->add_option("--rejected", opt->rejected, "rejected records (default: stderr; - for stdout)")
      ->check(nonEmpty());
  cmd->add_option("--engine", opt->engine,
                  "the expression engine: auto (default: the JIT where compiling pays), interp "
                  "or jit (LLVM)")
      ->check(CLI::IsMember({"auto", "interp", "jit"}));
  cmd->add_option("--schema-fingerprint", opt->schemaFingerprint,
                  "refuse a program whose schema fingerprint is not this one (journey inspect)")
      ->check(nonEmpty());
  addMaxGapOption(*cmd, opt->maxGap);
  cmd->add_flag("--trace", opt->trace, "print each step an instance takes on stderr");
  cmd->add_option("--threads", opt->threads,
                  "1: one thread; 2 or more: the inputs read on a second thread, ahead of the "
                  "runtime (the output is the same; default: 2 on a machine of two cores or more)")
      ->check(wholeNumber(1, 256));
  addDiagnosticOptions(*cmd, opt->diagnostics);
  return [opt]() { return runSimulation(*opt); };
}

}  // namespace journey::cli
