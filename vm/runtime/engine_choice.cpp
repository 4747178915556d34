#include "vm/runtime/engine_choice.h"

#include <algorithm>

#include "compiler/codegen/jit_policy.h"
#include "compiler/ir/expr_nodes.h"

namespace journey::runtime {

namespace {

// Compiling costs about 2.5 ms per expression of the program (jit_compile_bench: the shop
// example's 34 in 80 ms). A record costs about 60 ns less on the JIT's code than on the
// interpreter (bench/runtime_bench.sh at full size, 11,000,000 profiles and records: 0.1 to
// 1.4 s less, compiling included, 0.76 s typical; at a tenth of that size no difference
// shows). So compiling pays past about 40,000 records per expression.
constexpr double kSecondsPerExpression = 2.5e-3;
constexpr double kSecondsSavedPerRecord = 60e-9;
// Records are counted from the inputs' size: the shop example's records are about 160 bytes
// a line, its profiles about 280.
constexpr double kBytesPerRecord = 160;
// A large expression costs more: about 0.28 ms a node, plus its nodes squared times 1.1e-8 s.
// Fitted to `journey run --engine jit` less `--engine interp` on a condition that inlined `fn`s
// grow (docs/jit.md, "Optimisation levels"): 2,557 nodes 0.50 s, 10,237 nodes 4.05 s, 20,477 nodes 10.4 s.
// The shop example's expressions have 1 to 9 nodes, where the per-expression cost rules.
constexpr double kSecondsPerNode = 2.8e-4;
constexpr double kSecondsPerNodeSquared = 1.1e-8;
constexpr double kSecondsPerNativeMiB = 0.35;
constexpr double kSecondsPerNativeMiBSquared = 0.35;

}  // namespace

double jitCompileSeconds(const ir::ExprPool& pool, const std::vector<ir::LoweredExpr>& exprs) {
  double seconds = 0;
  for (const ir::LoweredExpr& e : exprs) {
    // An expression the JIT leaves to the interpreter compiles to a call, as quickly as the
    // smallest.
    const auto nodes = static_cast<double>(
        codegen::jitInterprets(pool, e)
            ? 1
            : ir::visitedNodes(pool, e.root, codegen::kLargestCompiledNodes));
    seconds += std::max(kSecondsPerExpression, kSecondsPerNode * nodes) +
               kSecondsPerNodeSquared * nodes * nodes;
  }
  return seconds;
}

double nativeLoadSeconds(uint64_t objectBytes) {
  // Measured on artifacts of 250 to 2,000 journeys (0.4 to 3.6 MB of object): 0.16, 0.34, 1.24
  // and 5.85 s. Dependencies are propagated block by block across the whole object
  // (ObjectLinkingLayer's computeBlockNonLocalDeps), which is where the square comes from.
  double mib = static_cast<double>(objectBytes) / (1 << 20);
  return kSecondsPerNativeMiB * mib + kSecondsPerNativeMiBSquared * mib * mib;
}

bool jitPaysForRun(double compileSeconds, uint64_t inputBytes) {
  if (compileSeconds <= 0) return false;  // nothing to compile, nothing to gain
  double records = static_cast<double>(inputBytes) / kBytesPerRecord;
  return records * kSecondsSavedPerRecord > compileSeconds;
}

}  // namespace journey::runtime
