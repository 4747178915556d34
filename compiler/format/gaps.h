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
#include "compiler/syntax/syntax_tree.h"

namespace journey::format {

struct Comment {
  std::string text;  // as written; a line comment without the white space that ended its line
  bool isLine = false;
  uint32_t newlinesBefore = 0;  // since the previous token or comment
};

struct Gap {
  std::vector<Comment> comments;
  uint32_t newlinesAfter = 0;  // between the last comment (or the previous token) and the token
  // The token goes on a line that a `// journey: allow` comment covers: a statement joined by
  // `;`, or a block written on that line (`{ on e { send … } }`). The join is kept, since the
  // comment covers that line (compiler/driver/allow_comments.h) and a statement moved to a line
  // of its own would leave it.
  enum class AllowedJoin : uint8_t { None, Semicolon, Space };
  AllowedJoin allowedJoin = AllowedJoin::None;

  uint32_t newlines() const;  // in the whole gap
};

// For each of `printed` (token indices of `tree`), how it changes the nesting of brackets
// inside a statement: +1 for `(`, `[` and a `{` of a payload, record or map, -1 for their
// closers, 0 for the braces of blocks of statements (a journey's, an `if`'s) and the rest.
std::vector<int8_t> expressionBrackets(const syntax::SyntaxTree& tree,
                                       const std::vector<uint32_t>& printed);

// The gap before each of `tokens` (ranges in `text`, in order): the text from the end of the
// previous token (or the start of the file) to its start. Nothing is expected there but white
// space, `;`, comments and line breaks; anything else is an internal error, described in
// `problem`. `brackets` (expressionBrackets of the same tokens), when given, lets a
// `allowedJoin` follow an allow comment inside a statement to the end of its brackets.
std::optional<std::vector<Gap>> scanGaps(std::string_view text, const std::vector<SourceRange>& tokens,
                                         std::string& problem,
                                         const std::vector<int8_t>* brackets = nullptr);

}  // namespace journey::format
