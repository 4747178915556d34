#include "vm/audience/engine_choice.h"

namespace journey::audience {

namespace {

// Compiling costs about 2.5 ms per expression of the program (jit_compile_bench: the shop
// example's 34 in 80-85 ms); a compiled rule saves about 36 ns per profile against the
// interpreter (audience_bench: five audiences over 10,000,000 profiles, 1.8 s). So compiling
// pays past about 70,000 evaluations per expression.
constexpr double kEvaluationsPerExpression = 70'000;
// Profiles are counted from the input's size: the shop example's lines are about 280 bytes.
constexpr double kBytesPerProfile = 256;

}  // namespace

bool jitPays(size_t expressions, uint64_t profileBytes, size_t audiences) {
  double evaluations = static_cast<double>(profileBytes) / kBytesPerProfile *
                       static_cast<double>(audiences);
  return evaluations > static_cast<double>(expressions) * kEvaluationsPerExpression;
}

}  // namespace journey::audience
