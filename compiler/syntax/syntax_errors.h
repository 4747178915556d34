// Syntax errors: ANTLR's recognition errors rewritten in plain words, and recovery that skips to
// the next statement or declaration so that each mistake gives one diagnostic.
#pragma once

#include <cstdint>
#include <optional>

#include <antlr4-runtime.h>

#include "compiler/diagnostics/diagnostic.h"
#include "compiler/syntax/keyword_retry.h"
#include "compiler/syntax/source_text.h"
#include "compiler/syntax/token_filter.h"

namespace journey::syntax {

// A literal's `{` left open, as the error that reported it first saw it (byte offsets).
struct OpenLiteral {
  uint32_t closeAt;  // the end of the line the `}` was meant for
  uint32_t errorAt;  // the error the rest of the file read as more of the literal made
};

// What the strategy needs to know about the file being parsed, and what it found out.
struct ParseSession {
  const SourceText& text;
  const TokenizedFile& tokens;
  DiagnosticSink& diags;
  size_t errorsBefore = 0;  // diags.errorCount() before this file's lexical problems
  std::optional<OpenLiteral> openLiteral = std::nullopt;  // the first one
};

class SyntaxErrorStrategy : public antlr4::DefaultErrorStrategy {
 public:
  explicit SyntaxErrorStrategy(ParseSession& session) : session_(session) {}

  // Reports the first error of a statement; later ones until the next successful match are
  // consequences of the first and are dropped.
  void reportError(antlr4::Parser* parser, const antlr4::RecognitionException& e) override;
  // Skips to the end of the statement, declaration or field being parsed.
  void recover(antlr4::Parser* parser, std::exception_ptr e) override;
  // No single-token insertion or deletion: a mismatch is an error to recover from.
  antlr4::Token* recoverInline(antlr4::Parser* parser) override;
  // Loops do not try to resynchronise on their own.
  void sync(antlr4::Parser* parser) override;

 private:
  antlr4::ParserRuleContext* statementContext(antlr4::Parser* parser) const;
  // After an error right after an item of a body (a step followed by stray tokens, a line that
  // starts no step), skips the rest of the line and parses the body's remaining items.
  void resumeBody(antlr4::Parser* parser, antlr4::ParserRuleContext* body);

  // "did you mean `retain`?" for a word after a complete statement, when the file parses
  // with it read as that keyword (keyword_retry.h).
  void suggestKeywordByParsing(Diagnostic& d, antlr4::Parser* parser, size_t wordIndex,
                               std::string_view word, size_t type);
  // Helps for `for` and `at` out of their place in a test's statements.
  void testWordOrderHelp(Diagnostic& d, antlr4::TokenStream* input, size_t foundIndex,
                         size_t foundType);
  bool unclosedLiteralHelp(Diagnostic& d, antlr4::Parser* parser,
                           antlr4::ParserRuleContext* current, size_t foundIndex);
  void noteContinuedLine(Diagnostic& d, antlr4::TokenStream* input, size_t stmtStart,
                         size_t foundIndex);

  ParseSession& session_;
  bool recoverWholeStatement_ = false;
  bool unclosedLiteral_ = false;  // an error said a literal's `{` was left open
  size_t lastErrorIndex_ = SIZE_MAX;  // offending token of the last error, reported or not
  size_t lastRecoverIndex_ = SIZE_MAX;
  size_t lastRecoverState_ = SIZE_MAX;
  KeywordGuesser keywordGuesser_;
};

}  // namespace journey::syntax
