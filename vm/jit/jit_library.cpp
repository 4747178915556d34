#include "vm/jit/jit_library.h"

namespace journey::jit {
namespace {

// jit_engine.h's overloads under names of their own: the table takes one address each.
std::unique_ptr<runtime::ExpressionEngine> libraryProgramEngine(const ir::ProgramIr& program,
                                                                std::string& whyNot,
                                                                const JitOptions& options) {
  return ::journey::jit::makeJitEngine(program, whyNot, options);
}

std::unique_ptr<runtime::ExpressionEngine> libraryExpressionEngine(
    const ir::ExprPool& pool, const std::vector<ir::LoweredExpr>& exprs,
    const ir::RecordLayouts& layouts, std::string& whyNot, const JitOptions& options) {
  return ::journey::jit::makeJitEngine(pool, exprs, layouts, whyNot, options);
}

std::unique_ptr<runtime::ExpressionEngine> libraryNativeEngine(const ir::ProgramIr& program,
                                                               const NativeCode& native,
                                                               std::string& whyNot,
                                                               const JitOptions& options) {
  return ::journey::jit::makeJitEngine(program, native, whyNot, options);
}

std::string libraryProgramLlvm(const ir::ProgramIr& program) {
  return ::journey::jit::emitLlvm(program);
}

std::string libraryExpressionLlvm(const ir::ExprPool& pool,
                                  const std::vector<ir::LoweredExpr>& exprs,
                                  const ir::RecordLayouts& layouts) {
  return ::journey::jit::emitLlvm(pool, exprs, layouts);
}

}  // namespace
}  // namespace journey::jit

extern "C" const journey::jit::JitLibrary* journey_jit_library_v1() {
  using namespace journey::jit;
  static const JitLibrary library{kJitLibraryLayout,       libraryProgramEngine,
                                  libraryExpressionEngine, libraryNativeEngine,
                                  compileNative,           libraryProgramLlvm,
                                  libraryExpressionLlvm};
  return &library;
}
