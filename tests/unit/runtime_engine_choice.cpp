// `journey run --engine auto`: the JIT only where compiling pays, by the measured costs in
// vm/runtime/engine_choice.cpp.
#include <doctest/doctest.h>

#include "vm/runtime/engine_choice.h"

using journey::runtime::jitPaysForRun;

TEST_CASE("run: the JIT is chosen for runs large enough to pay for compiling") {
  constexpr size_t kShopExpressions = 34;
  constexpr uint64_t kBenchmarkInputs = 1'854'000'000;  // 1,000,000 profiles, 10,000,000 records
  // Measured: the benchmark's full size runs 0.76 to 1.4 s faster on the JIT; a tenth of it
  // (200,000 profiles, 2,000,000 records) shows no difference either way.
  CHECK(jitPaysForRun(kShopExpressions, kBenchmarkInputs));
  CHECK_FALSE(jitPaysForRun(kShopExpressions, kBenchmarkInputs / 10));
  // The examples' and tests' inputs (kilobytes): never worth compiling for.
  CHECK_FALSE(jitPaysForRun(kShopExpressions, 50'000));
  // A program of 1,500 expressions compiles for seconds: not even for the benchmark's inputs.
  CHECK_FALSE(jitPaysForRun(1500, kBenchmarkInputs));
  CHECK_FALSE(jitPaysForRun(kShopExpressions, 0));
  // A program with no expression (journeys of waits and sends only): nothing to compile.
  CHECK_FALSE(jitPaysForRun(0, kBenchmarkInputs));
}
