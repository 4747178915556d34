// Text read from a file, made safe to print on a terminal: a damaged or forged artifact's names,
// or a test's, could hold control bytes (a terminal's escape sequences).
#pragma once

#include <string>
#include <string_view>

namespace journey::cli {

// `text` with every control byte, and every byte that is not part of a UTF-8 character, written
// `\xNN`; newlines too when the text is one line of the output (a test's name, a source path),
// where one would start a line of its own.
enum class Newlines { Kept, Escaped };
std::string printableText(std::string_view text, Newlines newlines = Newlines::Kept);

}  // namespace journey::cli
