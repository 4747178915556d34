#include "compiler/syntax/source_text.h"

#include <algorithm>

#include <antlr4-runtime.h>

namespace journey::syntax {

namespace {

// Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts none.
size_t validSequenceLength(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  size_t n;
  uint32_t cp;
  if (c >= 0xC2 && c <= 0xDF) { n = 2; cp = c & 0x1F; }
  else if (c >= 0xE0 && c <= 0xEF) { n = 3; cp = c & 0x0F; }
  else if (c >= 0xF0 && c <= 0xF4) { n = 4; cp = c & 0x07; }
  else return 0;
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are not valid UTF-8.
  if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10FFFF ||
      (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0;
  }
  return n;
}

}  // namespace

SourceText::SourceText(FileId file, std::string_view original) : file_(file), text_(original) {
  offsets_.reserve(original.size() + 1);
  size_t i = 0;
  while (i < text_.size()) {
    offsets_.push_back(static_cast<uint32_t>(i));
    size_t n = validSequenceLength(text_, i);
    if (n == 0) {
      if (firstInvalid_ == UINT32_MAX) firstInvalid_ = static_cast<uint32_t>(i);
      text_[i] = kInvalidBytePlaceholder;
      replacedBytes_.push_back(static_cast<uint32_t>(i));
      n = 1;
    }
    i += n;
  }
  offsets_.push_back(static_cast<uint32_t>(text_.size()));
}

bool SourceText::replaced(uint32_t byteOffset) const {
  return std::binary_search(replacedBytes_.begin(), replacedBytes_.end(), byteOffset);
}

uint32_t SourceText::byteOffset(size_t codePointIndex) const {
  if (codePointIndex >= offsets_.size()) return offsets_.back();
  return offsets_[codePointIndex];
}

SourceRange SourceText::range(const antlr4::Token* token) const {
  if (token == nullptr) return SourceRange{file_, 0, 0};
  size_t start = token->getStartIndex();
  size_t stop = token->getStopIndex();
  if (token->getType() == antlr4::Token::EOF || start == INVALID_INDEX) {
    uint32_t end = start == INVALID_INDEX ? offsets_.back() : byteOffset(start);
    return SourceRange{file_, end, end};
  }
  uint32_t b = byteOffset(start);
  uint32_t e = stop == INVALID_INDEX || stop < start ? b : byteOffset(stop + 1);
  return SourceRange{file_, b, e};
}

SourceRange SourceText::range(antlr4::ParserRuleContext* ctx) const {
  if (ctx == nullptr) return SourceRange{file_, 0, 0};
  SourceRange first = range(ctx->getStart());
  const antlr4::Token* stop = ctx->getStop();
  if (stop == nullptr || stop->getTokenIndex() < ctx->getStart()->getTokenIndex()) {
    return SourceRange{file_, first.begin, first.begin};
  }
  return SourceRange::cover(first, range(stop));
}

std::string_view SourceText::slice(SourceRange r) const {
  uint32_t b = std::min<uint32_t>(r.begin, static_cast<uint32_t>(text_.size()));
  uint32_t e = std::min<uint32_t>(std::max(r.end, b), static_cast<uint32_t>(text_.size()));
  return std::string_view(text_).substr(b, e - b);
}

}  // namespace journey::syntax
