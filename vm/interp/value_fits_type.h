// Whether a value fits the typed place it is written to: a `set` step's profile field and an
// `emit` step's event field when the step runs; a typed `const`, a field's default and an
// action's mock field when the program is checked. The checker lets a `dyn` value (a
// `map<string, dyn>` entry, `dyn("x")`) go to a typed place, as CEL's gradual typing does; what
// it holds is only known once it is computed, and a profile or an event must keep its schema's
// types.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/ir/record_layouts.h"
#include "compiler/sema/types.h"
#include "vm/value/value.h"

namespace journey::interp {

// Why `value` is not a value of type `type`, with where inside it (`[1]: expected string,
// found int`); nothing when it is. `dyn` takes anything; an optional type takes its inner
// type's values (a step never writes an optional itself).
std::optional<std::string> valueMisfit(const Value& value, sema::TypeId type,
                                       const sema::TypeTable& types,
                                       const ir::RecordLayouts& layouts);

// The type a path below a value of type `root` holds (`set profile.a.b`: ["a", "b"] below the
// schema's type): a record's field by name, a map's value under any key, an optional's inner
// type on the way. `dyn` where the types say no more.
sema::TypeId typeAtPath(const sema::TypeTable& types, sema::TypeId root,
                        const std::vector<std::string>& path);

}  // namespace journey::interp
