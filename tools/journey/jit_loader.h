// Loads the JIT library (vm/jit/jit_library.h) the first time a command needs the JIT.
#pragma once

#include <string>

#include "vm/jit/jit_library.h"

namespace journey::cli {

// The JIT's functions, or null with the reason in `whyNot` (no such file, not a library of
// this build). The library is libjourney-jit.so beside the `journey` executable, or the file
// that JOURNEY_JIT_LIBRARY names; a build configured with -DJOURNEY_JIT_LIBRARY=OFF has the JIT
// inside. Loaded once, and never unloaded: engines made by it may live until the process ends.
const jit::JitLibrary* loadJitLibrary(std::string& whyNot);

}  // namespace journey::cli
