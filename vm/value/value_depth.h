// How deeply a value nests: a scalar is 0 levels deep, `[1]` 1, `[[1]]` 2. One evaluation
// nests a value at most as deeply as its expression (bounded by the parser), but a value kept
// from one evaluation to the next (a profile field a `set` step writes again and again, a REPL
// `let`) can grow without end; printing, comparing or freeing it recurses once per level, so
// such a value is refused past kMaxValueDepth, where it would be kept.
#pragma once

#include <cstddef>

#include "vm/value/value.h"

namespace journey {

// As deep as JSON input may nest (simdjson's limit, 1024), with room to spare.
inline constexpr size_t kMaxValueDepth = 1000;

// Whether `v` nests more than `levels` deep. Iterative, and stops at the first path that does.
bool nestsDeeperThan(const Value& v, size_t levels);

}  // namespace journey
