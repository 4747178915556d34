#include "compiler/syntax/compact_source.h"

#include <algorithm>

#include <antlr4-runtime.h>

#include "JourneyLexer.h"
#include "compiler/syntax/scanner.h"
#include "compiler/syntax/source_text.h"

namespace journey::syntax {

namespace {

// Calls `visit(type, range, spelling)` for each token of `text` (byte ranges relative to it), in
// order; white space, comments and newlines are not tokens here. Invalid UTF-8 bytes are spelled
// with a placeholder.
template <typename Visit>
void forEachSourceToken(FileId file, std::string_view text, Visit visit) {
  SourceText source(file, text);
  Scanner scanner(source.text());
  for (;;) {
    std::unique_ptr<antlr4::Token> token = scanner.next();
    size_t type = token->getType();
    if (type == antlr4::Token::EOF) return;
    if (type == grammar::JourneyLexer::NEWLINE || type == grammar::JourneyLexer::BLOCK_COMMENT) {
      continue;
    }
    SourceRange r = source.range(token.get());
    visit(type, r, std::string_view(source.text()).substr(r.begin, r.end - r.begin));
  }
}

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Widens `range` over the `(` before it and the `)` after it that its own unmatched
// parentheses call for (only blanks may stand between).
SourceRange balanceParentheses(const std::string& file, SourceRange range) {
  size_t unmatchedClose = 0, unmatchedOpen = 0;
  std::string_view text = std::string_view(file).substr(range.begin, range.end - range.begin);
  forEachSourceToken(range.file, text, [&](size_t type, SourceRange, std::string_view) {
    if (type == grammar::JourneyLexer::LPAREN) {
      ++unmatchedOpen;
    } else if (type == grammar::JourneyLexer::RPAREN) {
      if (unmatchedOpen > 0) --unmatchedOpen;
      else ++unmatchedClose;
    }
  });
  uint32_t begin = range.begin;
  for (uint32_t b = begin; unmatchedClose > 0 && b > 0 && (isBlank(file[b - 1]) || file[b - 1] == '(');) {
    --b;
    if (file[b] == '(') {
      --unmatchedClose;
      begin = b;
    }
  }
  uint32_t end = range.end;
  for (uint32_t e = end; unmatchedOpen > 0 && e < file.size() && (isBlank(file[e]) || file[e] == ')');) {
    if (file[e++] == ')') {
      --unmatchedOpen;
      end = e;
    }
  }
  return SourceRange{range.file, begin, end};
}

}  // namespace

CompactSource compactSource(const SourceManager& sources, SourceRange range) {
  CompactSource out;
  if (!range.valid()) return out;
  const std::string& file = sources.text(range.file);
  range.end = std::min<uint32_t>(range.end, static_cast<uint32_t>(file.size()));
  range.begin = std::min(range.begin, range.end);
  range = balanceParentheses(file, range);
  std::string_view text = std::string_view(file).substr(range.begin, range.end - range.begin);
  uint32_t previousEnd = 0;
  forEachSourceToken(range.file, text, [&](size_t, SourceRange token, std::string_view spelling) {
    if (!out.text.empty() && token.begin > previousEnd) {
      out.gaps.push_back(out.text.size());
      out.text += ' ';
    }
    out.text += spelling;
    previousEnd = token.end;
  });
  return out;
}

}  // namespace journey::syntax
