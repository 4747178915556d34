// `journey audience --engine auto`: whether compiling the program with the JIT pays for a
// batch of this size, from measured costs (docs/audiences.md).
#pragma once

#include <cstddef>
#include <cstdint>

namespace journey::audience {

// `compileSeconds`: what compiling the program's expressions is expected to take (the JIT
// compiles them all: runtime::jitCompileSeconds); `profileBytes`: the size of the profiles
// input; `audiences`: the rules evaluated for each profile.
bool jitPays(double compileSeconds, uint64_t profileBytes, size_t audiences);

}  // namespace journey::audience
