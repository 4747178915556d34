#include "compiler/driver/lowered_sizes.h"

#include <set>
#include <utility>

#include "compiler/codegen/bytecode_compiler.h"
#include "compiler/ir/lower.h"

namespace journey {

void checkLoweredSizes(const ir::ProgramIr& lowered, DiagnosticSink& diags) {
  std::set<std::pair<uint32_t, uint32_t>> reported;  // an expression lowered in several places
  auto report = [&](SourceRange range, std::string message) {
    if (!range.valid() || !reported.insert({range.file, range.begin}).second) return;
    diags.report(DiagKind::ExpressionTooLarge, range, std::move(message))
        .notes.push_back("every evaluation of it would fail");
  };
  for (const ir::Node& n : lowered.pool.nodes) {
    if (n.kind == ir::NodeKind::Error && n.name == ir::kTooLargeMessage) {
      report(n.range, std::string(n.name));
    }
  }
  for (const ir::LoweredExpr& e : lowered.exprs) {
    if (!codegen::tooLargeToCompile(lowered.pool, e, lowered.layouts)) continue;
    report(lowered.pool[e.root].range,
           "the expression needs more than the interpreter's 65,535 registers once the "
           "constants and functions it names are inlined");
  }
}

}  // namespace journey
