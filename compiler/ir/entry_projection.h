// Scalar replacement of a journey's entry binding. CartRecovery reads `cart.cartId` and
// `cart.total` of the cart that started it; an instance that held the whole record (the items,
// each a record with a string) for the days it waits paid more for it than for the rest of its
// state. When every use of the binding in the journey is `binding.f` or `has(binding.f)` on the
// entry event's record type, each such field gets a frame slot of its own, the expressions read
// that slot instead, and the runtime fills the slots at entry (JourneyIr::entryFields); the
// record itself is then never kept.
#pragma once

#include "compiler/ir/program_ir.h"

namespace journey::ir {

// Rewrites journey `journey`, whose expressions are program.exprs[first, last), when its entry
// binding is read only through fields. Leaves it unchanged (entryFields unset) when the binding
// may be observed whole: used as a value anywhere (passed, compared, bound by `let`, ranged
// over), selected by name, or handed on by `goto` (the next journey reads what it likes); and
// for journeys without an entry event.
void projectEntryFields(ProgramIr& program, uint32_t journey, ExprIndex first, ExprIndex last);

}  // namespace journey::ir
