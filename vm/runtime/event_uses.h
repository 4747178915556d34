// What applying a record of each event type may read, found once from the program. The runtime
// loads a batch's memory by it before applying the batch (Runtime::prefetch), and skips the
// profile's instances for an event that none of them can react to. A large run waits on memory
// more than it computes: a line a record does not read, left unloaded, leaves room for one it
// does.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "compiler/ir/program_ir.h"
#include "vm/runtime/field_path.h"

namespace journey::runtime {

// A journey whose entry is on the event.
struct EventEntry {
  uint32_t journey = 0;
  // Where the (journey, key) entry's key is before the event is applied: in the event's record
  // (a path from it), or the profile's id (`keyIsProfileId`); neither when it is computed.
  std::optional<FieldPath> keyPath;
  bool keyIsProfileId = false;
};

struct EventUses {
  std::vector<EventEntry> entries;  // in declaration order
  // A journey exits on it or a `wait for` awaits it: the profile's instances see it.
  bool instancesReact = false;
};

// Per event of the program.
std::vector<EventUses> findEventUses(const ir::ProgramIr& program);

}  // namespace journey::runtime
