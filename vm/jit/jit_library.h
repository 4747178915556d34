// The JIT as a library of its own (docs/jit.md, "A library loaded when used"): `journey` does
// not link LLVM; it loads libjourney-jit.so, which holds LLVM and this engine, the first time a
// command needs the JIT. The commands that do not (check, fmt, graph, a run on the
// interpreter) then start without LLVM's relocations and static constructors: 13 ms of CPU
// instead of 26 for `journey --version`. The library finds the rest of the engine (values,
// the interpreter, the IR) in the executable, which exports them.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "vm/jit/jit_engine.h"

namespace journey::jit {

// The functions of jit_engine.h, as the library gives them.
struct JitLibrary {
  // kJitLibraryLayout as the library was compiled: a library built from other headers than the
  // tool loading it is refused rather than called.
  uint64_t layout;
  std::unique_ptr<runtime::ExpressionEngine> (*programEngine)(const ir::ProgramIr&, std::string&,
                                                              const JitOptions&);
  std::unique_ptr<runtime::ExpressionEngine> (*expressionEngine)(
      const ir::ExprPool&, const std::vector<ir::LoweredExpr>&, const ir::RecordLayouts&,
      std::string&, const JitOptions&);
  std::unique_ptr<runtime::ExpressionEngine> (*nativeEngine)(const ir::ProgramIr&,
                                                             const NativeCode&, std::string&,
                                                             const JitOptions&);
  std::optional<NativeCode> (*compileNative)(const ir::ProgramIr&, std::string&,
                                             const JitOptions&);
  std::string (*programLlvm)(const ir::ProgramIr&);
  std::string (*expressionLlvm)(const ir::ExprPool&, const std::vector<ir::LoweredExpr>&,
                                const ir::RecordLayouts&);
};

// The sizes of what crosses between the tool and the library, mixed: it changes with almost
// any change to those types, which a library left from an older build would not have.
inline constexpr uint64_t kJitLibraryLayout =
    sizeof(JitLibrary) + (uint64_t{sizeof(ir::ProgramIr)} << 8) +
    (uint64_t{sizeof(ir::ExprPool)} << 20) + (uint64_t{sizeof(ir::LoweredExpr)} << 30) +
    (uint64_t{sizeof(ir::RecordLayouts)} << 40) + (uint64_t{sizeof(JitOptions)} << 48) +
    (uint64_t{sizeof(NativeCode)} << 56);

// The name the library's table is found by; the number changes with JitLibrary's members.
inline constexpr const char* kJitLibraryEntry = "journey_jit_library_v1";

}  // namespace journey::jit

extern "C" const journey::jit::JitLibrary* journey_jit_library_v1();
