// The source text of a range written on one line, as a diagram label shows it (`journey graph`):
// the author's tokens, comments left out, each gap between tokens one space.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "compiler/source/source_manager.h"

namespace journey::syntax {

struct CompactSource {
  std::string text;
  // Offsets in `text` of the spaces that stand for gaps between tokens: where a label may
  // break its line without cutting a token (a string literal, say) in two.
  std::vector<size_t> gaps;
};

// The range's tokens. An expression's range can leave out the parentheses around its first or
// last operand (`(a || b) && c` covers `a || b) && c`), so unbalanced parentheses are completed
// from the text around the range.
CompactSource compactSource(const SourceManager& sources, SourceRange range);

}  // namespace journey::syntax
