// The checks of a field given as `?name: o` (set only when the optional `o` has a value), shared
// by record literals, `emit` and `mock` fields, and payloads.
#pragma once

#include <string>
#include <string_view>

#include "compiler/diagnostics/diagnostic.h"
#include "compiler/sema/types.h"

namespace journey::sema {

// "an optional field `?name: value` needs an optional value, found `T`".
std::string optionalFieldNeedsOptional(std::string_view name, std::string_view found);

// E0316 at `at`: `field` (of `what`, "event `Thanked`") must be present, so `?` cannot set it.
void reportRequiredSetOptionally(DiagnosticSink& diags, SourceRange at, const RecordField& field,
                                 std::string_view what, const TypeTable& types);

}  // namespace journey::sema
