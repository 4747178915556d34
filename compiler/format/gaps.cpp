#include "compiler/format/gaps.h"

#include <algorithm>

#include "compiler/syntax/source_lines.h"

namespace journey::format {

uint32_t Gap::newlines() const {
  uint32_t n = newlinesAfter;
  for (const Comment& c : comments) n += c.newlinesBefore;
  return n;
}

namespace {

bool isHorizontalSpace(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

// U+FEFF, which the grammar counts as white space.
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

std::string withoutTrailingSpace(std::string_view s) {
  size_t end = s.size();
  while (end > 0 && isHorizontalSpace(s[end - 1])) --end;
  return std::string(s.substr(0, end));
}

}  // namespace

std::vector<int8_t> expressionBrackets(const syntax::SyntaxTree& tree,
                                       const std::vector<uint32_t>& printed) {
  using syntax::SyntaxRule, syntax::SyntaxTokenKind;
  std::vector<int8_t> byToken(tree.tokens.size(), 0);
  for (const syntax::SyntaxNode& node : tree.nodes) {
    bool statements = node.rule == SyntaxRule::JourneyDecl || node.rule == SyntaxRule::Block ||
                      node.rule == SyntaxRule::WaitBody || node.rule == SyntaxRule::SplitBody ||
                      node.rule == SyntaxRule::ActionDecl || node.rule == SyntaxRule::TestDecl;
    if (statements) continue;
    for (const syntax::SyntaxChild& c : node.children) {
      if (!c.isToken) continue;
      switch (tree.tokens[c.index].kind) {
        case SyntaxTokenKind::LParen:
        case SyntaxTokenKind::LBracket:
        case SyntaxTokenKind::LBrace: byToken[c.index] = 1; break;
        case SyntaxTokenKind::RParen:
        case SyntaxTokenKind::RBracket:
        case SyntaxTokenKind::RBrace: byToken[c.index] = -1; break;
        default: break;
      }
    }
  }
  std::vector<int8_t> out;
  out.reserve(printed.size());
  for (uint32_t t : printed) out.push_back(byToken[t]);
  return out;
}

std::optional<std::vector<Gap>> scanGaps(std::string_view text, const std::vector<SourceRange>& tokens,
                                         std::string& problem, const std::vector<int8_t>* brackets) {
  std::vector<Gap> gaps;
  gaps.reserve(tokens.size());
  size_t pos = 0;
  bool allowPending = false;  // an allow comment on a line of its own, waiting for its code
  bool lineAllowed = false;   // the line of the last token is one an allow comment covers
  // Brackets open before the token, how deep the line an allow comment covers started, and the
  // least depth since: inside brackets (a payload spread over lines) a comment covers the rest
  // of them and the line where they close (the checker's "rest of the head",
  // compiler/driver/allow_comments.h).
  int depth = 0, coveredDepth = 0, leastDepth = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const SourceRange& token = tokens[i];
    Gap gap;
    uint32_t newlines = 0;
    bool semicolon = false;
    size_t end = token.begin;
    while (pos < end) {
      char c = text[pos];
      if (isHorizontalSpace(c) || c == ';') {
        semicolon |= c == ';';
        ++pos;
      } else if (c == '\n' || c == '\r') {
        ++newlines;
        pos += (c == '\r' && pos + 1 < end && text[pos + 1] == '\n') ? 2 : 1;
      } else if (text.substr(pos, kByteOrderMark.size()) == kByteOrderMark) {
        pos += kByteOrderMark.size();
      } else if (text.substr(pos, 2) == "//") {
        size_t stop = text.find_first_of("\r\n", pos);
        if (stop == std::string_view::npos || stop > end) stop = end;
        bool ownLine = newlines > 0 || (gaps.empty() && gap.comments.empty() && pos == 0);
        allowPending |= ownLine && syntax::allowCommentCodes(text.substr(pos, stop - pos));
        gap.comments.push_back(Comment{withoutTrailingSpace(text.substr(pos, stop - pos)), true, newlines});
        newlines = 0;
        pos = stop;
      } else if (text.substr(pos, 2) == "/*") {
        size_t close = text.find("*/", pos + 2);
        size_t stop = close == std::string_view::npos || close + 2 > end ? end : close + 2;
        gap.comments.push_back(Comment{std::string(text.substr(pos, stop - pos)), false, newlines});
        newlines = 0;
        pos = stop;
      } else {
        problem = "unexpected text between tokens at byte " + std::to_string(pos);
        return std::nullopt;
      }
    }
    gap.newlinesAfter = newlines;
    if (gap.newlines() > 0) {  // the token starts a line: one an allow comment covers?
      if (allowPending) coveredDepth = leastDepth = depth;
      lineAllowed = allowPending || (lineAllowed && coveredDepth > 0 && leastDepth >= coveredDepth);
      allowPending = false;
    } else if (lineAllowed) {
      gap.allowedJoin = semicolon ? Gap::AllowedJoin::Semicolon : Gap::AllowedJoin::Space;
    }
    gaps.push_back(std::move(gap));
    pos = std::max<size_t>(pos, token.end);
    if (brackets) {
      depth += (*brackets)[i];
      leastDepth = std::min(leastDepth, depth);
    }
  }
  return gaps;
}

}  // namespace journey::format
