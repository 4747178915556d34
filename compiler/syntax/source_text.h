// The text ANTLR reads, and the way back from ANTLR's positions to our byte offsets.
//
// ANTLR's C++ runtime indexes characters by Unicode code point, while every SourceRange is a
// byte offset into the UTF-8 file. SourceText keeps, for each code point, the byte offset where
// it starts. Invalid UTF-8 would make the runtime throw, so each invalid byte is replaced by
// one placeholder byte first: offsets stay the same and the problem is reported once.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/source/source_manager.h"

namespace antlr4 {
class Token;
class ParserRuleContext;
}  // namespace antlr4

namespace journey::syntax {

// Stands in for each invalid UTF-8 byte of the original.
inline constexpr char kInvalidBytePlaceholder = '\x1A';

class SourceText {
 public:
  SourceText(FileId file, std::string_view original);

  FileId file() const { return file_; }
  // Valid UTF-8, byte for byte as long as the original.
  const std::string& text() const { return text_; }
  // Byte offset of the first invalid byte of the original, or UINT32_MAX when it was valid.
  uint32_t firstInvalidByte() const { return firstInvalid_; }
  // Whether the placeholder at this byte offset stands for an invalid byte of the original.
  bool replaced(uint32_t byteOffset) const;

  // Byte offset of a code point index (the end of the text for an index past it).
  uint32_t byteOffset(size_t codePointIndex) const;
  // The bytes a token covers (empty at the token's start for EOF).
  SourceRange range(const antlr4::Token* token) const;
  // From the context's first token to its last; empty at the start token when nothing matched.
  SourceRange range(antlr4::ParserRuleContext* ctx) const;
  // The original bytes a range covers (with placeholders).
  std::string_view slice(SourceRange r) const;

 private:
  FileId file_;
  std::string text_;
  std::vector<uint32_t> offsets_;  // code point index -> byte offset; one extra entry at the end
  std::vector<uint32_t> replacedBytes_;
  uint32_t firstInvalid_ = UINT32_MAX;
};

}  // namespace journey::syntax
