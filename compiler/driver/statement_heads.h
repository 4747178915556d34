// Where each statement of a program starts and how far its head goes: a declaration, a journey
// clause or a step, up to the block it opens (an `if`'s condition, a `wait for`'s events and
// `within`), or whole when it opens none (a `send` with its payload, an `audience` rule). What
// a `// journey: allow` comment covers when its line starts one (compiler/driver/
// allow_comments.h): `fmt` may spread a head over lines or join it, never move it elsewhere.
#pragma once

#include <vector>

#include "compiler/ast/ast.h"

namespace journey {

std::vector<SourceRange> statementHeads(const ast::Ast& ast);

}  // namespace journey
