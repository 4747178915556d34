// Which fields of the profile a set of expressions can observe: a static walk of their IR.
// `journey audience` converts only those fields of each profile it reads (the others are
// type-checked in place, never built), since reading the profiles into values is most of its
// work (docs/audiences.md).
#pragma once

#include <vector>

#include "compiler/ir/program_ir.h"

namespace journey::ir {

// Per record type (indexed like RecordLayouts), per field: true when some expression may read
// it. A field is read when an expression selects it (`profile.a.b`), tests it (`has()`), or
// uses a record that holds it as a value (passes `profile.loyalty` to a function, ranges over a
// list of records, selects by name): then everything below that record counts as read.
// Expressions whose inputs are the profile alone (slot 0); `inAudience("A")` adds A's rule
// (any audience when the name is not a constant).
using FieldReads = std::vector<std::vector<bool>>;

FieldReads profileReads(const ProgramIr& program, const std::vector<ExprIndex>& exprs);

}  // namespace journey::ir
