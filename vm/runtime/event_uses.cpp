#include "vm/runtime/event_uses.h"

#include <algorithm>

namespace journey::runtime {

namespace {

// Where the key is in the event's record, when the key expression reads a field of it.
std::optional<FieldPath> keyInEvent(const ir::ProgramIr& program, const ir::JourneyIr& journey,
                                    uint32_t event) {
  const ir::LoweredExpr& key = program.exprs[journey.key];
  std::optional<FieldPath> read = fieldPathAt(program.pool, key.root, key, program.layouts, true);
  if (!read || journey.entrySlot == ir::kNoSlot) return std::nullopt;
  // The path from the entry slot, or from a slot that holds one of the event's fields.
  FieldPath inEvent;
  if (!journey.entryFields) {
    if (read->slot != journey.entrySlot) return std::nullopt;
  } else {
    auto held = std::find_if(journey.entryFields->begin(), journey.entryFields->end(),
                             [&](const ir::EntryFieldIr& f) { return f.slot == read->slot; });
    if (held == journey.entryFields->end() || held->presence) return std::nullopt;
    inEvent.steps.push_back({&program.layouts[program.events[event].record], held->field});
  }
  inEvent.steps.insert(inEvent.steps.end(), read->steps.begin(), read->steps.end());
  if (inEvent.steps.empty()) return std::nullopt;  // the event itself: not a string
  return inEvent;
}

}  // namespace

std::vector<EventUses> findEventUses(const ir::ProgramIr& program) {
  std::vector<EventUses> uses(program.events.size());
  for (uint32_t j = 0; j < program.journeys.size(); ++j) {
    const ir::JourneyIr& journey = program.journeys[j];
    for (const ir::ExitOnIr& exit : journey.exitOn) uses[exit.event].instancesReact = true;
    for (const ir::StepIr& step : journey.steps) {
      if (const auto* wait = std::get_if<ir::WaitForIr>(&step.kind)) {
        for (const ir::AwaitedIr& awaited : wait->events) {
          uses[awaited.event].instancesReact = true;
        }
      }
    }
    const auto* entry = std::get_if<ir::EventEntryIr>(&journey.entry);
    if (!entry) continue;
    EventEntry& e = uses[entry->event].entries.emplace_back();
    e.journey = j;
    if (journey.key == ir::kNoExpr) {
      e.keyIsProfileId = true;
    } else {
      e.keyPath = keyInEvent(program, journey, entry->event);
    }
  }
  return uses;
}

}  // namespace journey::runtime
