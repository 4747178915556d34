// How much of each event type's retained history a program reads back: nothing, a count
// (`size(history(E, D))`, which lowering turns into a count), or the records (`history(E, D)`
// as a list). The runtime keeps no more than that (vm/runtime/history.h): the times alone for a
// count, nothing at all for an event whose history nothing reads.
#pragma once

#include <cstdint>
#include <vector>

#include "compiler/ir/program_ir.h"

namespace journey::ir {

enum class HistoryUse : uint8_t { None, Count, Records };

// Per event, from every expression of the program. A `history` call whose event is not a
// constant reads the records of every event.
std::vector<HistoryUse> eventHistoryUse(const ProgramIr& program);

}  // namespace journey::ir
