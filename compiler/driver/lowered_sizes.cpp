#include "compiler/driver/lowered_sizes.h"

#include <set>
#include <utility>

#include "compiler/codegen/bytecode_compiler.h"
#include "compiler/ir/expr_nodes.h"
#include "compiler/ir/lower.h"

namespace journey {

namespace {

// The registers an instruction names are 16-bit: an expression's slots, constants and
// temporaries must fit. Slots and twice the nodes bound what it needs; only an expression
// past that is compiled here to see.
constexpr size_t kRegisters = 0xFFFF;

bool mayNotFitRegisters(const ir::ProgramIr& lowered, const ir::LoweredExpr& e) {
  if (e.root == ir::kNoNode) return false;
  size_t nodes = ir::visitedNodes(lowered.pool, e.root, kRegisters);
  return e.slotCount + 2 * nodes >= kRegisters;
}

}  // namespace

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
    if (!mayNotFitRegisters(lowered, e)) continue;
    if (!codegen::compileExpr(lowered.pool, e, lowered.layouts).tooLarge) continue;
    report(lowered.pool[e.root].range,
           "the expression needs more than the interpreter's 65,535 registers once the "
           "constants and functions it names are inlined");
  }
}

}  // namespace journey
