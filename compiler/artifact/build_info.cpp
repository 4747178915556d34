#include "compiler/artifact/build_info.h"

namespace journey::artifact {

std::string_view compilerVersion() { return JOURNEY_VERSION; }

std::string hostTargetTriple() {
#if defined(__x86_64__)
  std::string arch = "x86_64";
#elif defined(__aarch64__)
  std::string arch = "aarch64";
#elif defined(__riscv) && __riscv_xlen == 64
  std::string arch = "riscv64";
#else
  std::string arch = "unknown";
#endif
#if defined(__linux__)
  return arch + (arch == "x86_64" ? "-pc-linux-gnu" : "-unknown-linux-gnu");
#elif defined(__APPLE__)
  return arch + "-apple-darwin";
#else
  return arch + "-unknown-unknown";
#endif
}

}  // namespace journey::artifact
