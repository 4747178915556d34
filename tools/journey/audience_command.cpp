// `journey audience FILE… --profiles P [--events E] [--at T] [--audience NAME…]
//   [--format json|csv] [--out F] [--previous F [--changes F]] [--engine auto|interp|jit]
//   [--threads N]`: every declared audience (or those named) evaluated over every profile at
// time T; membership rows, or the change feed against an earlier snapshot (docs/audiences.md).
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "tools/journey/commands.h"
#include "tools/journey/time_flag.h"
#include "tools/journey/diagnostics_output.h"
#include "tools/journey/file_sink.h"
#include "tools/journey/output_clash.h"
#include "tools/journey/program_engine.h"
#include "tools/journey/program_input.h"
#include "vm/audience/batch.h"
#include "vm/audience/engine_choice.h"
#include "vm/audience/membership_output.h"
#include "vm/runtime/engine_choice.h"

namespace journey::cli {
namespace {

struct AudienceOptions {
  std::vector<std::string> files;
  std::string profiles;
  std::string events;
  std::optional<std::string> at;  // given, even empty: a time
  std::vector<std::string> audiences;
  std::string format = "json";
  std::string out;
  std::string previous;
  std::string changes;
  std::string rejected;
  std::string engine = "auto";
  unsigned threads = 0;
  std::optional<Duration> maxGap = runtime::kDefaultMaxGap;
  DiagnosticOptions diagnostics;
};

// A progress line on a terminal: bytes of profiles read, rate and time left.
// Not when standard output is a terminal too: the rows written there would run into it.
class Progress {
 public:
  Progress() : on_(isatty(STDERR_FILENO) && !isatty(STDOUT_FILENO)), start_(Clock::now()) {}
  void update(uint64_t done, uint64_t total) {
    if (!on_ || total == 0) return;
    double seconds = std::chrono::duration<double>(Clock::now() - start_).count();
    double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
    double left = rate > 0 ? static_cast<double>(total - std::min(done, total)) / rate : 0;
    fmt::print(stderr, "\r{:5.1f}%  {:.1f} MB/s  {:.0f} s left   ",
               100.0 * static_cast<double>(done) / static_cast<double>(total), rate / 1e6, left);
    std::fflush(stderr);
    shown_ = true;
  }
  ~Progress() {
    if (shown_) fmt::print(stderr, "\r{:50}\r", "");
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool on_;
  bool shown_ = false;
  Clock::time_point start_;
};

// `--engine auto`: the JIT when the build has it and compiling pays for this many profiles
// (a regular file's size; a pipe's is unknown: the interpreter).
std::string chooseEngine(const ir::ProgramIr& program, const std::string& profiles,
                         size_t audiences) {
#ifdef JOURNEY_HAVE_JIT
  struct stat st {};
  if (::stat(profiles.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return "interp";
  double compileSeconds = runtime::jitCompileSeconds(program.pool, program.exprs);
  return audience::jitPays(compileSeconds, static_cast<uint64_t>(st.st_size), audiences)
             ? "jit"
             : "interp";
#else
  (void)program, (void)profiles, (void)audiences;
  return "interp";
#endif
}

void printSummary(const ir::ProgramIr& program, const std::vector<uint32_t>& audiences,
                  const audience::BatchStats& s) {
  fmt::print(stderr, "{} profiles, {} records applied, {} rejected", s.profiles, s.records,
             s.rejected);
  if (s.recordsAfterAt) fmt::print(stderr, ", {} records after --at left out", s.recordsAfterAt);
  fmt::print(stderr, "\n");
  for (uint32_t a : audiences) {
    fmt::print(stderr, "{}: {} member{}", program.audiences[a].name, s.members[a],
               s.members[a] == 1 ? "" : "s");
    if (s.errors[a]) {
      fmt::print(stderr, ", {} profile{} whose rule failed (not members)", s.errors[a],
                 s.errors[a] == 1 ? "" : "s");
    }
    fmt::print(stderr, "\n");
  }
}

int runAudience(const AudienceOptions& opt) {
  int status = kInputErrors;
  std::vector<NamedInput> programFiles;
  std::optional<ir::ProgramIr> loaded =
      loadProgramInput(opt.files, opt.diagnostics, status, programFiles, nullptr);
  if (!loaded) return status;
  const ir::ProgramIr& program = *loaded;

  audience::BatchInput input;
  input.profiles = opt.profiles;
  input.events = opt.events;
  if (!opt.at) {
    auto now = std::chrono::system_clock::now().time_since_epoch();
    input.at = Timestamp{std::chrono::duration_cast<std::chrono::seconds>(now).count(), 0};
  } else {
    std::optional<Timestamp> at = parseTimeFlag("--at", *opt.at);
    if (!at) return kUsage;
    input.at = *at;
  }
  for (const std::string& name : opt.audiences) {
    bool found = false;
    for (uint32_t a = 0; a < program.audiences.size(); ++a) found |= program.audiences[a].name == name;
    if (!found) {
      fmt::print(stderr, "error: --audience: the program declares no audience `{}`\n", name);
      return kUsage;
    }
  }
  for (uint32_t a = 0; a < program.audiences.size(); ++a) {
    const std::string& name = program.audiences[a].name;
    if (opt.audiences.empty() ||
        std::find(opt.audiences.begin(), opt.audiences.end(), name) != opt.audiences.end()) {
      input.audiences.push_back(a);
    }
  }
  input.maxGap = opt.maxGap;
  input.threads = opt.threads ? opt.threads : std::max(1u, std::thread::hardware_concurrency());
  std::string engineName = opt.engine == "auto"
                               ? chooseEngine(program, opt.profiles, input.audiences.size())
                               : opt.engine;
  bool first = true;  // one warning if the JIT falls back, not one per thread
  input.makeEngine = [&] {
    auto engine = makeProgramEngine(program, engineName, !first);
    first = false;
    return engine;
  };
  Progress progress;
  input.progress = [&](uint64_t done, uint64_t total) { progress.update(done, total); };

  if (std::optional<std::string> twice = streamReadTwice(
          {{"--profiles", opt.profiles}, {"--events", opt.events}, {"--previous", opt.previous}})) {
    fmt::print(stderr, "error: {}\n", *twice);
    return kUsage;
  }
  std::optional<audience::Snapshot> previous;
  if (!opt.previous.empty()) {
    // The change feed holds every profile's membership: a repeated id would be compared twice.
    input.refuseRepeatedIds = true;
    previous.emplace();
    if (std::optional<std::string> error = audience::readSnapshot(opt.previous, *previous)) {
      fmt::print(stderr, "error: --previous: {}\n", *error);
      return kInputErrors;
    }
    std::string undeclared;
    for (const std::string& name : audience::undeclaredAudiences(*previous, program)) {
      undeclared += (undeclared.empty() ? "" : ", ") + name;
    }
    if (!undeclared.empty()) {
      fmt::print(stderr, "note: --previous: {} names audiences the program does not declare: "
                 "{} (left out of the changes)\n", opt.previous, undeclared);
    }
  }
  // The snapshot goes to --out (stdout by default, unless the change feed is asked for).
  std::string outPath = !opt.out.empty() ? opt.out : previous ? "" : "-";
  std::string changesPath = opt.changes.empty() ? "-" : opt.changes;
  std::vector<NamedInput> inputs = {{opt.profiles, "the --profiles file"},
                                    {opt.events, "the --events file"}};
  inputs.insert(inputs.end(), programFiles.begin(), programFiles.end());
  std::optional<std::string> clash = outputClash(
      {{"--out", outPath},
       {"--changes", previous ? changesPath : ""},
       {"--rejected", opt.rejected}},
      inputs);
  // --previous is read whole by now: --out may rewrite the snapshot in place (the next day's
  // --previous), but another output would replace it with what is not a snapshot.
  if (!clash && previous) {
    clash = outputClash({{"--changes", changesPath}, {"--rejected", opt.rejected}},
                        {{opt.previous, "the --previous snapshot",
                          "only --out may rewrite it (with the new snapshot)"}});
  }
  if (clash) {
    fmt::print(stderr, "error: {}\n", *clash);
    return kUsage;
  }
  Sinks sinks;
  std::shared_ptr<FileSink> out, changes;
  if (!outPath.empty() && !(out = sinks.open(outPath, stdout))) {
    fmt::print(stderr, "error: cannot write {}: {}\n", outPath, std::strerror(errno));
    return kInputErrors;
  }
  if (previous && !(changes = sinks.open(changesPath, stdout))) {
    fmt::print(stderr, "error: cannot write {}: {}\n", changesPath, std::strerror(errno));
    return kInputErrors;
  }
  std::shared_ptr<FileSink> rejected = sinks.open(opt.rejected, stderr);
  if (!rejected) {
    fmt::print(stderr, "error: cannot write {}: {}\n", opt.rejected, std::strerror(errno));
    return kInputErrors;
  }

  std::optional<audience::MembershipWriter> rows;
  if (out) {
    rows.emplace(program, input.audiences,
                 opt.format == "csv" ? audience::RowFormat::Csv : audience::RowFormat::Json, *out);
  }
  std::optional<audience::ChangeFeed> feed;
  if (previous) feed.emplace(program, input.audiences, std::move(*previous), input.at, *changes);
  audience::RowSink row = [&](const std::string& id, const std::vector<uint8_t>& member) {
    if (rows) rows->row(id, member);
    if (feed) feed->row(id, member);
  };
  // A known profile whose line is rejected today is not gone: it keeps yesterday's row, rather
  // than exit every audience now and enter them again tomorrow (ChangeFeed::finish).
  if (feed) input.rejectedProfile = [&](const std::string& id) { feed->rejected(id); };
  audience::BatchStats stats;
  if (std::optional<std::string> error =
          audience::evaluateAudiences(program, input, row, *rejected, stats)) {
    fmt::print(stderr, "error: {}\n", *error);
    return kInputErrors;
  }
  if (feed) {
    feed->finish([&](const std::string& id, const std::vector<uint8_t>& member) {
      if (rows) rows->row(id, member);
    });
  }
  for (FileSink* sink : {out.get(), changes.get(), rejected.get()}) {
    if (std::optional<std::string> error = sink ? sink->finish() : std::nullopt) {
      fmt::print(stderr, "error: {}\n", *error);
      return kInputErrors;
    }
  }
  std::fflush(stdout);
  printSummary(program, input.audiences, stats);
  if (feed) {
    fmt::print(stderr, "changes: {} enter, {} exit\n", feed->enters(), feed->exits());
    if (feed->kept() > 0) {
      fmt::print(stderr,
                 "note: {} profiles of --previous whose lines were rejected keep their "
                 "memberships (no change{})\n",
                 feed->kept(), rows ? "; their rows are written as they were" : "");
    }
  }
  if (opt.engine == "auto" && engineName == "jit") {
    fmt::print(stderr, "--engine auto chose the JIT: enough profiles for compiling to pay\n");
  }
  return kSuccess;
}

}  // namespace

Action addAudienceCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "audience", "evaluate the program's audiences over profiles: membership and its changes");
  auto opt = std::make_shared<AudienceOptions>();
  cmd->add_option("files", opt->files, "the program's .journey files, or one artifact (.jart)")
      ->required();
  cmd->add_option("--profiles", opt->profiles, "profiles as JSON lines (- for stdin)")->required()
      ->check(nonEmpty());
  cmd->add_option("--events", opt->events,
                  "a record stream as JSON lines, for history() and set (- for stdin)")
      ->check(nonEmpty());
  cmd->add_option("--at", opt->at, "evaluate at this RFC 3339 time (default: now)");
  cmd->add_option("--audience", opt->audiences, "only these audiences (default: all)");
  cmd->add_option("--format", opt->format, "membership rows: json (default) or csv")
      ->check(CLI::IsMember({"json", "csv"}));
  cmd->add_option("--out", opt->out, "membership rows (default: stdout, none with --previous)")
      ->check(nonEmpty());
  CLI::Option* previous =
      cmd->add_option("--previous", opt->previous,
                      "an earlier membership file: write enter/exit changes against it")
      ->check(nonEmpty());
  cmd->add_option("--changes", opt->changes, "where the changes go (default: stdout)")
      ->needs(previous)
      ->check(nonEmpty());
  cmd->add_option("--rejected", opt->rejected, "rejected lines (default: stderr; - for stdout)")
      ->check(nonEmpty());
  cmd->add_option("--engine", opt->engine,
                  "the expression engine: auto (default: the JIT when the profiles are many "
                  "enough that compiling pays), interp or jit")
      ->check(CLI::IsMember({"auto", "interp", "jit"}));
  // Each thread holds an engine: a mistyped count must not take all memory.
  addMaxGapOption(*cmd, opt->maxGap);
  cmd->add_option("--threads", opt->threads, "evaluation threads (default: one per core)")
      ->check(wholeNumber(1, 256));
  addDiagnosticOptions(*cmd, opt->diagnostics);
  return [opt]() { return runAudience(*opt); };
}

}  // namespace journey::cli
