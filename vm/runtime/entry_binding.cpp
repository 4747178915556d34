#include "vm/runtime/entry_binding.h"

#include <string_view>
#include <vector>

#include "vm/interp/selection.h"
#include "vm/value/record.h"

namespace journey::runtime {

void bindEntryEvent(const ir::ProgramIr& program, const ir::JourneyIr& journey,
                    const Value& event, Value* frame) {
  const auto* entry = std::get_if<ir::EventEntryIr>(&journey.entry);
  if (journey.entrySlot == ir::kNoSlot) return;
  if (!journey.entryFields || !entry) {
    frame[journey.entrySlot] = event;
    return;
  }
  // Each field as the selection or test it stands for would have read it.
  const RecordLayout& layout = program.layouts[program.events[entry->event].record];
  const bool typed = event.kind() == ValueKind::Record && &event.asRecord().layout() == &layout;
  std::vector<Value> values;
  for (const ir::EntryFieldIr& f : *journey.entryFields) {
    std::string_view name = layout.fieldNames[f.field];
    if (!typed) {
      values.push_back(f.presence ? interp::testField(event, name)
                                  : interp::selectField(event, name));
      continue;
    }
    bool has = event.asRecord().has(f.field);
    values.push_back(f.presence ? Value::boolean(has)
                     : has      ? event.asRecord().field(f.field)
                                : interp::noSuchField(name));
  }
  // Only now: the first field's slot is the entry slot, which may hold the event itself.
  for (size_t i = 0; i < values.size(); ++i) {
    frame[(*journey.entryFields)[i].slot] = std::move(values[i]);
  }
}

}  // namespace journey::runtime
