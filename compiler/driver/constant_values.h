// Values evaluated once for the program, without a profile: each `const`, each field's default,
// an `entry at` time, a schedule's time zone, an action's mock response and a `history` window
// made of constants. One that is always an
// error (`const Rate = 1 / 0`, a default `duration("2d")`) fails wherever it is used, so it is
// reported when the program is checked (E0228), not when a run first needs it.
#pragma once

#include "compiler/ast/ast.h"
#include "compiler/diagnostics/diagnostic.h"
#include "compiler/sema/checker.h"

namespace journey {

// Evaluates those values; `program` must have checked without errors.
void checkConstantValues(const ast::Ast& ast, const sema::CheckedProgram& program,
                         DiagnosticSink& diags);

}  // namespace journey
