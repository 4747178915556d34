// `journey audience --engine auto`: the JIT only where compiling pays, by the measured costs
// in vm/audience/engine_choice.cpp.
#include <doctest/doctest.h>

#include "vm/audience/engine_choice.h"

using journey::audience::jitPays;

// What the JIT takes to compile `expressions` of the usual size (runtime::jitCompileSeconds).
constexpr double compiling(double expressions) { return expressions * 2.5e-3; }

TEST_CASE("audiences: the JIT is chosen for batches large enough to pay for compiling") {
  constexpr uint64_t kMillionShopProfiles = 278'000'000;  // bytes
  constexpr size_t kShopExpressions = 40;
  // Measured: one rule over 1,000,000 profiles, the JIT 2% slower; over 10,000,000, faster.
  CHECK_FALSE(jitPays(compiling(kShopExpressions), kMillionShopProfiles, 1));
  CHECK(jitPays(compiling(kShopExpressions), 10 * kMillionShopProfiles, 1));
  // Five rules over 1,000,000 profiles: five times the evaluations for the same compile.
  CHECK(jitPays(compiling(kShopExpressions), kMillionShopProfiles, 5));
  // A program of 1,500 expressions compiles for seconds: not for 10,000,000 profiles and a rule.
  CHECK_FALSE(jitPays(compiling(1500), 10 * kMillionShopProfiles, 1));
  // Nothing to evaluate: nothing to compile for.
  CHECK_FALSE(jitPays(compiling(kShopExpressions), 10 * kMillionShopProfiles, 0));
  CHECK_FALSE(jitPays(compiling(kShopExpressions), 0, 5));
}
