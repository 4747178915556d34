// What each line of a file holds, as the lexer reads it: for readers of comments (allow
// comments, compiler/driver/allow_comments.h) that must not take a line inside a triple-quoted
// string or a block comment for one of their own.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "compiler/source/source_manager.h"

namespace journey::syntax {

enum class LineShape : uint8_t {
  Blank,
  Comment,  // comments only (`//`, or a part of a `/* */`)
  Code,     // a token, or a part of one (a line inside a string continues the code before it)
};

struct SourceLine {
  LineShape shape = LineShape::Blank;
  // The byte offset of a `//` comment that begins the line (after blanks), or UINT32_MAX.
  uint32_t comment = UINT32_MAX;
};

// The lines of `text` (ending at '\n'), first line first.
std::vector<SourceLine> sourceLines(FileId file, std::string_view text);

// For the text of a `//` comment (from its `//` to the end of its line): when it is an allow
// comment, `// journey: allow CODES`, what follows `allow` (the codes, then any reason); else
// none. The one reading of the form for the checker (compiler/driver/allow_comments.h) and
// the formatter (compiler/format/gaps.h).
std::optional<std::string_view> allowCommentCodes(std::string_view comment);

}  // namespace journey::syntax
