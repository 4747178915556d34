// `journey audience --engine auto`: whether compiling the program with the JIT pays for a
// batch of this size, from measured costs (docs/audiences.md).
#pragma once

#include <cstddef>
#include <cstdint>

namespace journey::audience {

// `expressions`: the program's (the JIT compiles them all); `profileBytes`: the size of the
// profiles input; `audiences`: the rules evaluated for each profile.
bool jitPays(size_t expressions, uint64_t profileBytes, size_t audiences);

}  // namespace journey::audience
