#include "vm/jit/jit_library.h"

extern "C" const journey::jit::JitLibrary* journey_jit_library_v1() {
  namespace jit = journey::jit;
  // Each member's type picks its overload of jit_engine.h's functions.
  static const jit::JitLibrary library{jit::kJitLibraryLayout, jit::makeJitEngine,
                                       jit::makeJitEngine,     jit::makeJitEngine,
                                       jit::compileNative,     jit::emitLlvm,
                                       jit::emitLlvm};
  return &library;
}
