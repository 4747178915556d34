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
  // Each field as the selection or test it stands for would have read it. The first field's
  // slot is the entry slot, which may hold the event itself: it is written last.
  const RecordLayout& layout = program.layouts[program.events[entry->event].record];
  const bool typed = event.kind() == ValueKind::Record && &event.asRecord().layout() == &layout;
  const std::vector<ir::EntryFieldIr>& fields = *journey.entryFields;
  for (size_t i = fields.size(); i-- > 0;) {
    const ir::EntryFieldIr& f = fields[i];
    std::string_view name = layout.fieldNames[f.field];
    Value value;
    if (!typed) {
      value = f.presence ? interp::testField(event, name) : interp::selectField(event, name);
    } else if (f.presence) {
      value = Value::boolean(event.asRecord().has(f.field));
    } else {
      value = event.asRecord().has(f.field) ? event.asRecord().field(f.field)
                                            : interp::noSuchField(name);
    }
    frame[f.slot] = std::move(value);
  }
}

}  // namespace journey::runtime
