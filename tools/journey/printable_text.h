// Text read from a file, made safe to print on a terminal: a damaged or forged artifact's names
// could hold control bytes (a terminal's escape sequences).
#pragma once

#include <string>
#include <string_view>

namespace journey::cli {

// `text` with every control byte but the newline written `\xNN`.
std::string printableText(std::string_view text);

}  // namespace journey::cli
