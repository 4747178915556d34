#include "compiler/driver/lowered_sizes.h"

#include <set>
#include <utility>

#include "compiler/ir/lower.h"

namespace journey {

void checkLoweredSizes(const ir::ProgramIr& lowered, DiagnosticSink& diags) {
  std::set<std::pair<uint32_t, uint32_t>> reported;  // an expression lowered in several places
  for (const ir::Node& n : lowered.pool.nodes) {
    if (n.kind != ir::NodeKind::Error || n.name != ir::kTooLargeMessage) continue;
    if (!n.range.valid() || !reported.insert({n.range.file, n.range.begin}).second) continue;
    diags.report(DiagKind::ExpressionTooLarge, n.range, std::string(n.name))
        .notes.push_back("every evaluation of it would fail");
  }
}

}  // namespace journey
