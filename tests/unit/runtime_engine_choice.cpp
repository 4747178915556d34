// `journey run --engine auto`: the JIT only where compiling pays, by the measured costs in
// vm/runtime/engine_choice.cpp.
#include <doctest/doctest.h>

#include <vector>

#include "compiler/codegen/jit_policy.h"
#include "vm/runtime/engine_choice.h"

using journey::runtime::jitCompileSeconds;
using journey::runtime::jitPaysForRun;
namespace ir = journey::ir;

namespace {

// A binary tree of calls over constants, of `depth` levels below its root: 2^(depth+1) - 1 nodes.
ir::NodeId tree(ir::ExprPool& pool, int depth) {
  ir::Node n;
  if (depth > 0) {
    n.kind = ir::NodeKind::Call;
    n.name = "_+_";
    n.kids = {tree(pool, depth - 1), tree(pool, depth - 1)};
  }
  return pool.add(std::move(n));
}

// `count` expressions, each a tree of `depth`.
std::vector<ir::LoweredExpr> trees(ir::ExprPool& pool, size_t count, int depth) {
  std::vector<ir::LoweredExpr> exprs(count);
  for (ir::LoweredExpr& e : exprs) e.root = tree(pool, depth);
  return exprs;
}

// A comprehension whose range and step are trees of `depth`: 2^(depth+2) - 1 nodes.
ir::LoweredExpr comprehension(ir::ExprPool& pool, int depth) {
  ir::Node loop;
  loop.kind = ir::NodeKind::Comprehension;
  loop.loop.range = tree(pool, depth);
  loop.loop.step = tree(pool, depth);
  ir::LoweredExpr e;
  e.root = pool.add(std::move(loop));
  return e;
}

constexpr uint64_t kBenchmarkInputs = 1'854'000'000;  // 1,000,000 profiles, 10,000,000 records

}  // namespace

TEST_CASE("run: the JIT is chosen for runs large enough to pay for compiling") {
  ir::ExprPool pool;
  // The shop example: 34 expressions of 1 to 9 nodes, about 2.5 ms each to compile.
  double shop = jitCompileSeconds(pool, trees(pool, 34, 1));
  CHECK(shop == doctest::Approx(34 * 2.5e-3));
  // Measured: the benchmark's full size runs 0.76 to 1.4 s faster on the JIT; a tenth of it
  // (200,000 profiles, 2,000,000 records) shows no difference either way.
  CHECK(jitPaysForRun(shop, kBenchmarkInputs));
  CHECK_FALSE(jitPaysForRun(shop, kBenchmarkInputs / 10));
  // The examples' and tests' inputs (kilobytes): never worth compiling for.
  CHECK_FALSE(jitPaysForRun(shop, 50'000));
  CHECK_FALSE(jitPaysForRun(shop, 0));
  // A program of 1,500 expressions compiles for seconds: not even for the benchmark's inputs.
  CHECK_FALSE(jitPaysForRun(jitCompileSeconds(pool, trees(pool, 1500, 1)), kBenchmarkInputs));
  // A program with no expression (journeys of waits and sends only): nothing to compile.
  CHECK(jitCompileSeconds(pool, {}) == 0);
  CHECK_FALSE(jitPaysForRun(0, kBenchmarkInputs));
}

TEST_CASE("run: a large expression costs more than its share, up to what the JIT compiles") {
  ir::ExprPool pool;
  // 1,023 nodes (what inlined `fn`s can make of one condition), the largest the JIT compiles
  // (compiler/codegen/jit_policy.h): about 0.3 s by the costs fitted in engine_choice.cpp.
  static_assert(journey::codegen::kLargestCompiledNodes == 1023 + 1);
  double large = jitCompileSeconds(pool, trees(pool, 1, 9));
  CHECK(large > 0.25);
  CHECK(large < 0.35);
  // Twice the nodes cost more than twice the time (LLVM's back end is superlinear in them).
  CHECK(large > 2.0 * jitCompileSeconds(pool, trees(pool, 1, 8)));
  // The nodes of a comprehension's parts count too: two parts of 511 nodes and the loop.
  CHECK(jitCompileSeconds(pool, {comprehension(pool, 8)}) == doctest::Approx(large));
}

TEST_CASE("run: an expression too large to compile costs what a small one does") {
  ir::ExprPool pool;
  // 2,047 and 8,191 nodes: left to the interpreter, their functions are calls into it (3 s of
  // compiling for the larger by the fitted costs, were it compiled).
  CHECK(jitCompileSeconds(pool, trees(pool, 1, 10)) == doctest::Approx(2.5e-3));
  CHECK(jitCompileSeconds(pool, trees(pool, 1, 12)) == doctest::Approx(2.5e-3));
  // So it does not keep the JIT from the rest of a program on the benchmark's inputs.
  CHECK(jitPaysForRun(jitCompileSeconds(pool, trees(pool, 1, 12)) + 34 * 2.5e-3,
                      kBenchmarkInputs));
  // A comprehension whose parts together pass the limit is left to the interpreter too.
  CHECK(jitCompileSeconds(pool, {comprehension(pool, 9)}) == doctest::Approx(2.5e-3));
}
