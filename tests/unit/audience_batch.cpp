// `journey audience`'s batch evaluation (vm/audience/) against expectations computed here
// directly from generated profiles and purchases, in plain C++: every audience, every profile,
// the rule errors counted, with the interpreter and (in a build with LLVM) the JIT, on several
// threads.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "tests/unit/lowered_program.h"
#include "vm/audience/batch.h"
#include "vm/runtime/interp_engine.h"
#ifdef JOURNEY_HAVE_JIT
#include "vm/jit/jit_engine.h"
#endif
#include "vm/value/value_convert.h"

using namespace journey;

namespace {

const char* kAudiencesProgram = R"(
schema Profile { id: string, age: int, country: string, spend: double, tags: list<string> }
event Purchase retain 60d { total: double }
audience FrenchAdults = profile.age >= 30 && profile.country == "FR"
audience Valuable = profile.spend > 100.0 || "vip" in profile.tags
audience Frequent = size(history(Purchase, 30d)) >= 2
audience FrenchNotValuable = inAudience(FrenchAdults) && !inAudience(Valuable)
audience Ratio = 100 / (profile.age - 40) > 3
)";

struct Generated {
  std::string id;
  int64_t age;
  std::string country;
  double spend;
  bool vip;
  std::vector<int64_t> purchaseDays;  // days before the evaluation time, in time order
};

constexpr int64_t kAt = 1'780'000'000;  // the evaluation time, seconds since the epoch

std::vector<Generated> generate(size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  const char* countries[] = {"FR", "DE", "ES"};
  std::vector<Generated> all;
  for (size_t i = 0; i < n; ++i) {
    Generated g{"p" + std::to_string(i), 18 + static_cast<int64_t>(rng() % 50),
                countries[rng() % 3], static_cast<double>(rng() % 20000) / 100.0, rng() % 5 == 0,
                {}};
    for (int k = static_cast<int>(rng() % 5); k > 0; --k) g.purchaseDays.push_back(rng() % 90);
    std::sort(g.purchaseDays.rbegin(), g.purchaseDays.rend());
    all.push_back(std::move(g));
  }
  return all;
}

// The expected membership, per audience in declaration order; -1 when the rule fails.
std::vector<int> expected(const Generated& g) {
  bool french = g.age >= 30 && g.country == "FR";
  bool valuable = g.spend > 100.0 || g.vip;
  int recent = 0;
  for (int64_t d : g.purchaseDays) recent += d < 30;
  int ratio = g.age == 40 ? -1 : (100 / (g.age - 40) > 3);
  return {french, valuable, recent >= 2, french && !valuable, ratio};
}

struct Files {
  std::string stem = "/tmp/journey_audience_test_" + std::to_string(::getpid());
  std::string profiles = stem + "_profiles.jsonl";
  std::string events = stem + "_events.jsonl";
  ~Files() {
    std::remove(profiles.c_str());
    std::remove(events.c_str());
  }
};

void write(const std::vector<Generated>& all, const Files& f) {
  std::ofstream p(f.profiles), e(f.events);
  struct Purchase {
    int64_t time;
    const std::string* id;
  };
  std::vector<Purchase> purchases;
  for (const Generated& g : all) {
    char spend[32];
    std::snprintf(spend, sizeof spend, "%.2f", g.spend);
    p << R"({"id": ")" << g.id << R"(", "age": )" << g.age << R"(, "country": ")" << g.country
      << R"(", "spend": )" << spend << R"(, "tags": )" << (g.vip ? R"(["vip"])" : "[]") << "}\n";
    // A purchase d days before the evaluation time, an hour earlier so that d = 30 is out.
    for (int64_t d : g.purchaseDays) purchases.push_back({kAt - d * 86400 - 3600, &g.id});
  }
  std::stable_sort(purchases.begin(), purchases.end(),
                   [](const Purchase& a, const Purchase& b) { return a.time < b.time; });
  for (const Purchase& x : purchases) {
    e << R"({"time": ")" << formatTimestamp(Timestamp{x.time, 0}) << R"(", "profile": ")" << *x.id
      << R"(", "event": "Purchase", "data": {"total": 10.0}})" << "\n";
  }
}

class NullSink final : public runtime::OutputSink {
 public:
  void write(std::string_view) override { ++lines; }
  int lines = 0;
};

using Rows = std::vector<std::pair<std::string, std::vector<uint8_t>>>;

ir::ProgramIr lowerAudiences() { return test::lowerSource("audiences.journey", kAudiencesProgram); }

// Every audience of `program` over `profiles` (and `events`, unless empty): the rows in input
// order and the counts.
Rows runBatch(const ir::ProgramIr& program, const char* engine, const std::string& profiles,
              const std::string& events, unsigned threads, audience::BatchStats& stats) {
  audience::BatchInput input;
  input.profiles = profiles;
  input.events = events;
  input.at = Timestamp{kAt, 0};
  for (uint32_t a = 0; a < program.audiences.size(); ++a) input.audiences.push_back(a);
  input.threads = threads;
  input.makeEngine = [&]() -> std::unique_ptr<runtime::ExpressionEngine> {
#ifdef JOURNEY_HAVE_JIT
    if (std::string(engine) == "jit") {
      std::string whyNot;
      auto jit = jit::makeJitEngine(program, whyNot);
      REQUIRE_MESSAGE(jit, whyNot);
      return jit;
    }
#endif
    return runtime::makeInterpEngine(program);
  };
  Rows rows;
  audience::RowSink row = [&](const std::string& id, const std::vector<uint8_t>& member) {
    rows.emplace_back(id, member);
  };
  NullSink rejected;
  REQUIRE_FALSE(audience::evaluateAudiences(program, input, row, rejected, stats));
  CHECK(rejected.lines == 0);
  return rows;
}

void checkEngine(const char* engine) {
  ir::ProgramIr program = lowerAudiences();
  std::vector<Generated> all = generate(5000, 7);
  Files files;
  write(all, files);
  audience::BatchStats stats;
  Rows rows = runBatch(program, engine, files.profiles, files.events, 3, stats);
  REQUIRE(rows.size() == all.size());
  std::vector<uint64_t> members(5, 0), errors(5, 0);
  for (size_t i = 0; i < all.size(); ++i) {
    INFO(engine, " ", all[i].id);
    REQUIRE(rows[i].first == all[i].id);  // input order, whatever the threads
    std::vector<int> want = expected(all[i]);
    for (size_t a = 0; a < want.size(); ++a) {
      CHECK(rows[i].second[a] == (want[a] == 1));
      members[a] += want[a] == 1;
      errors[a] += want[a] == -1;
    }
  }
  CHECK(stats.members == members);
  CHECK(stats.errors == errors);
  // The cases reach every outcome.
  for (size_t a = 0; a < 5; ++a) CHECK(members[a] > 0);
  CHECK(errors[4] > 0);
}

}  // namespace

TEST_CASE("audiences in batch match the expectations computed from the generated data") {
  checkEngine("interp");
#ifdef JOURNEY_HAVE_JIT
  checkEngine("jit");
#endif
}

// Without events, profiles are evaluated as they are read, in chunks whose size depends on the
// number of threads: one thread and three must give the same rows, in input order.
TEST_CASE("audiences in batch without events: the same rows on one thread and on three") {
  ir::ProgramIr program = lowerAudiences();
  std::vector<Generated> all = generate(5000, 11);  // more than one chunk of either size
  Files files;
  write(all, files);
  audience::BatchStats one, three;
  Rows alone = runBatch(program, "interp", files.profiles, "", 1, one);
  Rows shared = runBatch(program, "interp", files.profiles, "", 3, three);
  REQUIRE(alone.size() == all.size());
  CHECK(alone == shared);
  CHECK(one.members == three.members);
  for (size_t i = 0; i < all.size(); ++i) REQUIRE(alone[i].first == all[i].id);
  CHECK(std::accumulate(one.members.begin(), one.members.end(), uint64_t{0}) > 0);
}
