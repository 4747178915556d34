// A hand-written scanner that produces exactly the tokens of the lexer rules in
// grammar/Journey.g4 (same types, channels and code point positions), several times faster than
// the generated ANTLR lexer, whose C++ runtime takes a lock for every character.
//
// The grammar stays the definition: keywords are read from its vocabulary, and
// tests/unit/syntax_scanner.cpp runs both lexers on the examples, the CEL conformance
// expressions and thousands of mutated files and requires identical token streams. The token
// filter can use either.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

namespace antlr4 {
class Token;
}

namespace journey::syntax {

class Scanner {
 public:
  // `text` must be valid UTF-8 and outlive the scanner.
  explicit Scanner(std::string_view text) : text_(text) {}

  // The next token: skipped ones (white space, line comments) are left out, hidden ones (block
  // comments) are returned; EOF at the end, then EOF again.
  std::unique_ptr<antlr4::Token> next();

 private:
  size_t codePoints(size_t from, size_t to) const;
  void advance(size_t end);
  std::unique_ptr<antlr4::Token> make(size_t type, size_t begin, size_t end, bool hidden = false);
  // Length in bytes of the token that starts at `i`, and its type.
  size_t number(size_t i, size_t& type) const;
  size_t quoted(size_t quote, bool raw) const;

  std::string_view text_;
  size_t pos_ = 0;       // byte offset
  size_t cp_ = 0;        // code point index of pos_
  size_t line_ = 1;      // ANTLR's line and column, for completeness
  size_t lineStartCp_ = 0;
};

}  // namespace journey::syntax
