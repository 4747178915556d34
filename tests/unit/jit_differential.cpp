// Differential testing of the JIT against the interpreter: random well-typed expressions over
// random bindings, deterministic by seed, evaluated by both engines (checked, and a quarter of
// them unchecked; one module in twenty with the run's pipeline, one in forty at LLVM's -O2, the
// others at -O0); any difference in value or error fails and prints the expression.
//
// The suite `jit` runs a few thousand; the suite `jit-differential` (its own ctest entry) runs
// 70,000 (5,000 in a sanitizer build, where each costs ten times more).
#include <doctest/doctest.h>

#ifdef JOURNEY_HAVE_JIT

#include <random>
#include <string>
#include <vector>

#include "tests/unit/jit_support.h"
#include "tests/unit/sanitizer_share.h"

using journey::Value;
using journey::test::DualWorld;

namespace {

enum class T { Int, Uint, Double, Bool, String, List, Map, Dyn };

class Generator {
 public:
  explicit Generator(uint64_t seed) : rng_(seed) {}

  std::string expr(T t, int depth) {
    if (depth <= 0 || chance(0.2)) return leaf(t);
    switch (t) {
      case T::Int: return intExpr(depth - 1);
      case T::Uint:
        return pick({leaf(T::Uint), bin(T::Uint, {"+", "-", "*", "/", "%"}, depth),
                     "uint(" + expr(T::Int, depth - 1) + ")"});
      case T::Double: return doubleExpr(depth - 1);
      case T::Bool: return boolExpr(depth - 1);
      case T::String: return stringExpr(depth - 1);
      case T::List: return listExpr(depth - 1);
      case T::Map: return mapExpr(depth - 1);
      case T::Dyn: return "dyn(" + expr(pickType(), depth - 1) + ")";
    }
    return leaf(t);
  }

  // Random values for the bindings of one batch.
  Value intValue() { return Value::integer(pickInt()); }
  Value listValue() {
    std::vector<Value> v;
    for (int i = 0, n = below(5); i < n; ++i) v.push_back(Value::integer(pickInt()));
    return Value::list(std::move(v));
  }
  Value mapValue() {
    std::vector<journey::MapEntry> v;
    const char* keys[] = {"a", "b", "c", "d"};
    for (const char* k : keys) {
      if (chance(0.6)) v.push_back({Value::string(k), Value::integer(pickInt())});
    }
    return Value::map(std::move(v));
  }
  Value dynValue() {
    switch (below(5)) {
      case 0: return Value::integer(pickInt());
      case 1: return Value::dbl(below(7) - 3.5);
      case 2: return Value::string(chance(0.5) ? "a" : "xyz");
      case 3: return Value::boolean(chance(0.5));
      default: return listValue();
    }
  }
  Value doubleValue() {
    const double ds[] = {0.0, -0.0, 1.5, -2.25, 1e300, 3.0, 0.1};
    return Value::dbl(ds[below(7)]);
  }
  Value stringValue() {
    const char* ss[] = {"", "a", "abc", "héllo", "b"};
    return Value::string(ss[below(5)]);
  }

  int below(int n) { return static_cast<int>(rng_() % static_cast<uint64_t>(n)); }
  bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }

 private:
  int64_t pickInt() {
    const int64_t special[] = {0, 1, -1, 2, 7, -3, 100, INT64_MAX, INT64_MIN, 4611686018427387904};
    return chance(0.7) ? below(21) - 10 : special[below(10)];
  }

  static std::string intLiteral(int64_t v) {
    if (v == INT64_MIN) return "(-9223372036854775807 - 1)";
    return v < 0 ? "(" + std::to_string(v) + ")" : std::to_string(v);
  }

  std::string pick(std::vector<std::string> options) {
    return options[below(static_cast<int>(options.size()))];
  }
  T pickType() {
    const T ts[] = {T::Int, T::Double, T::Bool, T::String, T::List, T::Map};
    return ts[below(6)];
  }

  std::string bin(T t, std::vector<std::string> ops, int depth) {
    return "(" + expr(t, depth - 1) + " " + pick(std::move(ops)) + " " + expr(t, depth - 1) + ")";
  }
  std::string cond(T t, int depth) {
    return "(" + expr(T::Bool, depth) + " ? " + expr(t, depth) + " : " + expr(t, depth) + ")";
  }
  // A comprehension variable, visible as an int in `body`.
  std::string withVar(const std::string& head, int depth, T bodyType) {
    std::string v = "v" + std::to_string(vars_.size());
    vars_.push_back(v);
    std::string body = expr(bodyType, depth);
    vars_.pop_back();
    return head + "(" + v + ", " + body + ")";
  }

  std::string leaf(T t) {
    switch (t) {
      case T::Int:
        if (!vars_.empty() && chance(0.5)) return vars_[below(static_cast<int>(vars_.size()))];
        if (chance(0.4)) return pick({"i", "j"});
        return intLiteral(pickInt());
      case T::Uint: return pick({"u", "0u", "7u", "18446744073709551615u"});
      case T::Double: return pick({"d", "1.5", "-0.5", "0.0", "2.0", "1e308"});
      case T::Bool: return pick({"b", "true", "false"});
      case T::String: return pick({"s", "'a'", "''", "'xyz'", "'é'"});
      case T::List: return pick({"l", "[]", "[1, 2, 3]", "[i, j]"});
      case T::Map: return pick({"m", "{}", "{'a': 1}", "{'b': i, 'c': j}"});
      case T::Dyn: return pick({"x", "dyn(1)", "dyn('a')", "dyn(1.0)", "dyn([1])"});
    }
    return "0";
  }

  std::string intExpr(int depth) {
    switch (below(14)) {
      case 0:
      case 1: return bin(T::Int, {"+", "-", "*"}, depth + 1);
      case 2: return bin(T::Int, {"/", "%"}, depth + 1);
      case 3: return "-" + expr(T::Int, depth);
      case 4: return "size(" + expr(T::String, depth) + ")";
      case 5: return expr(T::List, depth) + ".size()";
      case 6: return expr(T::List, depth) + "[" + expr(T::Int, depth) + "]";
      case 7: return expr(T::Map, depth) + "[" + expr(T::String, depth) + "]";
      case 8: return cond(T::Int, depth);
      case 9: return "int(" + expr(T::Double, depth) + ")";
      case 10: {
        std::string v = "v" + std::to_string(vars_.size());
        std::string value = expr(T::Int, depth);
        vars_.push_back(v);
        std::string body = expr(T::Int, depth);
        vars_.pop_back();
        return "cel.bind(" + v + ", " + value + ", " + body + ")";
      }
      case 11: return "math.greatest(" + expr(T::Int, depth) + ", " + expr(T::Int, depth) + ")";
      case 12: return "int(" + expr(T::String, depth) + ")";
      default: return expr(T::Map, depth) + "." + pick({"a", "b", "z"});
    }
  }

  std::string doubleExpr(int depth) {
    switch (below(6)) {
      case 0:
      case 1: return bin(T::Double, {"+", "-", "*", "/"}, depth + 1);
      case 2: return "-" + expr(T::Double, depth);
      case 3: return "double(" + expr(T::Int, depth) + ")";
      case 4: return cond(T::Double, depth);
      default: return "double(" + expr(T::String, depth) + ")";
    }
  }

  std::string boolExpr(int depth) {
    switch (below(20)) {
      case 0: return bin(T::Int, {"<", "<=", ">", ">=", "==", "!="}, depth + 1);
      case 1: return bin(T::Double, {"<", "<=", ">", ">=", "==", "!="}, depth + 1);
      case 2: return bin(T::String, {"<", "==", "!="}, depth + 1);
      case 3: return bin(T::Bool, {"==", "!="}, depth + 1);
      case 4:
      case 5: return bin(T::Bool, {"&&", "||"}, depth + 1);
      case 6: return "!" + expr(T::Bool, depth);
      case 7: return withVar(expr(T::List, depth) + ".all", depth, T::Bool);
      case 8: return withVar(expr(T::List, depth) + ".exists", depth, T::Bool);
      case 9: return withVar(expr(T::List, depth) + ".exists_one", depth, T::Bool);
      case 10: return expr(T::Int, depth) + " in " + expr(T::List, depth);
      case 11: return expr(T::String, depth) + " in " + expr(T::Map, depth);
      case 12: return "has(" + expr(T::Map, depth) + "." + pick({"a", "b"}) + ")";
      case 13: return expr(T::String, depth) + ".startsWith(" + expr(T::String, depth) + ")";
      case 14: return cond(T::Bool, depth);
      case 15: return "x == " + expr(T::Int, depth);
      case 16: return "dyn(" + expr(T::Int, depth) + ") < " + expr(T::Double, depth);
      case 17:
        return "(dyn(" + expr(pickType(), depth) + ") " + pick({"&&", "||"}) + " " +
               expr(T::Bool, depth) + ")";
      case 18: return bin(T::List, {"==", "!="}, depth + 1);
      default: return bin(T::Uint, {"<", "=="}, depth + 1);
    }
  }

  std::string stringExpr(int depth) {
    switch (below(5)) {
      case 0:
      case 1: return bin(T::String, {"+"}, depth + 1);
      case 2: return "string(" + expr(chance(0.5) ? T::Int : T::Double, depth) + ")";
      case 3: return cond(T::String, depth);
      default: return expr(T::String, depth) + ".substring(" + expr(T::Int, depth) + ")";
    }
  }

  std::string listExpr(int depth) {
    switch (below(7)) {
      case 0: return "[" + expr(T::Int, depth) + ", " + expr(T::Int, depth) + "]";
      case 1: return bin(T::List, {"+"}, depth + 1);
      case 2: return withVar(expr(T::List, depth) + ".map", depth, T::Int);
      case 3: return withVar(expr(T::List, depth) + ".filter", depth, T::Bool);
      case 4: return cond(T::List, depth);
      case 5:
        return "[?optional.of(" + expr(T::Int, depth) + "), ?" + expr(T::List, depth) + "[?" +
               expr(T::Int, depth) + "]]";
      default: return expr(T::Map, depth) + ".map(k, size(k))";
    }
  }

  std::string mapExpr(int depth) {
    switch (below(4)) {
      case 0: return "{" + expr(T::String, depth) + ": " + expr(T::Int, depth) + "}";
      case 1: return cond(T::Map, depth);
      case 2: return "{'a': " + expr(T::Int, depth) + ", ?'b': " + expr(T::Map, depth) + ".?a}";
      default: return expr(T::Map, depth) + ".transformMap(k, v, v + " + expr(T::Int, depth) + ")";
    }
  }

  std::mt19937_64 rng_;
  std::vector<std::string> vars_;
};

// Generates and compares the expressions [first, first + count) of the sequence `seed` gives,
// in batches of one module each (a range of the sequence is the same whichever run makes it).
void differential(uint64_t seed, int first, int count) {
  int compared = 0, rejected = 0;
  // Modules of 100: ORC's tracking of dependencies between a module's symbols grows faster
  // than the module, and at -O0 a module of 500 took a third longer per expression.
  const int batch = 100;
  const int end = first + count;
  for (int start = first; start < end; start += batch) {
    Generator g(seed + static_cast<uint64_t>(start));
    DualWorld w;
    auto& types = w.fe.program.types;
    w.bind("i", types.int64(), g.intValue());
    w.bind("j", types.int64(), g.intValue());
    w.bind("u", types.uint64(), Value::uinteger(static_cast<uint64_t>(g.below(5))));
    w.bind("d", types.double64(), g.doubleValue());
    w.bind("b", types.boolean(), Value::boolean(g.chance(0.5)));
    w.bind("s", types.string(), g.stringValue());
    w.bind("l", types.list(types.int64()), g.listValue());
    w.bind("m", types.map(types.string(), types.int64()), g.mapValue());
    w.bind("x", types.dyn(), g.dynValue());
    int n = std::min(batch, end - start);
    for (int k = 0; k < n; ++k) {
      T t = static_cast<T>(g.below(8));
      std::string e = g.expr(t, 1 + g.below(5));
      bool checked = !g.chance(0.25);
      if (!w.add(e, checked)) ++rejected;
    }
    // Optimised modules too, now and then: the middle end must not change a value. One in
    // twenty with the pipeline `journey run` uses (it costs six -O0 modules); one in eighty with
    // LLVM's -O2, which only the compile benchmark uses (thirteen); the rest at -O0.
    int module = start / batch;
    int optLevel = module % 20 == 1 ? 1 : module % 80 == 11 ? 2 : 0;
    std::vector<DualWorld::Outcome> outcomes = w.run({}, optLevel);
    REQUIRE_MESSAGE(!outcomes.empty(), w.whyNot);
    for (const DualWorld::Outcome& o : outcomes) {
      ++compared;
      if (o.interp != o.jit) {
        FAIL_CHECK("engines differ on `" << o.expr << "`: interpreter " << o.interp << ", JIT "
                                         << o.jit);
      }
    }
  }
  MESSAGE(compared << " expressions compared, " << rejected << " rejected by the checker");
  CHECK(rejected * 10 < count);  // the generator makes well-typed expressions
}

}  // namespace

// A quick run for unit_tests run by hand: ctest's `unit` entry leaves it out, and the
// sanitizer build does not compile it, since the two halves below cover it.
#if !defined(__SANITIZE_ADDRESS__)
TEST_SUITE_BEGIN("jit");

TEST_CASE("random expressions: the JIT equals the interpreter (quick)") {
  differential(1, 0, 3000);
}

TEST_SUITE_END();
#endif

// 70,000 expressions (5,000 under the sanitizers), in two halves that ctest runs side by side
// (tests/CMakeLists.txt). The same ones at every run (one seed): they guard against regressions;
// 100,000 until session 55, cut to keep the suite inside its 15 minutes in a slow hour.
constexpr int kDifferentialHalf = journey::test::kUnderSanitizers ? 2'500 : 35'000;

TEST_SUITE_BEGIN("jit-differential");

TEST_CASE("random expressions: the JIT equals the interpreter (first half)") {
  differential(20260101, 0, kDifferentialHalf);
}

TEST_CASE("random expressions: the JIT equals the interpreter (second half)") {
  differential(20260101, kDifferentialHalf, kDifferentialHalf);
}

TEST_SUITE_END();

#endif  // JOURNEY_HAVE_JIT
