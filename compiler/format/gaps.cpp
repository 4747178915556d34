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

std::optional<std::vector<Gap>> scanGaps(std::string_view text, const std::vector<SourceRange>& tokens,
                                         std::string& problem) {
  std::vector<Gap> gaps;
  gaps.reserve(tokens.size());
  size_t pos = 0;
  bool allowPending = false;  // an allow comment on a line of its own, waiting for its code
  bool lineAllowed = false;   // the line of the last token is one an allow comment covers
  for (const SourceRange& token : tokens) {
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
    if (gap.newlines() > 0) {  // the token starts a line: the one an allow comment covers?
      lineAllowed = allowPending;
      allowPending = false;
    } else if (semicolon && lineAllowed) {
      gap.keepsAllowedJoin = true;
    }
    gaps.push_back(std::move(gap));
    pos = std::max<size_t>(pos, token.end);
  }
  return gaps;
}

}  // namespace journey::format
