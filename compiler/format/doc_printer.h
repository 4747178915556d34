// Prints a layout document within a line width: each group flat when it fits in what is left
// of its line, broken otherwise; then the `//` comments that end consecutive lines of the same
// indentation are aligned one space after the longest code among them.
#pragma once

#include <cstdint>
#include <string>

#include "compiler/format/doc.h"

namespace journey::format {

// The text, its lines ended by "\n", without white space at the end of any line.
std::string printDoc(const Docs& docs, DocId root, uint32_t width);

}  // namespace journey::format
