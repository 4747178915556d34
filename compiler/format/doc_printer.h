// Prints a layout document within a line width: each group flat when it fits in what is left
// of its line, broken otherwise; then the `//` comments that end consecutive lines of the same
// indentation are aligned one space after the longest code among them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/format/doc.h"

namespace journey::format {

// The text, its lines ended by "\n", without white space at the end of any line. `markLines`,
// when given, receives for each mark number the 0-based line where it was printed.
std::string printDoc(const Docs& docs, DocId root, uint32_t width,
                     std::vector<uint32_t>* markLines = nullptr);

}  // namespace journey::format
