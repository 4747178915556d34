// What an artifact records about its build: the compiler's version and the target it runs on,
// as an LLVM-style triple (`x86_64-pc-linux-gnu`). The IR of an artifact runs anywhere; the
// triple says where it was built and will decide whether a native section can be used.
#pragma once

#include <string>
#include <string_view>

namespace journey::artifact {

// `0.1.0`: the project's version (CMake), also what `journey --version` prints.
std::string_view compilerVersion();
std::string hostTargetTriple();

}  // namespace journey::artifact
