// The longer explanation of a diagnostic kind, shared by `journey explain` and the REPL's
// `:explain`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace journey::cli {

// `E0201 (error): summary`, a blank line and the explanation; nothing for an unknown code.
std::optional<std::string> explainCode(std::string_view code);

// What to say about a code that names no kind.
std::string unknownCodeMessage(std::string_view code);

}  // namespace journey::cli
