// Limits that turn runaway input into an error instead of a hang or an exhausted memory
// (docs/expressions.md). Exceeding one aborts the whole evaluation with an error value: unlike
// CEL's ordinary errors, `||` and `&&` do not absorb it, so a limit cannot be hidden.
#pragma once

#include <cstdint>

namespace journey::interp {

struct Limits {
  // Comprehension iterations (all macros together) in one evaluation.
  uint64_t maxIterations = 1'000'000;
  // Elements of one list or map built by an evaluation (literals, macros, `+`, functions).
  uint64_t maxCollectionSize = 1'000'000;
  // Bytes of one string or bytes value built by an evaluation.
  uint64_t maxTextBytes = 10'000'000;
};

}  // namespace journey::interp
