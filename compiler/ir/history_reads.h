// Which event types' retained records a program reads back (`history(E, D)` as a list), as
// opposed to only counting them (`size(history(E, D))`, lowered to a count). The runtime keeps
// only the times of the others' records (vm/runtime/history.h).
#pragma once

#include <vector>

#include "compiler/ir/program_ir.h"

namespace journey::ir {

// Per event: true when some expression of the program may list its history. A `history` call
// whose event is not a constant counts for every event.
std::vector<bool> eventRecordsRead(const ProgramIr& program);

}  // namespace journey::ir
