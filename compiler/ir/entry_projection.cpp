#include "compiler/ir/entry_projection.h"

#include <algorithm>
#include <unordered_set>
#include <utility>

#include "compiler/ir/expr_nodes.h"

namespace journey::ir {

namespace {

// Moves an expression's locals (slots from `from` on) up by `by`, making room for inputs.
void shiftLocals(ExprPool& pool, const std::vector<NodeId>& nodes, uint32_t from, uint32_t by) {
  auto shift = [&](uint32_t& slot) {
    if (slot != kNoSlot && slot >= from) slot += by;
  };
  for (NodeId id : nodes) {
    Node& n = pool[id];
    if (n.kind == NodeKind::Variable || n.kind == NodeKind::Let) shift(n.index);
    if (n.kind == NodeKind::Comprehension) {
      shift(n.loop.iterVar);
      shift(n.loop.iterVar2);
      shift(n.loop.accuVar);
    }
  }
}

}  // namespace

void projectEntryFields(ProgramIr& program, uint32_t journey, ExprIndex first, ExprIndex last) {
  JourneyIr& j = program.journeys[journey];
  const auto* entry = std::get_if<EventEntryIr>(&j.entry);
  if (!entry || j.entrySlot == kNoSlot) return;
  for (const StepIr& step : j.steps) {
    if (std::holds_alternative<GotoIr>(step.kind)) return;
  }
  const uint32_t slot = j.entrySlot;
  const sema::RecordId eventRecord = program.events[entry->event].record;
  const size_t fieldCount = program.types.recordInfo(eventRecord).fields.size();
  ExprPool& pool = program.pool;
  auto isBinding = [&](NodeId id) {
    return id != kNoNode && pool[id].kind == NodeKind::Variable && pool[id].index == slot;
  };

  // First, without changing anything: the expressions that see the binding, their nodes, and
  // whether each use of the binding is a field selected or tested.
  struct Reader {
    ExprIndex expr;
    std::vector<NodeId> nodes;
    std::vector<NodeId> uses;  // the Field and TestField nodes of the binding
  };
  std::vector<Reader> readers;
  std::vector<std::pair<uint32_t, bool>> fields;  // (field, presence)
  std::unordered_set<NodeId> owned;               // a node shared by two expressions: give up
  for (ExprIndex e = first; e < last; ++e) {
    const LoweredExpr& lowered = program.exprs[e];
    auto reads = [&](const Input& in) { return in.slot == slot && in.name == j.frame[slot]; };
    if (std::none_of(lowered.inputs.begin(), lowered.inputs.end(), reads)) continue;
    if (isBinding(lowered.root)) return;
    Reader reader{e, nodesOf(pool, lowered.root), {}};
    for (NodeId id : reader.nodes) {
      if (!owned.insert(id).second) return;
      const Node& n = pool[id];
      std::vector<NodeId> kids = operandsOf(n);
      for (size_t k = 0; k < kids.size(); ++k) {
        if (!isBinding(kids[k])) continue;
        bool selected = (n.kind == NodeKind::Field || n.kind == NodeKind::TestField) && k == 0 &&
                        n.record == static_cast<int32_t>(eventRecord) && n.index < fieldCount;
        if (!selected) return;
        fields.emplace_back(n.index, n.kind == NodeKind::TestField);
        reader.uses.push_back(id);
      }
    }
    if (!reader.uses.empty()) readers.push_back(std::move(reader));
  }
  std::sort(fields.begin(), fields.end());
  fields.erase(std::unique(fields.begin(), fields.end()), fields.end());

  // The slots: the first field takes the binding's own, the others are added to the frame.
  const std::string binding = j.frame[slot];
  const auto& names = program.types.recordInfo(eventRecord).fields;
  std::vector<EntryFieldIr> projected;
  for (size_t i = 0; i < fields.size(); ++i) {
    auto [field, presence] = fields[i];
    std::string name = presence ? "has(" + binding + "." + names[field].name + ")"
                                : binding + "." + names[field].name;
    uint32_t at = slot;
    if (i == 0) {
      j.frame[slot] = name;
    } else {
      at = static_cast<uint32_t>(j.frame.size());
      j.frame.push_back(name);
    }
    projected.push_back({field, at, presence});
  }
  auto slotOf = [&](uint32_t field, bool presence) {
    for (const EntryFieldIr& f : projected) {
      if (f.field == field && f.presence == presence) return f.slot;
    }
    return kNoSlot;  // not reached: every use was collected above
  };

  // Then each reading expression takes the whole frame as inputs (its locals move up to make
  // room) and reads the fields' slots.
  const auto frameSize = static_cast<uint32_t>(j.frame.size());
  for (Reader& reader : readers) {
    LoweredExpr& lowered = program.exprs[reader.expr];
    shiftLocals(pool, reader.nodes, lowered.inputCount, frameSize - lowered.inputCount);
    lowered.slotCount += frameSize - lowered.inputCount;
    lowered.inputCount = frameSize;
    for (NodeId id : reader.uses) {
      Node& n = pool[id];
      bool presence = n.kind == NodeKind::TestField;
      n.kind = NodeKind::Variable;
      n.index = slotOf(n.index, presence);
      n.name = j.frame[n.index];
      n.record = -1;
      n.kids.clear();
    }
    lowered.inputs.clear();
    for (uint32_t s : inputSlotsRead(pool, lowered.root, frameSize)) {
      lowered.inputs.push_back({j.frame[s], s});
    }
  }
  j.entryFields = std::move(projected);
}

}  // namespace journey::ir
