#include "compiler/ir/binding_reads.h"

namespace journey::ir {

std::optional<std::vector<bool>> entryFieldsRead(const ProgramIr& program, uint32_t journey) {
  const JourneyIr& j = program.journeys[journey];
  const auto* entry = std::get_if<EventEntryIr>(&j.entry);
  if (!entry || j.entrySlot == kNoSlot) return std::nullopt;
  for (const StepIr& step : j.steps) {
    if (std::holds_alternative<GotoIr>(step.kind)) return std::nullopt;
  }
  const uint32_t slot = j.entrySlot;
  const sema::RecordId eventRecord = program.events[entry->event].record;
  const auto record = static_cast<int32_t>(eventRecord);
  std::vector<bool> read(program.types.recordInfo(eventRecord).fields.size(), false);
  const ExprPool& pool = program.pool;
  auto isBinding = [&](NodeId id) {
    return id != kNoNode && pool[id].kind == NodeKind::Variable && pool[id].index == slot;
  };

  // The journey's expressions are those lowered with its frame as inputs; another journey with
  // the same slot names only adds reads (of its own record type, or it makes the answer none).
  for (const LoweredExpr& e : program.exprs) {
    if (e.inputs.size() <= slot || e.inputs[slot].name != j.frame[slot] ||
        e.inputs[0].name != j.frame[0]) {
      continue;
    }
    if (isBinding(e.root)) return std::nullopt;
    std::vector<NodeId> work{e.root};
    while (!work.empty()) {
      const Node& n = pool[work.back()];
      work.pop_back();
      std::vector<NodeId> kids = n.kids;
      if (n.kind == NodeKind::Comprehension) {
        for (NodeId part : {n.loop.range, n.loop.init, n.loop.condition, n.loop.filter,
                            n.loop.step, n.loop.result}) {
          if (part != kNoNode) kids.push_back(part);
        }
      }
      for (size_t k = 0; k < kids.size(); ++k) {
        if (!isBinding(kids[k])) {
          work.push_back(kids[k]);
          continue;
        }
        // `cart.f` or `has(cart.f)` on the entry event's own record type: field f is read.
        bool selected = (n.kind == NodeKind::Field || n.kind == NodeKind::TestField) && k == 0 &&
                        n.record == record && n.index < read.size();
        if (!selected) return std::nullopt;
        read[n.index] = true;
      }
    }
  }
  return read;
}

}  // namespace journey::ir
