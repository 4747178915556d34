// Which fields of the profile, or of events, expressions can observe: a static walk of their
// IR. Input readers convert only those fields (the others are type-checked in place, never
// built): `journey audience` the profile fields its rules read (docs/audiences.md), `journey
// run` the event fields its journeys read (docs/runtime.md), since converting JSON into values
// is a large part of both.
#pragma once

#include <string_view>
#include <unordered_map>
#include <vector>

#include "compiler/ir/program_ir.h"

namespace journey::ir {

// Per record type (indexed like RecordLayouts), per field: true when some expression may read
// it. A field is read when an expression selects it (`profile.a.b`), tests it (`has()`), or
// uses a record that holds it as a value (passes `profile.loyalty` to a function, ranges over a
// list of records, selects by name): then everything below that record counts as read.
using FieldReads = std::vector<std::vector<bool>>;

// The program's audience rules by name, for the `inAudience("A")` calls a walk follows: made
// once where the reads of every audience are found one by one (a scan of the audiences per
// call, or a table per walk, made thousands of audiences that read one another quadratic).
class AudienceRules {
 public:
  explicit AudienceRules(const ProgramIr& program);
  std::vector<ExprIndex> named(std::string_view name) const;

 private:
  std::unordered_multimap<std::string_view, ExprIndex> rules_;
};

// The profile fields that `exprs` read. Expressions whose inputs are the profile alone (slot 0);
// `inAudience("A")` adds A's rule (any audience when the name is not a constant). `rules`: the
// program's, when the caller has made them; otherwise the walk makes its own.
FieldReads profileReads(const ProgramIr& program, const std::vector<ExprIndex>& exprs,
                        const AudienceRules* rules = nullptr);

// The event fields that the whole program reads: through the names journeys bind events to
// (`entry on E as e`, `exit on E as e`, `wait for E as e`), the entry fields a journey keeps in
// slots of its own, and `history()` lists (which read their events whole). A journey that hands
// its entry event on with `goto` reads it whole. The time field is always read. Records no
// event reaches have no field read.
FieldReads eventReads(const ProgramIr& program);

}  // namespace journey::ir
