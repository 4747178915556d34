// Reading a line of text with a bound: a script or profiles file that is one endless line
// (`/dev/zero`) would otherwise take all memory in std::getline.
#pragma once

#include <cstddef>
#include <istream>
#include <string>

#include "vm/runtime/line_reader.h"

namespace journey::repl {

// The longest line the REPL reads: the longest record line `journey run` reads.
inline constexpr size_t kMaxInputLine = runtime::LineReader::kMaxLineBytes;

enum class LineRead { Line, End, TooLong };

// The next line of `in` into `line`, without its newline: End at the end of the input (a last
// line without a newline is a Line first), TooLong past `max` bytes (the rest is not read).
LineRead readBoundedLine(std::istream& in, std::string& line, size_t max = kMaxInputLine);

}  // namespace journey::repl
