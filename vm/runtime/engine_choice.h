// `journey run --engine auto`: whether compiling the program with the JIT pays for a run of this
// size, from measured costs (docs/jit.md, "Optimisation levels").
#pragma once

#include <cstddef>
#include <cstdint>

namespace journey::runtime {

// `expressions`: the program's (the JIT compiles them all before the first record);
// `inputBytes`: the size of the profiles and events together.
bool jitPaysForRun(size_t expressions, uint64_t inputBytes);

}  // namespace journey::runtime
