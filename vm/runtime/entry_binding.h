// Puts the event that starts an instance into its frame: the whole record in the entry slot,
// or, when the journey reads it only through fields (JourneyIr::entryFields), those fields in
// the slots that stand for them.
#pragma once

#include "compiler/ir/program_ir.h"
#include "vm/value/value.h"

namespace journey::runtime {

// `frame` has the journey's frame size; `event` is a record of the journey's entry event (a
// `goto` hands on its own journey's event, which may be of another type).
void bindEntryEvent(const ir::ProgramIr& program, const ir::JourneyIr& journey,
                    const Value& event, Value* frame);

}  // namespace journey::runtime
