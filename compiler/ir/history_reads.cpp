#include "compiler/ir/history_reads.h"

namespace journey::ir {

std::vector<bool> eventRecordsRead(const ProgramIr& program) {
  std::vector<bool> read(program.events.size(), false);
  // Every node of every expression is in the pool: no walk from the roots is needed.
  for (const Node& n : program.pool.nodes) {
    if (n.kind != NodeKind::Call || n.name != "history") continue;
    const Node* named = n.kids.empty() ? nullptr : &program.pool[n.kids[0]];
    const Value* event = named && named->kind == NodeKind::Constant
                             ? &program.pool.constants[named->index]
                             : nullptr;
    int e = event && event->kind() == ValueKind::Type ? program.findEvent(event->typeName()) : -1;
    if (e < 0) return std::vector<bool>(program.events.size(), true);
    read[static_cast<size_t>(e)] = true;
  }
  return read;
}

}  // namespace journey::ir
