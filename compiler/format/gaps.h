// What lies between two printed tokens in the source: comments and line breaks. The formatter
// chooses all the white space itself, so this is everything it keeps of the text between
// tokens; statement separators (`;` and newlines) are read from the parse tree instead.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/source/source_manager.h"

namespace journey::format {

struct Comment {
  std::string text;  // as written; a line comment without the white space that ended its line
  bool isLine = false;
  uint32_t newlinesBefore = 0;  // since the previous token or comment
};

struct Gap {
  std::vector<Comment> comments;
  uint32_t newlinesAfter = 0;  // between the last comment (or the previous token) and the token
  // A `;` joins two statements on a line that a `// journey: allow` comment covers: the join is
  // kept, since the comment covers that line (compiler/driver/allow_comments.h) and a statement
  // moved to a line of its own would leave it.
  bool keepsAllowedJoin = false;

  uint32_t newlines() const;  // in the whole gap
};

// The gap before each of `tokens` (ranges in `text`, in order): the text from the end of the
// previous token (or the start of the file) to its start. Nothing is expected there but white
// space, `;`, comments and line breaks; anything else is an internal error, described in
// `problem`.
std::optional<std::vector<Gap>> scanGaps(std::string_view text, const std::vector<SourceRange>& tokens,
                                         std::string& problem);

}  // namespace journey::format
