// Which fields of a journey's entry event its instances can read, so that a waiting instance
// keeps only those in its frame. CartRecovery reads `cart.cartId` and `cart.total`; holding the
// whole cart (a list of items, each a record with a string) for the days an instance waits
// cost more than the rest of the instance.
#pragma once

#include <optional>
#include <vector>

#include "compiler/ir/program_ir.h"

namespace journey::ir {

// Per field of the entry event's record: true when an expression of the journey selects or
// tests it. None when the binding may be observed whole: used as a value anywhere (passed,
// compared, bound by `let`, ranged over), selected by name, or handed on by `goto` (the next
// journey reads what it likes); also for journeys without an entry event.
std::optional<std::vector<bool>> entryFieldsRead(const ProgramIr& program, uint32_t journey);

}  // namespace journey::ir
