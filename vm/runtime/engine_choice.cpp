#include "vm/runtime/engine_choice.h"

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

}  // namespace

bool jitPaysForRun(size_t expressions, uint64_t inputBytes) {
  if (expressions == 0) return false;  // nothing to compile, nothing to gain
  double records = static_cast<double>(inputBytes) / kBytesPerRecord;
  return records * kSecondsSavedPerRecord > static_cast<double>(expressions) * kSecondsPerExpression;
}

}  // namespace journey::runtime
