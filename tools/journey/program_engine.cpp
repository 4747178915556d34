#include "tools/journey/program_engine.h"

#include <fmt/format.h>

#include <string>

#include "vm/runtime/interp_engine.h"
#ifdef JOURNEY_HAVE_JIT
#include "tools/journey/jit_loader.h"
#endif

namespace journey::cli {

std::unique_ptr<runtime::ExpressionEngine> makeProgramEngine(const ir::ProgramIr& program,
                                                             std::string_view engine,
                                                             bool quiet) {
  if (engine == "jit") {
#ifdef JOURNEY_HAVE_JIT
    std::string whyNot;
    if (const jit::JitLibrary* library = loadJitLibrary(whyNot)) {
      if (std::unique_ptr<runtime::ExpressionEngine> jit =
              library->programEngine(program, whyNot, {})) {
        return jit;
      }
      if (!quiet) {
        fmt::print(stderr,
                   "warning: the JIT cannot compile the program ({}); using the interpreter\n",
                   whyNot);
      }
    } else if (!quiet) {
      fmt::print(stderr, "warning: {}; using the interpreter\n", whyNot);
    }
#else
    if (!quiet) {
      fmt::print(stderr,
                 "warning: this build has no JIT (built without LLVM); using the interpreter\n");
    }
#endif
  }
  return runtime::makeInterpEngine(program);
}

}  // namespace journey::cli
