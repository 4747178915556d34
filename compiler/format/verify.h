// The check `journey fmt` makes before it writes anything: the formatted text must be the same
// program as the original in another layout.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "compiler/syntax/syntax_tree.h"

namespace journey::format {

// nullopt when `formatted` parses to the same tokens under the same grammar rules as `original`
// (statement separators aside: a `;` may become a line break) and holds the same comments in the
// same order. Otherwise what differs and where, in words.
std::optional<std::string> findChange(std::string_view original, std::string_view formatted);
// The same, with the original's tree already parsed.
std::optional<std::string> findChange(const syntax::SyntaxTree& originalTree, std::string_view original,
                                      std::string_view formatted);

}  // namespace journey::format
