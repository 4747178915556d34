// Interpreter speed on audience rules over 1,000,000 in-memory profiles (issue 3), single thread.
// Each rule runs twice over the same records in the same run: through the whole pipeline
// (parse, check, lower, bytecode, Interpreter) and as a hand-written C++ loop, the baseline.
// Both count the profiles that match; a benchmark whose count differs from the reference (the
// one every profile agreed on before timing) stops with an error and the program exits 1, so
// the figures are checked. The JIT runs them too, and a pass that only reads the records'
// memory gives the floor every engine stays under over records.
//
// The same profiles are also held as a column batch (vm/audience/column_batch.h: one typed
// column per field a rule reads), over which the JIT runs each rule as a column kernel and a
// hand-written loop, reading the same columns, is the baseline (docs/jit.md, "Column kernels").
//   eval_bench [benchmark flags]    run the benchmarks, then print interpreter/baseline per rule
#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <cstdint>
#include <deque>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "bench/rate_reporter.h"
#include "compiler/codegen/bytecode_compiler.h"
#include "compiler/diagnostics/renderer.h"
#include "compiler/driver/frontend.h"
#include "compiler/ir/column_plan.h"
#include "compiler/ir/lower.h"
#include "compiler/sema/expr_checker.h"
#include "compiler/syntax/parser.h"
#include "vm/audience/batch_rule.h"
#include "vm/audience/column_batch.h"
#include "vm/interp/interpreter.h"
#include "vm/interp/wall_clock_host.h"
#include "vm/value/objects.h"
#include "vm/value/record.h"
#ifdef JOURNEY_HAVE_JIT
#include "vm/jit/jit_engine.h"
#endif

namespace {

using journey::RecordView;
using journey::Value;
using journey::ValueKind;

constexpr size_t kProfileCount = 1'000'000;
constexpr uint64_t kSeed = 20261129;
constexpr double kTargetRule1 = 10e6;  // evaluations per second, one thread (issue 3)

const char* kProgram =
    "schema Profile { id: string, age: int, country: string, totalSpend: double, email: string, "
    "tags: list<string> }\n";

// Field indices of the schema, as the compiler laid them out.
struct ProfileFields {
  uint32_t id = 0, age = 0, country = 0, totalSpend = 0, email = 0, tags = 0;
};

// The baselines know the schema: every field is required and of its declared type, so they read
// values without the kind and presence checks the interpreter must make.
bool rule1Baseline(RecordView profile, const ProfileFields& f) {
  return profile.field(f.age).asInt() >= 30 && profile.field(f.country).asString() == "FR" &&
         profile.field(f.totalSpend).asDouble() > 100.0;
}

bool rule2Baseline(RecordView profile, const ProfileFields& f) {
  if (!profile.field(f.email).asString().ends_with("@example.com")) return false;
  auto tags = profile.field(f.tags).asList();
  auto isVip = [](const Value& tag) { return tag.asString().starts_with("vip"); };
  auto isNewsletter = [](const Value& tag) { return tag.asString() == "newsletter"; };
  return std::any_of(tags.begin(), tags.end(), isVip) &&
         std::any_of(tags.begin(), tags.end(), isNewsletter);
}

// The same rules over a rule's column batch (columns in the order its plan numbers them, which
// the world checks): every field present, as above, so no presence bit is read.
using journey::audience::ColumnData;
using journey::audience::StringRef;

bool is(const StringRef& s, std::string_view text) {
  return s.size == text.size() && std::memcmp(s.data, text.data(), text.size()) == 0;
}

int64_t rule1Columns(const ColumnData* c, size_t rows) {
  const auto* age = static_cast<const int64_t*>(c[0].values);
  const auto* country = static_cast<const StringRef*>(c[1].values);
  const auto* spend = static_cast<const double*>(c[2].values);
  int64_t matches = 0;
  // Without branches (a mispredicted one costs more than the whole row): every country has
  // at least two bytes, so the first two can be read whatever the size.
  uint16_t fr;
  std::memcpy(&fr, "FR", 2);
  for (size_t row = 0; row < rows; ++row) {
    uint16_t first;
    std::memcpy(&first, country[row].data, 2);
    matches += (age[row] >= 30) & (country[row].size == 2) & (first == fr) & (spend[row] > 100.0);
  }
  return matches;
}

int64_t rule2Columns(const ColumnData* c, size_t rows) {
  const auto* email = static_cast<const StringRef*>(c[0].values);
  const auto* tags = static_cast<const StringRef*>(c[1].values);
  const uint32_t* offsets = c[1].offsets;
  constexpr std::string_view kDomain = "@example.com";
  int64_t matches = 0;
  for (size_t row = 0; row < rows; ++row) {
    const StringRef& e = email[row];
    if (e.size < kDomain.size() ||
        std::memcmp(e.data + e.size - kDomain.size(), kDomain.data(), kDomain.size()) != 0) {
      continue;
    }
    bool vip = false, newsletter = false;
    for (uint32_t i = offsets[row]; i < offsets[row + 1]; ++i) {
      vip = vip || (tags[i].size >= 3 && std::memcmp(tags[i].data, "vip", 3) == 0);
      newsletter = newsletter || is(tags[i], "newsletter");
    }
    matches += vip && newsletter;
  }
  return matches;
}

struct Rule {
  const char* name;
  const char* expression;
  bool (*baseline)(RecordView, const ProfileFields&);
  int64_t (*columnBaseline)(const ColumnData*, size_t rows);
  const char* columns;  // the column paths the baseline expects, in order
};

const Rule kRules[] = {
    {"rule1", R"(profile.age >= 30 && profile.country == "FR" && profile.totalSpend > 100.0)",
     &rule1Baseline, &rule1Columns, "age,country,totalSpend"},
    {"rule2",
     R"(profile.email.endsWith("@example.com") && profile.tags.exists(t, t.startsWith("vip")) && )"
     R"("newsletter" in profile.tags)",
     &rule2Baseline, &rule2Columns, "email,tags"},
};
constexpr size_t kRuleCount = std::size(kRules);

// The program, its record layouts, the profiles and one chunk per rule: built once, shared by
// every benchmark (ids and emails each the profile's own, recurring short strings shared, as
// the profile reader gives them).
class ProfileWorld {
 public:
  static ProfileWorld& get() {
    static ProfileWorld world;
    return world;
  }

 private:
  // Declared before the data below, so destroyed after it: records and chunks point to the
  // layouts.
  journey::Frontend fe_;
  journey::ir::RecordLayouts layouts_;
  journey::sema::Scope scope_;
  const journey::RecordLayout* profileLayout_ = nullptr;

 public:
  // Why the world could not be set up (a compile error), or empty.
  std::string error;
  ProfileFields fields;
  std::vector<Value> profiles;
  std::vector<journey::codegen::Chunk> chunks;  // by rule; never resized after construction
  // The lowered rules, for the JIT: a pool and a one-expression list per rule, at fixed places
  // (an engine keeps references to them).
  std::deque<journey::ir::ExprPool> pools;
  std::deque<std::vector<journey::ir::LoweredExpr>> lowered;
  // Per rule: its column plan and the profiles as a batch of its columns.
  std::deque<journey::ir::ColumnPlan> plans;
  std::deque<journey::audience::ColumnBatch> batches;
  const journey::ir::RecordLayouts& layouts() const { return layouts_; }
  double buildSeconds = 0;
  double batchSeconds = 0;

 private:
  ProfileWorld() {
    auto start = std::chrono::steady_clock::now();
    journey::FileId file = fe_.sources.add("profile.journey", kProgram);
    fe_.ast.modules.push_back(journey::syntax::parseFile(file, fe_.sources, fe_.ast, fe_.diags));
    if (!fe_.check()) {
      error = "the schema does not compile: " + diagnostics(0);
      return;
    }
    layouts_ = journey::ir::RecordLayouts(fe_.program, &fe_.ast);
    journey::sema::TypeId profileType = fe_.program.symbols.profileType;
    const journey::RecordLayout& layout = layouts_[fe_.program.types.get(profileType).record];
    profileLayout_ = &layout;
    auto index = [&](const char* field) { return static_cast<uint32_t>(layout.find(field)); };
    fields = {index("id"), index("age"), index("country"), index("totalSpend"), index("email"),
              index("tags")};
    scope_.declare("profile", profileType);
    for (const Rule& rule : kRules) {
      if (!compile(rule)) return;
    }
    buildProfiles(layout);
    buildSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    start = std::chrono::steady_clock::now();
    for (size_t rule = 0; rule < kRuleCount; ++rule) {
      if (!buildBatch(rule)) return;
    }
    batchSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }

  // The rule's plan, which must make it a kernel reading the columns its baseline expects, and
  // every profile in one batch.
  bool buildBatch(size_t rule) {
    journey::ir::ColumnPlan& plan =
        plans.emplace_back(journey::ir::planColumns(pools[rule], lowered[rule], {0}, layouts_));
    std::string columns;
    for (const journey::ir::ColumnPath& path : plan.columns) {
      columns += (columns.empty() ? "" : ",") + path.name;
    }
    if (!plan.kernel[0] || columns != kRules[rule].columns) {
      error = fmt::format("{}: the column plan {} (columns {}, expected {})", kRules[rule].name,
                          plan.kernel[0] ? "accepts it" : "refuses it: " + plan.whyNot[0],
                          columns, kRules[rule].columns);
      return false;
    }
    journey::audience::ColumnBatch& batch = batches.emplace_back(plan, layouts_);
    for (const Value& profile : profiles) batch.append(profile);
    return true;
  }

  std::string diagnostics(size_t from) const {
    std::string text;
    for (size_t i = from; i < fe_.diags.all().size(); ++i)
      text += journey::render(fe_.diags.all()[i], fe_.sources);
    return text;
  }

  // The real pipeline, as `journey eval` runs it (tools/journey/eval_session.cpp).
  bool compile(const Rule& rule) {
    size_t before = fe_.diags.all().size();
    size_t errorsBefore = fe_.diags.errorCount();
    journey::FileId file = fe_.sources.add(std::string("<") + rule.name + ">", rule.expression);
    journey::ast::ExprId root =
        journey::syntax::parseExpression(file, fe_.sources, fe_.ast, fe_.diags);
    if (root != journey::ast::kNoExpr) {
      journey::sema::CheckContext context{fe_.sources, fe_.ast, fe_.program.types,
                                          fe_.program.symbols, fe_.diags, fe_.program.facts};
      journey::sema::ExprChecker(context).check(root, scope_);
    }
    if (root == journey::ast::kNoExpr || fe_.diags.errorCount() > errorsBefore) {
      error = std::string(rule.name) + " does not compile: " + diagnostics(before);
      return false;
    }
    journey::ir::ExprPool& pool = pools.emplace_back();
    journey::ir::Lowerer lowerer(fe_.ast, fe_.program, layouts_, pool);
    lowered.push_back({lowerer.lowerRoot(root, {"profile"})});
    chunks.push_back(journey::codegen::compileExpr(pool, lowered.back()[0], layouts_));
    // Reading by name instead of by index would measure the slow path without saying so.
    for (const journey::codegen::FieldSite& site : chunks.back().fields) {
      if (site.layout != profileLayout_) {
        error = fmt::format("{}: `{}` is not read by index from the schema's layout", rule.name,
                            site.name);
        return false;
      }
    }
    return true;
  }

  // Deterministic: the raw output of mt19937_64 is specified by the standard (the library's
  // distributions are not), so every platform builds the same profiles.
  void buildProfiles(const journey::RecordLayout& layout) {
    std::mt19937_64 random(kSeed);
    auto pick = [&](uint64_t n) { return random() % n; };
    // Weighted by repetition: FR a quarter of the profiles.
    static const char* const kCountries[] = {"FR", "FR", "FR", "FR", "FR", "DE", "DE",
                                             "DE", "DE", "US", "US", "US", "US", "GB",
                                             "GB", "GB", "ES", "ES", "IT", "IT"};
    // Half at example.com; `shop.example.com` ends with "example.com" but not "@example.com".
    static const char* const kDomains[] = {"example.com", "example.com", "example.org",
                                           "shop.example.com"};
    // `ivip` and `VIP` contain "vip" without starting with it.
    static const char* const kTags[] = {"vip", "vip-gold", "newsletter", "newsletter", "sms",
                                        "churn-risk", "loyal", "new", "ivip", "VIP"};
    // Short strings that recur are shared, as the profile reader shares them
    // (vm/interp/recurring_strings.h); ids and emails are each their own.
    std::map<std::string_view, Value> recurring;
    auto shared = [&](const char* s) {
      auto [it, added] = recurring.try_emplace(s);
      if (added) it->second = Value::string(s);
      return it->second;
    };
    profiles.reserve(kProfileCount);
    for (size_t i = 0; i < kProfileCount; ++i) {
      std::vector<Value> tags;
      for (uint64_t n = pick(5); n > 0; --n) tags.push_back(shared(kTags[pick(std::size(kTags))]));
      journey::RecordBuilder profile(layout);
      profile.set(fields.id, Value::string(fmt::format("p{:07}", i)));
      profile.set(fields.age, Value::integer(16 + static_cast<int64_t>(pick(70))));
      profile.set(fields.country, shared(kCountries[pick(std::size(kCountries))]));
      profile.set(fields.totalSpend, Value::dbl(static_cast<double>(pick(40000)) / 100.0));
      profile.set(fields.email,
                  Value::string(fmt::format("user{}@{}", i, kDomains[pick(std::size(kDomains))])));
      profile.set(fields.tags, Value::list(std::move(tags)));
      profiles.push_back(profile.build());
    }
  }
};

// What every profile agreed on before timing: the number of matches, or why they disagreed.
struct Reference {
  int64_t matches = 0;
  std::string error;
};

bool isTrue(const Value& v) { return v.kind() == ValueKind::Bool && v.asBool(); }

const Reference& reference(size_t rule) {
  static std::map<size_t, Reference> cache;
  auto [it, inserted] = cache.try_emplace(rule);
  if (!inserted) return it->second;
  Reference& ref = it->second;
  ProfileWorld& world = ProfileWorld::get();
  if (!world.error.empty()) {
    ref.error = world.error;
    return ref;
  }
  journey::interp::WallClockHost host;
  journey::stdlib::CallContext ctx{&host};
  journey::interp::Interpreter interpreter(world.chunks[rule]);
  for (const Value& profile : world.profiles) {
    Value verdict = interpreter.runWithInputs(&profile, ctx);
    bool expected = kRules[rule].baseline(profile.asRecord(), world.fields);
    if (verdict.kind() != ValueKind::Bool || verdict.asBool() != expected) {
      std::string got = verdict.isError() ? std::string(verdict.errorMessage())
                                          : isTrue(verdict) ? "true" : "not true";
      ref.error = fmt::format("{} on profile {}: interpreter {}, baseline {}", kRules[rule].name,
                              profile.asRecord().field(world.fields.id).asString(), got, expected);
      return ref;
    }
    ref.matches += expected;
  }
  return ref;
}

// The counters of both kinds of benchmark, or the benchmark skipped when its count is wrong.
void finishCounters(benchmark::State& state, size_t rule, int64_t matches) {
  const Reference& ref = reference(rule);
  if (matches != ref.matches) {
    state.SkipWithError(fmt::format("{}: {} matches, expected {} (every profile checked)",
                                    kRules[rule].name, matches, ref.matches).c_str());
    return;
  }
  double evaluations = static_cast<double>(state.iterations()) * kProfileCount;
  state.counters["evals/s"] = benchmark::Counter(evaluations, benchmark::Counter::kIsRate);
  state.counters["matches"] = static_cast<double>(matches);
}

// Every profile through `matchOne` (profile -> whether the rule holds) per iteration, then the
// counters.
template <typename MatchOne>
void countMatches(benchmark::State& state, size_t rule, MatchOne matchOne) {
  int64_t matches = 0;
  for (auto _ : state) {
    matches = 0;
    for (const Value& profile : ProfileWorld::get().profiles) matches += matchOne(profile);
    benchmark::DoNotOptimize(matches);
  }
  finishCounters(state, rule, matches);
}

// The reference's error, if any, skips the benchmark.
bool skippedForError(benchmark::State& state, size_t rule) {
  const Reference& ref = reference(rule);
  if (ref.error.empty()) return false;
  state.SkipWithError(ref.error.c_str());
  return true;
}

void BM_Interpreter(benchmark::State& state, size_t rule) {
  if (skippedForError(state, rule)) return;
  ProfileWorld& world = ProfileWorld::get();
  journey::interp::WallClockHost host;
  journey::stdlib::CallContext ctx{&host};
  // One interpreter per chunk, reused for every profile, the profile read in place: as the
  // runtime does.
  journey::interp::Interpreter interpreter(world.chunks[rule]);
  countMatches(state, rule, [&](const Value& profile) {
    return isTrue(interpreter.runWithInputs(&profile, ctx));
  });
}

#ifdef JOURNEY_HAVE_JIT
// The rule compiled by the JIT (-O2, as `journey run --engine jit` compiles a program), its
// compile time (IR to callable code) reported beside the rate.
void BM_Jit(benchmark::State& state, size_t rule) {
  if (skippedForError(state, rule)) return;
  ProfileWorld& world = ProfileWorld::get();
  std::string whyNot;
  auto start = std::chrono::steady_clock::now();
  std::unique_ptr<journey::runtime::ExpressionEngine> engine = journey::jit::makeJitEngine(
      world.pools[rule], world.lowered[rule], world.layouts(), whyNot);
  double compileSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!engine) {
    state.SkipWithError(("the JIT cannot compile the rule: " + whyNot).c_str());
    return;
  }
  journey::interp::WallClockHost host;
  journey::stdlib::CallContext ctx{&host};
  countMatches(state, rule,
               [&](const Value& profile) { return isTrue(engine->evaluate(0, &profile, ctx)); });
  state.counters["compile_ms"] = compileSeconds * 1e3;
}

// The rule as the JIT's column kernel over the rule's batch, the verdicts counted.
void BM_JitColumns(benchmark::State& state, size_t rule) {
  if (skippedForError(state, rule)) return;
  ProfileWorld& world = ProfileWorld::get();
  std::string whyNot;
  journey::jit::JitOptions options;
  options.columns = &world.plans[rule];
  std::unique_ptr<journey::runtime::ExpressionEngine> engine = journey::jit::makeJitEngine(
      world.pools[rule], world.lowered[rule], world.layouts(), whyNot, options);
  if (!engine || !engine->columnKernel(0)) {
    state.SkipWithError(("the JIT has no kernel for the rule: " + whyNot).c_str());
    return;
  }
  journey::interp::WallClockHost host;
  journey::stdlib::CallContext ctx{&host};
  journey::audience::ColumnBatch& batch = world.batches[rule];
  std::vector<uint8_t> verdicts;
  int64_t matches = 0;
  for (auto _ : state) {
    journey::audience::evaluateOverBatch(*engine, 0, 0, batch, verdicts, ctx);
    matches = std::count(verdicts.begin(), verdicts.end(), journey::audience::kTrue);
    benchmark::DoNotOptimize(matches);
  }
  finishCounters(state, rule, matches);
}
#endif

// The hand-written loop over the same columns.
void BM_ColumnBaseline(benchmark::State& state, size_t rule) {
  if (skippedForError(state, rule)) return;
  ProfileWorld& world = ProfileWorld::get();
  journey::audience::ColumnBatch& batch = world.batches[rule];
  int64_t matches = 0;
  for (auto _ : state) {
    matches = kRules[rule].columnBaseline(batch.data(), batch.rows());
    benchmark::DoNotOptimize(matches);
  }
  finishCounters(state, rule, matches);
}

void BM_Baseline(benchmark::State& state, size_t rule) {
  if (skippedForError(state, rule)) return;
  const ProfileFields& fields = ProfileWorld::get().fields;
  auto baseline = kRules[rule].baseline;
  countMatches(state, rule,
               [&](const Value& profile) { return baseline(profile.asRecord(), fields); });
}

// The floor under every engine: a pass that reads one word of each cache line the profile
// records occupy and does nothing else. The records are where the rules' fields are; a rule
// cannot be evaluated faster than its profiles' records can be read from memory.
void BM_RecordLines(benchmark::State& state) {
  ProfileWorld& world = ProfileWorld::get();
  uint64_t sum = 0;
  for (auto _ : state) {
    for (const Value& profile : world.profiles) {
      const auto* record = static_cast<const journey::RecordObject*>(profile.heapObject());
      size_t bytes = sizeof(journey::RecordObject) + record->fieldCount * sizeof(Value) +
                     (record->fieldCount + 63) / 64 * sizeof(uint64_t);
      const auto* words = reinterpret_cast<const uint64_t*>(record);
      for (size_t at = 0; at < bytes; at += 64) sum += words[at / sizeof(uint64_t)];
    }
    benchmark::DoNotOptimize(sum);
  }
  state.counters["evals/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * kProfileCount, benchmark::Counter::kIsRate);
}

// Interpreter against baseline for each rule, and the target of issue 3.
void printSummary(const journey::bench::RateReporter& reporter) {
  bool any = false;
  for (const Rule& rule : kRules) {
    const double* interp = reporter.rate(std::string(rule.name) + "/interpreter");
    const double* base = reporter.rate(std::string(rule.name) + "/baseline");
    if (!interp || !base) continue;
    if (!any) {
      fmt::print("\nInterpreter against the hand-written baseline, one thread, {} profiles:\n",
                 kProfileCount);
      any = true;
    }
    fmt::print("  {}: interpreter {:.2f} M evals/s, baseline {:.2f} M evals/s, "
               "interpreter/baseline {:.3f} ({:.1f}x the baseline's time)\n",
               rule.name, *interp / 1e6, *base / 1e6, *interp / *base, *base / *interp);
    if (const double* jit = reporter.rate(std::string(rule.name) + "/jit")) {
      fmt::print("  {}: jit over records {:.2f} M evals/s, jit/interpreter {:.2f}, "
                 "jit/baseline {:.3f}\n",
                 rule.name, *jit / 1e6, *jit / *interp, *jit / *base);
    }
    const double* columns = reporter.rate(std::string(rule.name) + "/jit-columns");
    const double* columnBase = reporter.rate(std::string(rule.name) + "/baseline-columns");
    if (columns && columnBase) {
      fmt::print("  {}: jit column kernel {:.2f} M evals/s, hand-written loop over the same "
                 "columns {:.2f} M evals/s: jit/interpreter {:.2f} (target 5), "
                 "jit/column loop {:.3f} (target 0.5)\n",
                 rule.name, *columns / 1e6, *columnBase / 1e6, *columns / *interp,
                 *columns / *columnBase);
    }
  }
  if (const double* floor = reporter.rate("records/read-lines")) {
    fmt::print("  reading the records' cache lines alone (the floor for any engine over these "
               "records): {:.2f} M profiles/s\n", *floor / 1e6);
    for (const Rule& rule : kRules) {
      const double* base = reporter.rate(std::string(rule.name) + "/baseline");
      if (base) fmt::print("  {}: baseline at {:.0f}% of that rate\n", rule.name, *base / *floor * 100);
    }
  }
  if (const double* rule1 = reporter.rate(std::string(kRules[0].name) + "/interpreter")) {
    double shortfall = 1 - *rule1 / kTargetRule1;
    fmt::print("  rule1 target {:.0f} M evals/s: {}\n", kTargetRule1 / 1e6,
               shortfall <= 0 ? std::string("met")
                              : fmt::format("not met, {:.0f}% below", shortfall * 100));
  }
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  for (size_t rule = 0; rule < kRuleCount; ++rule) {
    std::string name = kRules[rule].name;
    benchmark::RegisterBenchmark((name + "/interpreter").c_str(), BM_Interpreter, rule)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark((name + "/baseline").c_str(), BM_Baseline, rule)
        ->Unit(benchmark::kMillisecond);
#ifdef JOURNEY_HAVE_JIT
    benchmark::RegisterBenchmark((name + "/jit").c_str(), BM_Jit, rule)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark((name + "/jit-columns").c_str(), BM_JitColumns, rule)
        ->Unit(benchmark::kMillisecond);
#endif
    benchmark::RegisterBenchmark((name + "/baseline-columns").c_str(), BM_ColumnBaseline, rule)
        ->Unit(benchmark::kMillisecond);
  }
  benchmark::RegisterBenchmark("records/read-lines", BM_RecordLines)
      ->Unit(benchmark::kMillisecond);
  ProfileWorld& world = ProfileWorld::get();
  if (world.error.empty()) {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    fmt::print("{} profiles built in {:.2f} s, as column batches in {:.2f} s; peak memory {} MiB\n",
               world.profiles.size(), world.buildSeconds, world.batchSeconds,
               usage.ru_maxrss / 1024);
  }
  journey::bench::RateReporter reporter("evals/s");
  benchmark::RunSpecifiedBenchmarks(&reporter);
  printSummary(reporter);
  benchmark::Shutdown();
  return reporter.failed() ? 1 : 0;  // a wrong count fails bench/run.sh
}
