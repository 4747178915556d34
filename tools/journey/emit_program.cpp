#include "tools/journey/emit_program.h"

#include <fmt/format.h>

#include "compiler/ast/printer.h"
#include "compiler/codegen/bytecode_compiler.h"
#include "compiler/codegen/bytecode_disasm.h"
#include "compiler/ir/ir_printer.h"
#include "compiler/ir/lower_program.h"
#include "compiler/ir/program_printer.h"
#include "compiler/syntax/parser.h"
#ifdef JOURNEY_HAVE_JIT
#include "tools/journey/jit_loader.h"
#endif

namespace journey::cli {

#ifdef JOURNEY_HAVE_JIT
namespace {
// The LLVM IR text `emit` makes with the JIT library; if the library cannot be loaded, the
// reason, written as the LLVM IR printer writes its errors (`; error: …`).
template <class Emit>
std::string withJitLibrary(Emit emit) {
  std::string whyNot;
  if (const jit::JitLibrary* library = loadJitLibrary(whyNot)) return emit(*library);
  return "; error: " + whyNot + "\n";
}
}  // namespace
#endif

std::optional<std::string> emitProgram(const Frontend& fe, std::string_view stage) {
  ir::ProgramIr program = ir::lowerProgram(fe.sources, fe.ast, fe.program);
  if (stage == "llvm") {
#ifdef JOURNEY_HAVE_JIT
    return withJitLibrary([&](const jit::JitLibrary& jit) { return jit.programLlvm(program); });
#else
    return std::nullopt;
#endif
  }
  return ir::printProgram(program, [&](ir::ExprIndex e) {
    if (stage == "ir") return ir::printExpr(program.pool, program.exprs[e], &program.layouts);
    return codegen::disassemble(codegen::compileExpr(program.pool, program.exprs[e], program.layouts));
  });
}

bool printStage(const Frontend& fe, std::string_view stage) {
  if (stage == "tokens") {  // of every file read, imports included, as `ast` prints them
    for (FileId f = 0; f < fe.sources.size(); ++f) {
      // Positions are a file's own: with several, each is named first, as `ast` names modules.
      if (fe.sources.size() > 1) fmt::print("module {}\n", fe.sources.path(f));
      fmt::print("{}", syntax::dumpTokens(f, fe.sources));
    }
    return true;
  }
  if (stage == "ast" || stage == "typed") {
    const auto& types = fe.program.facts.types;
    ast::TypeAnnotator annotate = [&](ast::ExprId e) -> std::string {
      return e < types.size() ? fe.program.types.print(types[e]) : std::string();
    };
    for (const ast::Module& m : fe.ast.modules) {
      fmt::print("{}", stage == "ast" ? ast::printModule(fe.ast, m, fe.sources)
                                      : ast::printModule(fe.ast, m, fe.sources, annotate));
    }
    return true;
  }
  if (fe.diags.hasErrors()) return true;  // nothing was lowered; the diagnostics say why
  std::optional<std::string> text = emitProgram(fe, stage);
  if (!text) {
    fmt::print(stderr, "error: this build has no JIT (built without LLVM): no LLVM IR\n");
    return false;
  }
  fmt::print("{}", *text);
  return true;
}

std::optional<std::string> llvmModuleText(const ir::ExprPool& pool,
                                          const std::vector<ir::LoweredExpr>& exprs,
                                          const ir::RecordLayouts& layouts) {
#ifdef JOURNEY_HAVE_JIT
  return withJitLibrary(
      [&](const jit::JitLibrary& jit) { return jit.expressionLlvm(pool, exprs, layouts); });
#else
  (void)pool, (void)exprs, (void)layouts;
  return std::nullopt;
#endif
}

}  // namespace journey::cli
