#include "compiler/ir/history_reads.h"

#include <algorithm>

namespace journey::ir {

std::vector<HistoryUse> eventHistoryUse(const ProgramIr& program) {
  std::vector<HistoryUse> use(program.events.size(), HistoryUse::None);
  // Every node of every expression is in the pool: no walk from the roots is needed.
  for (const Node& n : program.pool.nodes) {
    if (n.kind != NodeKind::Call) continue;
    HistoryUse call = n.name == "history"         ? HistoryUse::Records
                      : n.name == "@historyCount" ? HistoryUse::Count
                                                  : HistoryUse::None;
    if (call == HistoryUse::None) continue;
    const Node* named = n.kids.empty() ? nullptr : &program.pool[n.kids[0]];
    const Value* event = named && named->kind == NodeKind::Constant
                             ? &program.pool.constants[named->index]
                             : nullptr;
    int e = event && event->kind() == ValueKind::Type ? program.findEvent(event->typeName()) : -1;
    if (e < 0) return std::vector<HistoryUse>(program.events.size(), HistoryUse::Records);
    use[static_cast<size_t>(e)] = std::max(use[static_cast<size_t>(e)], call);
  }
  return use;
}

}  // namespace journey::ir
