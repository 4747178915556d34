// Mutated input lines (the shop example's profiles and records, edited as the robustness test
// edits programs): a reader that has read thousands of lines before (recurring strings shared,
// defaults remembered) reads each exactly as a fresh reader does, every rejection has a reason
// and the line's number, and a run over mutated files applies or reports every line, losing
// none, without a crash, and writes the same whether its inputs are read on a second thread or
// not; a records file that shrinks under the reading thread ends the run with an error, every
// line written before it kept whole.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "compiler/driver/frontend.h"
#include "compiler/ir/lower_program.h"
#include "mutation_support.h"
#include "runtime_support.h"
#include "test_paths.h"
#include "vm/runtime/input_records.h"
#include "vm/runtime/interp_engine.h"
#include "vm/runtime/line_reader.h"
#include "vm/runtime/simulation.h"
#include "vm/value/plain_json.h"

using namespace journey;

namespace {

std::vector<std::string> fileLines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

struct ShopWorld {
  ShopWorld() {
    std::string shop = test::repoRoot() + "/examples/shop/";
    REQUIRE(fe.parse({shop + "shop.journey", shop + "recovery.journey"}));
    REQUIRE(fe.check());
    program = ir::lowerProgram(fe.sources, fe.ast, fe.program);
    engine = runtime::makeInterpEngine(program);
    profiles = fileLines(shop + "profiles.jsonl");
    records = fileLines(shop + "events.jsonl");
  }

  std::unique_ptr<runtime::InputReader> reader() {
    return std::make_unique<runtime::InputReader>(program,
                                                  test::evaluatedDefaults(program, *engine));
  }

  Frontend fe;
  ir::ProgramIr program;
  std::unique_ptr<runtime::ExpressionEngine> engine;
  std::vector<std::string> profiles, records;
};

// The record line with its time replaced by one `minute` minutes after 2026-03-02T00:00Z,
// so that records taken round and round from the example keep moving forward.
std::string withTime(std::string line, size_t minute) {
  size_t at = line.find("\"time\": \"");
  if (at == std::string::npos) return line;
  at += 9;
  size_t end = line.find('"', at);
  char time[64];
  std::snprintf(time, sizeof time, "2026-03-%02zuT%02zu:%02zu:00Z", 2 + minute / 1440,
                minute / 60 % 24, minute % 60);
  return line.replace(at, end - at, time);
}

std::string rejected(const runtime::Rejection& r, size_t number) {
  CHECK(!r.reason.empty());
  CHECK(r.line == number);
  return "rejected: " + r.reason;
}

// A profile line's outcome, in words.
std::string describe(const std::variant<runtime::ProfileInput, runtime::Rejection>& read,
                     size_t number) {
  if (auto* r = std::get_if<runtime::Rejection>(&read)) return rejected(*r, number);
  const auto& p = std::get<runtime::ProfileInput>(read);
  std::string out = "profile " + p.id + " ";
  appendPlainJson(out, p.profile);
  return out;
}

// A record line's outcome, in words.
std::string describe(const runtime::RecordInput& read, size_t number) {
  if (auto* r = std::get_if<runtime::Rejection>(&read)) return rejected(*r, number);
  std::string out;
  if (auto* e = std::get_if<runtime::EventInput>(&read)) {
    out = "event " + std::to_string(e->event) + " of " + e->profile + " ";
    appendPlainJson(out, e->record);
  } else if (auto* s = std::get_if<runtime::SetInput>(&read)) {
    out = "set of " + s->profile + " ";
    appendPlainJson(out, s->patch);
  } else {
    const auto& a = std::get<runtime::AudienceInput>(read);
    out = "audience " + std::to_string(a.audience) + (a.enter ? " enter of " : " exit of ") +
          a.profile;
  }
  return out;
}

std::string profileOutcome(runtime::InputReader& reader, std::string_view line, size_t number) {
  return describe(reader.readProfile(line, number), number);
}

std::string recordOutcome(runtime::InputReader& reader, std::string_view line, size_t number) {
  return describe(reader.readRecord(line, number), number);
}

// `lines` with the lines a parse of a whole text could mistake for one line's value (two
// values, a value over two lines, a scalar, an unclosed string, invalid UTF-8, a line longer
// than the parse's window…) put among them, and a last line cut short.
std::vector<std::string> withOddLines(std::vector<std::string> lines, const std::string& valid,
                                      std::mt19937_64& rng) {
  std::string split = valid;
  split.insert(split.find(',') + 1, "\n");
  for (const std::string& odd : std::vector<std::string>{
           valid + " " + valid, split, "  " + valid, valid + "\r", "5", "[]", valid + " 5",
           "\"" + valid, valid.substr(0, valid.size() - 1), "{\"id\": \"a\xff\"}", "", "   ",
           valid + std::string(1 << 20, ' ')}) {
    lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(rng() % lines.size()), odd);
  }
  lines.push_back(valid.substr(0, 20));
  return lines;
}

using ReadLine = std::function<std::string(runtime::InputReader&, std::string_view, size_t)>;
using ReadInOneGo = std::function<std::vector<std::string>(
    runtime::InputReader&, const std::vector<std::string_view>&, const std::vector<size_t>&)>;

// `lines` written to a file (the last without a newline) and read back in chunks of several
// sizes, blank lines dropped: `inOneGo` must give each chunk's lines what `byLine` gives them.
void checkInOneGo(ShopWorld& w, const std::vector<std::string>& lines, const ReadLine& byLine,
                  const ReadInOneGo& inOneGo) {
  std::string path = std::filesystem::temp_directory_path().string() + "/journey_lines_" +
                     std::to_string(::getpid());
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    for (size_t i = 0; i < lines.size(); ++i) {
      out << lines[i] << (i + 1 < lines.size() ? "\n" : "");
    }
  }
  for (size_t chunk : {1, 7, 32, 256, 5000}) {
    CAPTURE(chunk);
    std::unique_ptr<runtime::InputReader> one = w.reader(), all = w.reader();
    runtime::LineReader reader(path);
    std::vector<std::string_view> read;
    std::vector<size_t> numbers;
    size_t total = 0, differ = 0;
    for (reader.nextLines(chunk, read, numbers); !read.empty();
         reader.nextLines(chunk, read, numbers)) {
      runtime::dropBlankLines(read, numbers);
      std::vector<std::string> got = inOneGo(*all, read, numbers);
      REQUIRE(got.size() == read.size());
      for (size_t i = 0; i < read.size(); ++i) {
        std::string expected = byLine(*one, read[i], numbers[i]);
        differ += expected != got[i];
        if (expected != got[i]) CHECK(expected == got[i]);
      }
      total += read.size();
    }
    CHECK(differ == 0);
    CHECK(total + 20 > lines.size());
  }
  std::remove(path.c_str());
}

// Counts the lines written, and those that name `input` (rejected lines).
class CountingSink final : public runtime::OutputSink {
 public:
  explicit CountingSink(const std::string& input = "") : input_("\"input\": \"" + input + "\"") {}
  void write(std::string_view line) override {
    ++lines;
    if (line.find(input_) != std::string_view::npos) ++fromInput;
  }
  size_t lines = 0;
  size_t fromInput = 0;

 private:
  std::string input_;
};

// An input file for each side of a run in the temporary directory, rewritten for each run and
// removed at the end.
struct InputFiles {
  explicit InputFiles(const std::string& name) {
    std::string dir = std::filesystem::temp_directory_path().string() + "/journey_" + name;
    profiles = dir + "_profiles_" + std::to_string(::getpid());
    events = dir + "_events_" + std::to_string(::getpid());
  }
  ~InputFiles() {
    std::remove(profiles.c_str());
    std::remove(events.c_str());
  }
  // Writes the lines to `path`, when `mutate` a third of them mutated.
  static void write(const std::string& path, const std::vector<std::string>& lines, bool mutate,
                    std::mt19937_64& rng) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    for (const std::string& line : lines) {
      out << (mutate && rng() % 3 == 0 ? mutation_test::mutate(line, rng) : line) << '\n';
    }
  }
  std::string profiles, events;
};

// Every line written, in order.
class CollectingSink final : public runtime::OutputSink {
 public:
  void write(std::string_view line) override { lines.emplace_back(line); }
  std::vector<std::string> lines;
};

}  // namespace

TEST_SUITE("robustness") {

TEST_CASE("mutated input lines read the same by a long-lived reader and a fresh one") {
  ShopWorld w;
  REQUIRE(!w.profiles.empty());
  REQUIRE(!w.records.empty());
  std::unique_ptr<runtime::InputReader> longLived = w.reader();
  std::mt19937_64 rng(20261130);
  int accepted = 0, refused = 0, outOfOrder = 0;
  // A fresh reader per line: under the sanitizers each costs a hundred times what it costs
  // optimised (its first buffers are poisoned and faulted in), so a quarter of the lines there.
  const int lines = test::sanitizerShare(3000);
  for (size_t i = 0; i < static_cast<size_t>(lines); ++i) {
    bool profile = i % 3 == 0;
    const std::vector<std::string>& pool = profile ? w.profiles : w.records;
    // Some lines as they are, so that the long-lived reader also sees valid input repeat.
    std::string line = pool[i % pool.size()];
    if (!profile) line = withTime(line, i);
    if (i % 4 != 0) line = mutation_test::mutate(line, rng);
    CAPTURE(line);
    std::unique_ptr<runtime::InputReader> fresh = w.reader();
    std::string before = profile ? profileOutcome(*longLived, line, i + 1)
                                 : recordOutcome(*longLived, line, i + 1);
    std::string now = profile ? profileOutcome(*fresh, line, i + 1)
                              : recordOutcome(*fresh, line, i + 1);
    if (before.rfind("rejected: out of order", 0) == 0) {
      // The one thing a reader remembers on purpose: the time of the last record. A mutation
      // that moved a time on leaves the next records behind it: start again.
      longLived = w.reader();
      ++outOfOrder;
      continue;
    }
    CHECK(before == now);
    (before.rfind("rejected: ", 0) == 0 ? refused : accepted) += 1;
  }
  MESSAGE(accepted << " lines accepted, " << refused << " rejected, " << outOfOrder
                  << " out of order for the long-lived reader");
  CHECK(accepted > lines / 10);  // both outcomes are well represented
  CHECK(refused > lines / 10);
}

// `lines` written to a file and read back as texts of whole lines (LineReader::nextText) of
// several sizes: readProfileText gives each line, by its number, what readProfile gives it.
void checkProfileTexts(ShopWorld& w, const std::vector<std::string>& lines) {
  std::string path = std::filesystem::temp_directory_path().string() + "/journey_texts_" +
                     std::to_string(::getpid());
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    for (size_t i = 0; i < lines.size(); ++i) {
      out << lines[i] << (i + 1 < lines.size() ? "\n" : "");
    }
  }
  std::vector<std::string> expected;
  {
    std::unique_ptr<runtime::InputReader> one = w.reader();
    runtime::LineReader reader(path);
    for (std::string_view line; reader.next(line);) {
      if (runtime::isBlankLine(line)) continue;
      expected.push_back(std::to_string(reader.lineNumber()) + " " +
                         profileOutcome(*one, line, reader.lineNumber()));
    }
  }
  for (size_t bytes : {1, 300, 4096, 100000, 1 << 22}) {
    CAPTURE(bytes);
    std::unique_ptr<runtime::InputReader> all = w.reader();
    runtime::LineReader reader(path);
    std::vector<std::string> got;
    for (std::string_view text; !(text = reader.nextText(bytes)).empty();) {
      reader.countLines(all->readProfileText(text, reader.lineNumber() + 1,
                                             [&](size_t line, auto&& r) {
                                               got.push_back(std::to_string(line) + " " +
                                                             describe(r, line));
                                             }));
    }
    REQUIRE(got.size() == expected.size());
    size_t differ = 0;
    for (size_t i = 0; i < got.size(); ++i) {
      differ += got[i] != expected[i];
      if (got[i] != expected[i]) CHECK(got[i] == expected[i]);
    }
    CHECK(differ == 0);
  }
  std::remove(path.c_str());
}

TEST_CASE("profile lines read in one go give each line's own outcome") {
  ShopWorld w;
  std::mt19937_64 rng(20261201);
  std::vector<std::string> lines;
  for (size_t i = 0; i < 2000; ++i) {
    std::string line = w.profiles[i % w.profiles.size()];
    lines.push_back(i % 3 == 0 ? mutation_test::mutate(line, rng) : line);
  }
  checkProfileTexts(w, withOddLines(lines, w.profiles[0], rng));
  checkInOneGo(w, withOddLines(lines, w.profiles[0], rng), profileOutcome,
               [](runtime::InputReader& reader, const std::vector<std::string_view>& read,
                  const std::vector<size_t>& numbers) {
                 std::vector<std::string> out;
                 reader.readProfiles(read.data(), numbers.data(), read.size(), true,
                                     [&](size_t i, auto&& r) {
                                       REQUIRE(i == out.size());
                                       out.push_back(describe(r, numbers[i]));
                                     });
                 return out;
               });
}

TEST_CASE("record lines read in one go give each line's own outcome") {
  ShopWorld w;
  std::mt19937_64 rng(20261202);
  std::vector<std::string> lines;
  for (size_t i = 0; i < 2000; ++i) {
    std::string line = withTime(w.records[i % w.records.size()], i);
    lines.push_back(i % 3 == 0 ? mutation_test::mutate(line, rng) : line);
  }
  checkInOneGo(w, withOddLines(lines, withTime(w.records[0], 0), rng), recordOutcome,
               [](runtime::InputReader& reader, const std::vector<std::string_view>& read,
                  const std::vector<size_t>& numbers) {
                 std::vector<runtime::RecordInput> records;
                 reader.readRecords(read.data(), numbers.data(), read.size(), true, records);
                 std::vector<std::string> out;
                 for (size_t i = 0; i < records.size(); ++i) {
                   out.push_back(describe(records[i], numbers[i]));
                 }
                 return out;
               });
}

TEST_CASE("a run over mutated files applies or reports every line") {
  ShopWorld w;
  std::mt19937_64 rng(7);
  InputFiles files("mutated");
  const std::string& eventsPath = files.events;
  for (int run = 0; run < 20; ++run) {
    CAPTURE(run);
    InputFiles::write(files.profiles, w.profiles, true, rng);
    InputFiles::write(eventsPath, w.records, true, rng);
    // The lines as the run sees them (a mutation may have added a newline).
    size_t eventLines = 0;
    runtime::LineReader lines(eventsPath);
    for (std::string_view line; lines.next(line);) eventLines += !runtime::isBlankLine(line);

    runtime::SimulationInput input;
    input.profiles = files.profiles;
    input.events = eventsPath;
    CountingSink output, rejectedLines(eventsPath);
    runtime::RunStats stats;
    std::optional<std::string> failure =
        runtime::simulate(w.program, *w.engine, input, output, rejectedLines, stats);
    REQUIRE_FALSE(failure);
    CHECK(stats.records + rejectedLines.fromInput == eventLines);
    CHECK(stats.rejected == rejectedLines.lines);
  }
}

TEST_CASE("a run reading its inputs on a second thread writes what a one-thread run writes") {
  ShopWorld w;
  std::mt19937_64 rng(20261202);
  InputFiles files("ahead");
  // Thousands of records (the example's, round and round, a minute apart), so that many
  // batches cross between the threads.
  std::vector<std::string> records;
  for (size_t i = 0; i < 4000; ++i) records.push_back(withTime(w.records[i % w.records.size()], i));
  for (int run = 0; run < 6; ++run) {
    CAPTURE(run);
    // From the second run on, a third of the lines mutated (rejections, profiles created by
    // `set`, records out of order).
    InputFiles::write(files.profiles, w.profiles, run > 0, rng);
    InputFiles::write(files.events, records, run > 0, rng);

    runtime::SimulationInput input;
    input.profiles = files.profiles;
    input.events = files.events;
    CollectingSink output[2], rejectedLines[2];
    runtime::RunStats stats[2];
    for (int ahead = 0; ahead < 2; ++ahead) {
      input.readAhead = ahead == 1;
      REQUIRE_FALSE(runtime::simulate(w.program, *w.engine, input, output[ahead],
                                      rejectedLines[ahead], stats[ahead]));
    }
    if (run == 0) REQUIRE(output[0].lines.size() > 1000);  // unmutated: the journeys run
    CHECK(output[1].lines == output[0].lines);
    CHECK(rejectedLines[1].lines == rejectedLines[0].lines);
    CHECK(stats[1].records == stats[0].records);
    CHECK(stats[1].rejected == stats[0].rejected);
    CHECK(stats[1].entered == stats[0].entered);
    if (run > 0) CHECK_FALSE(rejectedLines[0].lines.empty());
  }
}

TEST_CASE("a records file that shrinks while it is read is an error, after what was written") {
  ShopWorld w;
  InputFiles files("shrinking");
  // About 9 MB: blocks of the reader's (a megabyte each) beyond the first, which both ways of
  // running are still on when the cut comes (15,000 lines in all, the cut at the 2,000th).
  std::vector<std::string> records;
  for (size_t i = 0; i < 60'000; ++i) {
    records.push_back(withTime(w.records[i % w.records.size()], i));
  }
  std::mt19937_64 rng(1);
  InputFiles::write(files.profiles, w.profiles, false, rng);
  InputFiles::write(files.events, records, false, rng);
  runtime::SimulationInput input;
  input.profiles = files.profiles;
  input.events = files.events;
  // What the whole run writes, one thread.
  CollectingSink whole, wholeRejected;
  runtime::RunStats stats;
  REQUIRE_FALSE(runtime::simulate(w.program, *w.engine, input, whole, wholeRejected, stats));
  REQUIRE(whole.lines.size() > 10'000);

  // The run again, on one thread and reading ahead, with an output sink that cuts the records
  // file to nothing as it writes its 2,000th line: the reader's next block finds it short.
  for (bool ahead : {false, true}) {
    CAPTURE(ahead);
    InputFiles::write(files.events, records, false, rng);
    struct Cutting final : runtime::OutputSink {
      std::vector<std::string> lines;
      std::string path;
      void write(std::string_view line) override {
        lines.emplace_back(line);
        if (lines.size() == 2'000) REQUIRE(::truncate(path.c_str(), 0) == 0);
      }
    } output;
    output.path = files.events;
    CollectingSink rejectedLines;
    input.readAhead = ahead;
    runtime::RunStats cutStats;
    std::optional<std::string> error =
        runtime::simulate(w.program, *w.engine, input, output, rejectedLines, cutStats);
    REQUIRE(error.has_value());
    CHECK(*error == files.events + ": the file shrank while it was being read");
    // Every line written before the error is the whole run's: no record cut in the middle was
    // read, and the run did not go on to its end (its timers) after the error.
    CHECK(output.lines.size() >= 2'000);
    REQUIRE(output.lines.size() < whole.lines.size());
    for (size_t i = 0; i < output.lines.size(); ++i) {
      CAPTURE(i);
      REQUIRE(output.lines[i] == whole.lines[i]);
    }
    REQUIRE(rejectedLines.lines.size() <= wholeRejected.lines.size());
    for (size_t i = 0; i < rejectedLines.lines.size(); ++i) {
      CAPTURE(i);
      REQUIRE(rejectedLines.lines[i] == wholeRejected.lines[i]);
    }
  }
}

}  // TEST_SUITE
