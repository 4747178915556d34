// The input path of `journey run` alone (issue 4): JSON lines of the shop example's records and
// profiles read against its schema (bench/shop_no_journeys.journey) by runtime::InputReader,
// beside a baseline measured in the same run on the same lines: simdjson parsing each line
// (the DOM parser, reused, as the reader parses) and reading its "event" or "id", without
// building any value. The figure is reader/baseline: what checking and converting costs over
// parsing alone.
//
//   input_bench [benchmark flags]
//
// Lines are generated in the process from a fixed seed (records in time order, in the
// proportions journey_datagen gives), or read from files: INPUT_BENCH_EVENTS=FILE and
// INPUT_BENCH_PROFILES=FILE (journey_datagen's output, for instance). Every pass counts the
// records of each event type, the sets and the profiles; a count that differs from the
// expected one (the generator's, or for files the baseline's, and no line rejected) fails the
// benchmark and the program exits 1.
#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <simdjson.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "bench/rate_reporter.h"
#include "compiler/diagnostics/renderer.h"
#include "compiler/driver/frontend.h"
#include "compiler/ir/lower_program.h"
#include "compiler/syntax/parser.h"
#include "vm/runtime/input_records.h"
#include "vm/runtime/interp_engine.h"

namespace {

using journey::Value;
namespace runtime = journey::runtime;

constexpr size_t kGeneratedRecords = 200'000;
constexpr size_t kGeneratedProfiles = 50'000;
constexpr uint64_t kSeed = 20261130;
const char* const kProgramPath = JOURNEY_SOURCE_DIR "/bench/shop_no_journeys.journey";

// Records per event type (by name) and sets, or profiles read: what a pass must find.
struct Counts {
  std::map<std::string, int64_t> events;
  int64_t sets = 0;
  int64_t profiles = 0;
  int64_t rejected = 0;
  bool operator==(const Counts&) const = default;

  std::string text() const {
    std::string out;
    for (const auto& [name, n] : events) out += fmt::format("{} {}, ", name, n);
    return out + fmt::format("set {}, profiles {}, rejected {}", sets, profiles, rejected);
  }
};

// One input: its lines, laid end to end in one buffer as a LineReader's block holds them (each
// followed by readable bytes, so that the baseline parses them in place; the reader copies
// each line first, as it does in `journey run`), and the counts a pass over them gives.
class Lines {
 public:
  Counts expected;
  bool fromFile = false;

  void add(std::string_view line) {
    ends_.push_back(text_.size() + line.size());
    text_ += line;
    text_ += '\n';
  }
  // After the last add.
  void finish() {
    text_.append(simdjson::SIMDJSON_PADDING, ' ');
    size_t begin = 0;
    for (size_t end : ends_) {
      lines_.emplace_back(text_.data() + begin, end - begin);
      begin = end + 1;
    }
  }

  const std::vector<std::string_view>& lines() const { return lines_; }
  size_t bytes() const { return text_.size() - simdjson::SIMDJSON_PADDING; }

 private:
  std::string text_;
  std::vector<size_t> ends_;
  std::vector<std::string_view> lines_;
};

// ---------------------------------------------------------------- generated lines

// Deterministic: raw mt19937_64 output only (the standard specifies it; its distributions are
// not).
class Generator {
 public:
  Generator() : random_(kSeed) {}

  Lines records(size_t count) {
    Lines out;
    int64_t second = 1'772'409'600;  // 2026-03-02T00:00:00Z
    for (size_t i = 0; i < count; ++i) {
      second += static_cast<int64_t>(pick(3));  // some records share their time
      std::string head = fmt::format(R"({{"time": "{}", "profile": "p{}", )", isoTime(second),
                                     1 + pick(kGeneratedProfiles));
      uint64_t kind = pick(100);
      if (kind < 34) {
        out.add(head + cartAbandoned(i));
        ++out.expected.events["CartAbandoned"];
      } else if (kind < 57) {
        out.add(head + purchase(i));
        ++out.expected.events["Purchase"];
      } else if (kind < 83) {
        out.add(head + fmt::format(R"("event": "EmailOpened", "data": {{"messageId": "m-{}"}}}})",
                                   pick(100000)));
        ++out.expected.events["EmailOpened"];
      } else {
        out.add(head + patch());
        ++out.expected.sets;
      }
    }
    out.finish();
    return out;
  }

  Lines profiles(size_t count) {
    static const char* const kNames[] = {"Ben", "Hana", "Ines", "Lukas", "Mia", "Noah", "Zoé"};
    static const char* const kCountries[] = {"FR", "DE", "IT", "GB", "ES", "US"};
    static const char* const kZones[] = {"Europe/Paris", "Europe/Berlin", "Europe/Rome",
                                         "Europe/London", "Europe/Madrid", "America/New_York"};
    static const char* const kTiers[] = {"member", "member", "silver", "gold"};
    Lines out;
    for (size_t i = 1; i <= count; ++i) {
      const char* name = kNames[pick(std::size(kNames))];
      size_t country = pick(std::size(kCountries));
      std::string line = fmt::format(R"({{"id": "p{}")", i);
      if (pick(10) < 8) line += fmt::format(R"(, "email": "user.{}@example.com")", i);
      if (pick(10) < 4) line += fmt::format(R"(, "phone": "+33{}")", 600000000 + pick(99999999));
      line += fmt::format(R"(, "firstName": "{}", "country": "{}")", name, kCountries[country]);
      if (pick(10) < 7) line += fmt::format(R"(, "timezone": "{}")", kZones[country]);
      line += fmt::format(R"(, "loyalty": {{"tier": "{}", "points": {}}})",
                          kTiers[pick(std::size(kTiers))], pick(10000));
      line += fmt::format(R"(, "consents": {{"email": {}, "sms": {}, "push": {}}})", flag(),
                          flag(), flag());
      line += R"(, "tags": [)" + tags() + "]";
      if (pick(10) < 5) {
        int64_t when = 1'700'000'000 + static_cast<int64_t>(pick(10'000'000));
        line += fmt::format(R"(, "lastPurchase": "{}")", isoTime(when));
      }
      out.add(line + "}");
      ++out.expected.profiles;
    }
    out.finish();
    return out;
  }

 private:
  uint64_t pick(uint64_t n) { return random_() % n; }
  const char* flag() { return pick(2) ? "true" : "false"; }

  static std::string isoTime(int64_t seconds) {
    time_t t = seconds;
    std::tm tm{};
    gmtime_r(&t, &tm);
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                       tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  }

  std::string price() { return fmt::format("{}.{:02}", 1 + pick(120), pick(100)); }

  std::string cartAbandoned(size_t i) {
    static const char* const kSkus[] = {"APRON", "WATCH", "SHOE", "PLANT", "MUG", "LAMP"};
    std::string items;
    for (uint64_t n = 1 + pick(3); n > 0; --n) {
      if (!items.empty()) items += ", ";
      items += fmt::format(R"({{"sku": "{}-{:04}", "qty": {}, "price": {}}})",
                           kSkus[pick(std::size(kSkus))], pick(1000), 1 + pick(2), price());
    }
    return fmt::format(R"("event": "CartAbandoned", "data": {{"cartId": "c{}", "total": {}, )"
                       R"("items": [{}]}}}})",
                       i, price(), items);
  }

  std::string purchase(size_t i) {
    std::string cart = pick(10) < 7 ? fmt::format(R"("cartId": "c{}", )", pick(i + 1)) : "";
    return fmt::format(R"("event": "Purchase", "data": {{"orderId": "o-{}", {}"total": {}}}}})", i,
                       cart, price());
  }

  std::string tags() {
    static const char* const kTags[] = {"vip", "newsletter", "app-user", "vip-early-access"};
    std::string out;
    for (uint64_t n = pick(4); n > 0; --n) {
      if (!out.empty()) out += ", ";
      out += fmt::format(R"("{}")", kTags[pick(std::size(kTags))]);
    }
    return out;
  }

  std::string patch() {
    switch (pick(5)) {
      case 0: return fmt::format(R"("set": {{"loyalty": {{"points": {}}}}}}})", pick(10000));
      case 1: return R"("set": {"loyalty": {"tier": "gold"}}})";
      case 2: return fmt::format(R"("set": {{"consents": {{"sms": {}}}}}}})", flag());
      case 3: return fmt::format(R"("set": {{"phone": "+4915{}"}}}})", pick(100000000));
      default: return R"("set": {"tags": ["vip", "newsletter"]}})";
    }
  }

  std::mt19937_64 random_;
};

// ---------------------------------------------------------------- the program and inputs

// The shop's schema and events, lowered as `journey run` does, with the defaults evaluated once
// (as the runtime evaluates them).
class World {
 public:
  static World& get() {
    static World world;
    return world;
  }

  std::string error;
  journey::ir::ProgramIr program;
  Lines records, profiles;

  std::unique_ptr<runtime::InputReader> reader() const {
    return std::make_unique<runtime::InputReader>(
        program, [this](journey::sema::RecordId record, size_t field) {
          auto it = defaults_.find({record, field});
          return it == defaults_.end() ? Value() : it->second;
        });
  }

 private:
  World() {
    std::ifstream file(kProgramPath);
    std::stringstream text;
    text << file.rdbuf();
    if (!file) {
      error = fmt::format("cannot read {}", kProgramPath);
      return;
    }
    journey::FileId f = fe_.sources.add(kProgramPath, text.str());
    fe_.ast.modules.push_back(journey::syntax::parseFile(f, fe_.sources, fe_.ast, fe_.diags));
    if (!fe_.check()) {
      error = "the program does not compile: " +
              (fe_.diags.all().empty() ? "" : journey::render(fe_.diags.all()[0], fe_.sources));
      return;
    }
    program = journey::ir::lowerProgram(fe_.sources, fe_.ast, fe_.program);
    auto engine = runtime::makeInterpEngine(program);
    for (const auto& [field, expr] : program.fieldDefaults) {
      journey::stdlib::CallContext ctx{};
      defaults_[field] = engine->evaluate(expr, nullptr, ctx);
    }
    Generator generator;
    records = load("INPUT_BENCH_EVENTS", [&] { return generator.records(kGeneratedRecords); });
    profiles = load("INPUT_BENCH_PROFILES", [&] { return generator.profiles(kGeneratedProfiles); });
  }

  template <typename Generate>
  Lines load(const char* variable, Generate generate) {
    const char* path = std::getenv(variable);
    if (!path || !*path) return generate();
    Lines out;
    out.fromFile = true;
    std::ifstream in(path);
    if (!in) error = fmt::format("{}: cannot read {}", variable, path);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) out.add(line);
    }
    out.finish();
    return out;
  }

  journey::Frontend fe_;
  std::map<std::pair<journey::sema::RecordId, size_t>, Value> defaults_;
};

// ---------------------------------------------------------------- the passes

// simdjson alone: parse each line with one reused DOM parser, as the reader does, in place, and
// read the one key that says what it is.
Counts rawPass(const Lines& in, bool profiles) {
  simdjson::dom::parser parser;
  Counts counts;
  for (std::string_view line : in.lines()) {
    simdjson::dom::object object;
    if (parser.parse(line.data(), line.size(), false).get(object) != simdjson::SUCCESS) {
      ++counts.rejected;
      continue;
    }
    std::string_view name;
    if (profiles) {
      counts.profiles += object["id"].get(name) == simdjson::SUCCESS;
    } else if (object["event"].get(name) == simdjson::SUCCESS) {
      ++counts.events[std::string(name)];
    } else {
      counts.sets += object["set"].error() == simdjson::SUCCESS;
    }
  }
  return counts;
}

// The reader: every line checked against the schema and converted to values. A fresh reader
// per pass, since a pass starts again from the first record's time.
Counts readerPass(const World& world, const Lines& in, bool profiles) {
  std::unique_ptr<runtime::InputReader> reader = world.reader();
  Counts counts;
  std::vector<int64_t> byEvent(world.program.events.size());
  size_t lineNumber = 0;
  for (std::string_view line : in.lines()) {
    ++lineNumber;
    if (profiles) {
      auto read = reader->readProfile(line, lineNumber);
      counts.rejected += std::holds_alternative<runtime::Rejection>(read);
      counts.profiles += std::holds_alternative<runtime::ProfileInput>(read);
      continue;
    }
    runtime::RecordInput read = reader->readRecord(line, lineNumber);
    if (auto* event = std::get_if<runtime::EventInput>(&read)) {
      ++byEvent[event->event];
    } else {
      counts.sets += std::holds_alternative<runtime::SetInput>(read);
      counts.rejected += std::holds_alternative<runtime::Rejection>(read);
    }
  }
  for (size_t i = 0; i < byEvent.size(); ++i) {
    if (byEvent[i] > 0) counts.events[world.program.events[i].name] = byEvent[i];
  }
  return counts;
}

// What a pass over `in` must give: the generator's counts, or for a file the baseline's.
const Counts& expected(const Lines& in, bool profiles) {
  static std::map<const Lines*, Counts> cache;
  auto [it, inserted] = cache.try_emplace(&in);
  if (inserted) it->second = in.fromFile ? rawPass(in, profiles) : in.expected;
  return it->second;
}

void BM_Input(benchmark::State& state, bool profiles, bool raw) {
  World& world = World::get();
  if (!world.error.empty()) {
    state.SkipWithError(world.error.c_str());
    return;
  }
  const Lines& in = profiles ? world.profiles : world.records;
  Counts counts;
  for (auto _ : state) {
    counts = raw ? rawPass(in, profiles) : readerPass(world, in, profiles);
    benchmark::DoNotOptimize(counts);
  }
  const Counts& want = expected(in, profiles);
  if (counts != want || (!raw && counts.rejected > 0)) {
    state.SkipWithError(
        fmt::format("counted {}; expected {}", counts.text(), want.text()).c_str());
    return;
  }
  double passes = static_cast<double>(state.iterations());
  state.counters["records/s"] =
      benchmark::Counter(passes * in.lines().size(), benchmark::Counter::kIsRate);
  state.counters["MB/s"] = benchmark::Counter(passes * in.bytes() / 1e6, benchmark::Counter::kIsRate);
}

// Reader against simdjson for records and profiles.
void printSummary(const journey::bench::RateReporter& reporter) {
  const World& world = World::get();
  bool any = false;
  for (bool profiles : {false, true}) {
    std::string what = profiles ? "profiles" : "records";
    const double* reader = reporter.rate(what + "/reader");
    const double* raw = reporter.rate(what + "/simdjson");
    if (!reader || !raw) continue;
    if (!any) fmt::print("\nReader against simdjson's parse alone, one thread:\n");
    any = true;
    const Lines& in = profiles ? world.profiles : world.records;
    fmt::print("  {} ({} lines, {:.0f} bytes each{}): reader {:.2f} M/s, simdjson {:.2f} M/s, "
               "reader/simdjson {:.3f} ({:.1f}x the parse's time)\n",
               what, in.lines().size(), double(in.bytes()) / in.lines().size(),
               in.fromFile ? ", from file" : "", *reader / 1e6, *raw / 1e6, *reader / *raw,
               *raw / *reader);
  }
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  for (bool profiles : {false, true}) {
    std::string what = profiles ? "profiles" : "records";
    benchmark::RegisterBenchmark((what + "/reader").c_str(), BM_Input, profiles, false)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark((what + "/simdjson").c_str(), BM_Input, profiles, true)
        ->Unit(benchmark::kMillisecond);
  }
  journey::bench::RateReporter reporter("records/s");
  benchmark::RunSpecifiedBenchmarks(&reporter);
  printSummary(reporter);
  benchmark::Shutdown();
  return reporter.failed() ? 1 : 0;
}
