// A `set` merged into a profile (LANGUAGE.md §5): records merge field by field, recursively;
// lists, maps and scalars are replaced; a null for an optional field removes it. With the
// schema at hand, a nested record the profile does not have yet starts from its defaults, as
// on a profile line, and a merge that would leave a required field absent is found before it
// is made (the record is then rejected, as a profile line without the field would be).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ir/field_reads.h"
#include "compiler/ir/program_ir.h"
#include "vm/value/value.h"

namespace journey::runtime {

// The value of a field's declared default (the runtime evaluates the program's defaults once).
using FieldDefaults = std::function<Value(sema::RecordId record, size_t field)>;

class ExpressionEngine;
// The program's defaults evaluated by `engine`, in the order of ProgramIr::fieldDefaults.
std::vector<Value> evaluateFieldDefaults(const ir::ProgramIr& program, ExpressionEngine& engine);
// Of those, the default of `field` of `record`; none (a null Value) when it has none.
Value fieldDefaultIn(const ir::ProgramIr& program, const std::vector<Value>& evaluated,
                     sema::RecordId record, size_t field);

// A record of type `record` before any input gave it: its fields' defaults. A required record
// without a default is not made up from its own fields' defaults: the input must give it, on
// a profile line or in a `set` (missingAfterMerge says so).
Value defaultRecord(const ir::ProgramIr& program, const FieldDefaults& defaults,
                    sema::RecordId record);

// What a merge needs to start the nested records it creates from their defaults.
struct MergeSchema {
  const ir::ProgramIr& program;
  const FieldDefaults& defaults;
};

// `profile` with `patch` merged in. Records held elsewhere are copied, not modified: given the
// only reference, the merge works in place. Without `schema`, a nested record the profile
// does not have is the patch's fields alone. `created`: `profile` is a new profile's defaults
// and the patch its first content (a `set` for an unknown profile), made as the profile line
// of the patch's content would be: a record the patch gives starts from its type's defaults,
// not from the field's default (which only a field left out takes).
Value mergeProfile(Value profile, const Value& patch, const MergeSchema* schema = nullptr,
                   bool created = false);

// Why merging `patch` into `profile` (of the schema's type) would leave absent a field the
// schema requires (neither optional nor defaulted): `set.address: missing field `city``;
// nothing when it would not. `profile` null: the patch is a whole new profile, to be complete
// on its own. `built`: when profiles are built with only some fields (`journey audience`,
// InputReader::keepProfileFields), those; the profile's others are taken as they came.
std::optional<std::string> missingAfterMerge(const ir::ProgramIr& program, const Value* profile,
                                             const Value& patch,
                                             const ir::FieldReads* built = nullptr);

}  // namespace journey::runtime
