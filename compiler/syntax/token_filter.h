// Lexing and the token filter between lexer and parser.
//
// The filter decides which NEWLINE tokens end a statement: none inside parentheses or brackets,
// none after a token that cannot end one (an operator, `.`, `,`, `?`, `:`, `=`, `{`, `;`), none
// before `}`, `)`, `]`, `,`, `else` or the end of the file, and never two in a row. It also
// reports the lexical problems (unexpected characters, unclosed strings and comments, malformed
// numbers) and refuses input nested too deeply for the parser's recursion.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diagnostics/diagnostic.h"
#include "compiler/syntax/source_text.h"

namespace antlr4 {
class ANTLRInputStream;
class Token;
}  // namespace antlr4

namespace journey::grammar {
class JourneyLexer;
}

namespace journey::syntax {

// Limits that keep the parser's recursion and the AST's depth bounded on any input.
inline constexpr uint32_t kMaxNesting = 200;       // brackets and conditionals open at once
// `<` after a name, open at once in a statement: type arguments (`list<list<int>>`). A
// comparison (`a < b`) counts too, so the limit is far above any real type's depth.
inline constexpr uint32_t kMaxTypeArguments = 1000;
inline constexpr size_t kMaxTokens = 4'000'000;    // per file

enum class FilterMode {
  File,        // statements end at newlines
  Expression,  // one expression (`journey eval`): every newline is white space
};

// A bracket that was opened and, at the end, not closed.
struct OpenBracket {
  size_t type = 0;  // LPAREN, LBRACKET or LBRACE
  size_t tokenIndex = 0;
};

// Which lexer produces the tokens: the hand-written scanner (the default, fast) or the lexer ANTLR
// generates from the grammar (the reference the scanner is tested against).
enum class LexerKind { Scanner, Antlr };

class TokenizedFile {
 public:
  // Lexes and filters `text`. Lexical problems go to `diags` (when not null).
  TokenizedFile(const SourceText& text, FilterMode mode, DiagnosticSink* diags,
                LexerKind lexer = LexerKind::Scanner);
  ~TokenizedFile();
  TokenizedFile(const TokenizedFile&) = delete;
  TokenizedFile& operator=(const TokenizedFile&) = delete;

  // The tokens the parser reads, EOF last. Moved out once, to the parser's token source.
  std::vector<std::unique_ptr<antlr4::Token>> takeTokens();
  // A view of the tokens, valid while they live (in this object or in the token source).
  const std::vector<antlr4::Token*>& tokens() const { return view_; }

  // Bracket nesting of each token: an opening bracket and its closing one are at the level of
  // what surrounds them.
  const std::vector<uint32_t>& levels() const { return levels_; }
  // Whether a lexical problem was reported at or just before the token at this index.
  bool lexicalProblemBetween(size_t first, size_t last) const;
  // For a closing bracket, the index of the bracket it closes; for a newline that ends a line
  // on which parentheses were left open, the innermost of them; SIZE_MAX otherwise.
  size_t partner(size_t tokenIndex) const {
    return tokenIndex < partners_.size() ? partners_[tokenIndex] : SIZE_MAX;
  }
  // Brackets still open at the end of the file, innermost last.
  const std::vector<OpenBracket>& unclosed() const { return unclosed_; }
  // Reported problems that make parsing pointless (too deep, too large, an artifact).
  bool refused() const { return refused_; }

 private:
  std::unique_ptr<antlr4::ANTLRInputStream> input_;
  std::unique_ptr<grammar::JourneyLexer> lexer_;
  std::vector<std::unique_ptr<antlr4::Token>> owned_;
  std::vector<antlr4::Token*> view_;
  std::vector<uint32_t> levels_;
  std::vector<size_t> partners_;
  std::vector<size_t> problemTokens_;  // sorted indexes into view_
  std::vector<OpenBracket> unclosed_;
  bool refused_ = false;
};

// Every token the lexer produces for `text`, before the filter, one `KIND start stop channel` line
// each (code point positions). Tests compare the scanner with the generated lexer with it.
std::string rawTokenListing(std::string_view text, LexerKind lexer);

// The filtered tokens as `line:col KIND 'text'` lines (`--emit tokens`).
std::string describeTokens(const SourceText& text, const SourceManager& sources,
                           const TokenizedFile& tokens);

}  // namespace journey::syntax
