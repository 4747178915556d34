#include "compiler/syntax/source_lines.h"

#include <algorithm>
#include <cctype>

#include <antlr4-runtime.h>

#include "JourneyLexer.h"
#include "compiler/syntax/scanner.h"
#include "compiler/syntax/source_text.h"

namespace journey::syntax {

std::vector<SourceLine> sourceLines(FileId file, std::string_view text) {
  std::vector<uint32_t> starts{0};  // each line's first byte
  for (uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts.push_back(i + 1);
  }
  auto lineOf = [&](uint32_t offset) {
    return static_cast<size_t>(std::upper_bound(starts.begin(), starts.end(), offset) -
                               starts.begin() - 1);
  };
  std::vector<SourceLine> lines(starts.size());
  std::vector<bool> continued(starts.size());  // the line begins inside a token
  SourceText source(file, text);
  Scanner scanner(source.text());
  for (;;) {
    std::unique_ptr<antlr4::Token> token = scanner.next();
    size_t type = token->getType();
    if (type == antlr4::Token::EOF) break;
    if (type == grammar::JourneyLexer::NEWLINE) continue;
    SourceRange r = source.range(token.get());
    LineShape shape =
        type == grammar::JourneyLexer::BLOCK_COMMENT ? LineShape::Comment : LineShape::Code;
    size_t first = lineOf(r.begin), last = lineOf(std::max(r.begin, r.end - 1));
    for (size_t line = first; line <= last; ++line) {
      lines[line].shape = std::max(lines[line].shape, shape);
      if (line > first) continued[line] = true;
    }
  }
  // Line comments are no tokens: one that begins a line outside any token is the line's own.
  for (size_t line = 0; line < lines.size(); ++line) {
    if (continued[line]) continue;
    size_t at = text.find_first_not_of(" \t\r\f\v", starts[line]);  // stops at the '\n'
    if (at != std::string_view::npos && text.substr(at, 2) == "//") {
      lines[line].comment = static_cast<uint32_t>(at);
      lines[line].shape = std::max(lines[line].shape, LineShape::Comment);
    }
  }
  return lines;
}

std::optional<std::string_view> allowCommentCodes(std::string_view comment) {
  // Consumes `word` (after any spaces) from the front of `s`.
  auto take = [](std::string_view& s, std::string_view word) {
    size_t from = s.find_first_not_of(" \t");
    if (from == std::string_view::npos || s.substr(from, word.size()) != word) return false;
    s.remove_prefix(from + word.size());
    return true;
  };
  if (!comment.starts_with("//")) return std::nullopt;
  std::string_view rest = comment.substr(2);
  if (!take(rest, "journey:") || !take(rest, "allow") || rest.empty() ||
      !std::isspace(static_cast<unsigned char>(rest[0]))) {
    return std::nullopt;
  }
  return rest;
}

}  // namespace journey::syntax
