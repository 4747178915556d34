// Column kernels against the interpreter (docs/jit.md, "Column kernels"): rules the column plan
// accepts, compiled as loops over a batch of random profiles (fields absent at random, values at
// the edges: NaN, -0.0, the int limits, empty and non-ASCII strings), must give every row the
// verdict the interpreter gives that profile alone: true, false or an error. Rules the plan
// refuses, and rows the batch marks, must get it from the per-row path.
#include <doctest/doctest.h>

#ifdef JOURNEY_HAVE_JIT

#include <cmath>
#include <limits>
#include <random>

#include "compiler/ir/column_plan.h"
#include "tests/unit/jit_support.h"
#include "tests/unit/sanitizer_share.h"
#include "vm/audience/batch_rule.h"
#include "vm/audience/column_batch.h"
#include "vm/value/record.h"

using journey::RecordBuilder;
using journey::Value;
namespace audience = journey::audience;
namespace ir = journey::ir;

namespace {

const char* kProgram = R"(
schema Profile {
  id: string
  email: string?
  age: int
  spend: double
  vip: bool
  country: string
  nick: string?
  score: int?
  ratio: double?
  loyalty: { tier: string, points: int, active: bool? }
  tags: list<string>
  codes: list<string>?
}
)";

const char* const kWords[] = {"",    "FR",       "fr",   "DE",         "vip",       "vip-gold",
                              "ivip", "VIP",     "ééé",  "newsletter", "a@example.com",
                              "b@shop.example.com", "gold", "silver",   "@example.com", "x"};

// Profiles and rules drawn from one seed.
class Random {
 public:
  explicit Random(uint64_t seed) : rng_(seed) {}

  bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
  size_t below(size_t n) { return static_cast<size_t>(rng_() % n); }
  template <typename T, size_t N>
  const T& pick(const T (&options)[N]) {
    return options[below(N)];
  }

  Value word() { return Value::string(pick(kWords)); }
  Value integer() {
    static const int64_t kInts[] = {-5, -1, 0, 1, 2, 5, 29, 30, 31, 5000,
                                    std::numeric_limits<int64_t>::min(),
                                    std::numeric_limits<int64_t>::max()};
    return Value::integer(pick(kInts));
  }
  Value dbl() {
    static const double kDoubles[] = {0.0, -0.0, 1.5, 100.0, 100.5, -3.25,
                                      std::numeric_limits<double>::quiet_NaN(),
                                      std::numeric_limits<double>::infinity()};
    return Value::dbl(pick(kDoubles));
  }
  Value words() {
    std::vector<Value> items;
    for (size_t n = below(5); n > 0; --n) items.push_back(word());
    return Value::list(std::move(items));
  }

  std::mt19937_64 rng_;
};

struct Layouts {
  const journey::RecordLayout* profile = nullptr;
  const journey::RecordLayout* loyalty = nullptr;
};

// A profile with each field absent now and then (required ones too: rules must handle it).
Value randomProfile(Random& r, const Layouts& l) {
  auto maybe = [&](RecordBuilder& b, const journey::RecordLayout& layout, const char* field,
                   Value v, double absent) {
    if (!r.chance(absent)) b.set(static_cast<size_t>(layout.find(field)), std::move(v));
  };
  RecordBuilder loyalty(*l.loyalty);
  maybe(loyalty, *l.loyalty, "tier", r.word(), 0.1);
  maybe(loyalty, *l.loyalty, "points", r.integer(), 0.1);
  maybe(loyalty, *l.loyalty, "active", Value::boolean(r.chance(0.5)), 0.3);
  RecordBuilder p(*l.profile);
  maybe(p, *l.profile, "id", r.word(), 0.05);
  maybe(p, *l.profile, "email", r.word(), 0.3);
  maybe(p, *l.profile, "age", r.integer(), 0.1);
  maybe(p, *l.profile, "spend", r.dbl(), 0.1);
  maybe(p, *l.profile, "vip", Value::boolean(r.chance(0.5)), 0.1);
  maybe(p, *l.profile, "country", r.word(), 0.1);
  maybe(p, *l.profile, "nick", r.word(), 0.3);
  maybe(p, *l.profile, "score", r.integer(), 0.3);
  maybe(p, *l.profile, "ratio", r.dbl(), 0.3);
  maybe(p, *l.profile, "loyalty", loyalty.build(), 0.1);
  maybe(p, *l.profile, "tags", r.words(), 0.1);
  maybe(p, *l.profile, "codes", r.words(), 0.3);
  return p.build();
}

// Random rules of the kinds a kernel implements.
class RuleGenerator {
 public:
  explicit RuleGenerator(Random& r) : r_(r) {}

  std::string rule(int depth) {
    if (depth <= 0 || r_.chance(0.25)) return "(" + leaf() + ")";
    switch (r_.below(5)) {
      case 0: return "(" + rule(depth - 1) + " && " + rule(depth - 1) + ")";
      case 1: return "(" + rule(depth - 1) + " || " + rule(depth - 1) + ")";
      case 2: return "!(" + rule(depth - 1) + ")";
      case 3: return "(" + rule(depth - 1) + (r_.chance(0.5) ? " == " : " != ") + rule(depth - 1) + ")";
      default: return "(" + leaf() + ")";
    }
  }

 private:
  std::string leaf() {
    static const char* const kOrders[] = {" == ", " != ", " < ", " <= ", " > ", " >= "};
    static const char* const kInts[] = {"profile.age", "profile.score", "profile.loyalty.points",
                                        "30", "-1", "9223372036854775807"};
    static const char* const kDoubles[] = {"profile.spend", "profile.ratio", "100.0", "-0.0",
                                           "1.5"};
    static const char* const kStrings[] = {"profile.country", "profile.email", "profile.nick",
                                           "profile.loyalty.tier", "profile.id"};
    static const char* const kConstants[] = {"''", "'FR'", "'vip'", "'@example.com'", "'ééé'",
                                             "'newsletter'", "'example.com'"};
    static const char* const kLists[] = {"profile.tags", "profile.codes"};
    static const char* const kBools[] = {"profile.vip", "profile.loyalty.active", "true", "false",
                                         "has(profile.email)", "has(profile.loyalty.active)",
                                         "has(profile.codes)", "has(profile.loyalty)"};
    std::string s = r_.pick(kStrings);
    std::string k = r_.pick(kConstants);
    switch (r_.below(12)) {
      case 0: return r_.pick(kBools);
      case 1: return std::string(r_.pick(kInts)) + r_.pick(kOrders) + r_.pick(kInts);
      case 2: return std::string(r_.pick(kDoubles)) + r_.pick(kOrders) + r_.pick(kDoubles);
      case 3: return s + (r_.chance(0.5) ? " == " : " != ") + (r_.chance(0.5) ? k : r_.pick(kStrings));
      case 4: return s + ".startsWith(" + k + ")";
      case 5: return s + ".endsWith(" + k + ")";
      case 6: return s + ".contains(" + k + ")";
      case 7: return (r_.chance(0.5) ? k : s) + " in " + r_.pick(kLists);
      case 8: return s + " in ['FR', 'vip', '']";
      case 9: return std::string(r_.pick(kInts)) + " in [30, -1, 5000]";
      case 10:
        return std::string(r_.pick(kLists)) + (r_.chance(0.5) ? ".exists(t, " : ".all(t, ") +
               (r_.chance(0.5) ? "t.startsWith(" + k + ")" : "t == " + s) + ")";
      default:
        return std::string(r_.pick(kLists)) + ".exists(t, " + r_.pick(kLists) +
               ".exists(u, u == t) && " + leaf() + ")";
    }
  }

  Random& r_;
};

// The world's rules over the profiles, by the kernel path and by the interpreter alone.
struct Check {
  size_t kernels = 0;      // rules that ran as kernels
  size_t rowsChecked = 0;  // verdicts compared
};

Check checkRules(journey::test::DualWorld& w, const std::vector<Value>& profiles, int optLevel) {
  Check out;
  std::vector<ir::ExprIndex> all;
  for (size_t i = 0; i < w.exprs.size(); ++i) all.push_back(static_cast<ir::ExprIndex>(i));
  ir::ColumnPlan plan = ir::planColumns(w.pool, w.exprs, all, w.layouts);
  journey::jit::JitOptions options;
  options.optLevel = optLevel;
  options.columns = &plan;
  auto engine = journey::jit::makeJitEngine(w.pool, w.exprs, w.layouts, w.whyNot, options);
  REQUIRE_MESSAGE(engine, w.whyNot);
  journey::stdlib::CallContext ctx{&w.host};
  audience::ColumnBatch batch(plan, w.layouts);
  for (const Value& p : profiles) batch.append(p);
  std::vector<uint8_t> verdicts;
  for (size_t e = 0; e < w.exprs.size(); ++e) {
    CHECK_MESSAGE((engine->columnKernel(e) != nullptr) == plan.kernel[e], w.texts[e]);
    out.kernels += engine->columnKernel(e) != nullptr;
    audience::evaluateOverBatch(*engine, static_cast<ir::ExprIndex>(e), e, batch, verdicts, ctx);
    journey::codegen::Chunk chunk = journey::codegen::compileExpr(w.pool, w.exprs[e], w.layouts);
    for (size_t row = 0; row < profiles.size(); ++row) {
      Value v = journey::interp::evaluate(chunk, {profiles[row]}, ctx, {});
      uint8_t want = audience::verdictOf(v);
      if (verdicts[row] != want) {
        FAIL_CHECK(w.texts[e], " on ", journey::toCelLiteral(profiles[row]), ": kernel ",
                   int(verdicts[row]), ", interpreter ", journey::toCelLiteral(v));
        break;
      }
      ++out.rowsChecked;
    }
  }
  return out;
}

struct ColumnWorld : journey::test::DualWorld {
  ColumnWorld() : DualWorld(kProgram) {
    journey::sema::TypeId type = fe.program.symbols.profileType;
    bind("profile", type, Value());
    l.profile = &layouts[fe.program.types.get(type).record];
    for (size_t i = 0; i < layouts.size(); ++i) {
      if (layouts[i].name == "Profile.loyalty") l.loyalty = &layouts[i];
    }
  }
  std::vector<Value> profiles(uint64_t seed, size_t count) {
    Random r(seed);
    std::vector<Value> out;
    for (size_t i = 0; i < count; ++i) out.push_back(randomProfile(r, l));
    return out;
  }
  Layouts l;
};

}  // namespace

TEST_SUITE_BEGIN("jit");

TEST_CASE("column kernels: each construct gives the interpreter's verdict on every row") {
  ColumnWorld w;
  REQUIRE(w.l.loyalty);
  const char* const kRules[] = {
      "profile.age >= 30 && profile.country == 'FR' && profile.spend > 100.0",
      "profile.email.endsWith('@example.com') && profile.tags.exists(t, t.startsWith('vip')) && "
      "'newsletter' in profile.tags",
      "profile.loyalty.tier == 'gold' && profile.vip",
      "has(profile.email) || has(profile.loyalty.active)",
      "!(profile.score < profile.age)",
      "profile.ratio != profile.spend",
      "profile.ratio == profile.ratio",
      "profile.nick == profile.country",
      "profile.country in ['FR', 'DE', '']",
      "profile.age in [30, 5000]",
      "profile.codes.all(c, c == profile.country)",
      "profile.tags.exists(t, profile.codes.exists(c, c == t))",
      "profile.email.contains('example') || profile.nick.startsWith('')",
      "profile.loyalty.active == profile.vip",
      "true && profile.vip",
      "profile.id.endsWith('x') != false",
  };
  for (const char* rule : kRules) REQUIRE_MESSAGE(w.add(rule), rule, w.diagnostics);
  std::vector<Value> profiles = w.profiles(7, 1000);
  for (int level : {0, 1, 2}) {
    Check c = checkRules(w, profiles, level);
    CHECK(c.kernels == std::size(kRules));
    CHECK(c.rowsChecked == std::size(kRules) * profiles.size());
  }
}

TEST_CASE("column kernels: random rules of the kernels' constructs") {
  ColumnWorld w;
  Random r(20261130);
  RuleGenerator gen(r);
  const auto kRules = static_cast<size_t>(journey::test::sanitizerShare(200));
  for (size_t i = 0; i < kRules; ++i) {
    std::string rule = gen.rule(4);
    REQUIRE_MESSAGE(w.add(rule), rule, w.diagnostics);
  }
  std::vector<Value> profiles = w.profiles(11, 600);
  Check c = checkRules(w, profiles, 1);
  CHECK(c.kernels == kRules);  // every generated rule is one the plan accepts
  CHECK(c.rowsChecked == kRules * profiles.size());
}

TEST_CASE("column kernels: rules the plan refuses run row by row, with the same verdicts") {
  ColumnWorld w;
  const char* const kRules[] = {
      "profile.age + 1 > 30",            // arithmetic
      "profile.spend > 100",             // int against double
      "size(profile.tags) > 1",          // a function kernels do not implement
      "profile.tags.map(t, t + '!').exists(t, t == 'vip!')",
      "now() > timestamp('2020-01-01T00:00:00Z')",
      "profile.country < 'M'",          // string order
  };
  for (const char* rule : kRules) REQUIRE_MESSAGE(w.add(rule), rule, w.diagnostics);
  std::vector<Value> profiles = w.profiles(3, 200);
  Check c = checkRules(w, profiles, 1);
  CHECK(c.kernels == 0);
  CHECK(c.rowsChecked == std::size(kRules) * profiles.size());
}

TEST_CASE("column kernels: rows that do not fit the columns are evaluated alone") {
  ColumnWorld w;
  REQUIRE(w.add("'vip' in profile.tags || profile.age > 3"));
  std::vector<Value> profiles = w.profiles(5, 130);
  size_t tags = static_cast<size_t>(w.l.profile->find("tags"));
  size_t age = static_cast<size_t>(w.l.profile->find("age"));
  // A list longer than a kernel takes, a list with a non-string, an int field holding a string.
  std::vector<Value> many(ir::kMaxKernelListItems + 1, Value::string("x"));
  many.back() = Value::string("vip");
  profiles[10] = journey::withField(profiles[10], tags, Value::list(many));
  profiles[70] = journey::withField(profiles[70], tags, Value::list({Value::integer(1)}));
  profiles[129] = journey::withField(profiles[129], age, Value::string("old"));
  std::vector<ir::ExprIndex> all{0};
  ir::ColumnPlan plan = ir::planColumns(w.pool, w.exprs, all, w.layouts);
  audience::ColumnBatch batch(plan, w.layouts);
  for (const Value& p : profiles) batch.append(p);
  CHECK(batch.perRow(10));
  CHECK(batch.perRow(70));
  CHECK(batch.perRow(129));
  CHECK_FALSE(batch.perRow(11));
  Check c = checkRules(w, profiles, 1);
  CHECK(c.kernels == 1);
  CHECK(c.rowsChecked == profiles.size());
}

TEST_CASE("column kernels: a cleared batch takes new rows, strings longer than a block too") {
  ColumnWorld w;
  REQUIRE(w.add("profile.country.endsWith('!') || profile.tags.exists(t, t == 'vip')"));
  std::vector<ir::ExprIndex> all{0};
  ir::ColumnPlan plan = ir::planColumns(w.pool, w.exprs, all, w.layouts);
  journey::jit::JitOptions options;
  options.columns = &plan;
  auto engine = journey::jit::makeJitEngine(w.pool, w.exprs, w.layouts, w.whyNot, options);
  REQUIRE_MESSAGE(engine, w.whyNot);
  journey::stdlib::CallContext ctx{&w.host};
  journey::codegen::Chunk chunk = journey::codegen::compileExpr(w.pool, w.exprs[0], w.layouts);
  audience::ColumnBatch batch(plan, w.layouts);
  size_t country = static_cast<size_t>(w.l.profile->find("country"));
  std::vector<Value> profiles = w.profiles(9, 500);
  profiles[3] = journey::withField(profiles[3], country, Value::string(std::string(300'000, 'a') + "!"));
  std::vector<uint8_t> verdicts;
  for (size_t rows : {size_t{500}, size_t{64}, size_t{0}, size_t{129}}) {
    batch.clear();
    for (size_t i = 0; i < rows; ++i) batch.append(profiles[i]);
    REQUIRE(batch.rows() == rows);
    audience::evaluateOverBatch(*engine, 0, 0, batch, verdicts, ctx);
    REQUIRE(verdicts.size() == rows);
    for (size_t row = 0; row < rows; ++row) {
      Value v = journey::interp::evaluate(chunk, {profiles[row]}, ctx, {});
      uint8_t want = audience::verdictOf(v);
      CHECK_MESSAGE(verdicts[row] == want, rows, " rows, row ", row);
    }
  }
}

TEST_SUITE_END();

#endif  // JOURNEY_HAVE_JIT
