#include "compiler/syntax/keyword_retry.h"

#include <algorithm>
#include <memory>

#include "JourneyParser.h"
#include "compiler/sema/suggest.h"
#include "compiler/syntax/token_kinds.h"

namespace journey::syntax {

using grammar::JourneyParser;

namespace {

// Gives up at the first error, remembering which token it was.
class FirstErrorStrategy : public antlr4::BailErrorStrategy {
 public:
  size_t at = SIZE_MAX;

  void recover(antlr4::Parser* parser, std::exception_ptr e) override {
    at = parser->getCurrentToken()->getTokenIndex();
    try {
      std::rethrow_exception(e);
    } catch (const antlr4::RecognitionException& r) {
      if (r.getOffendingToken() != nullptr) at = r.getOffendingToken()->getTokenIndex();
    } catch (...) {
    }
    throw antlr4::ParseCancellationException();
  }
  antlr4::Token* recoverInline(antlr4::Parser* parser) override {
    at = parser->getCurrentToken()->getTokenIndex();
    throw antlr4::ParseCancellationException();
  }
  void reportError(antlr4::Parser*, const antlr4::RecognitionException&) override {}
};

// The position in `tokens` of the first token a file parse fails at (SIZE_MAX: it parses).
size_t firstError(std::vector<std::unique_ptr<antlr4::Token>> tokens) {
  antlr4::ListTokenSource source(std::move(tokens));
  antlr4::CommonTokenStream stream(&source);
  JourneyParser parser(&stream);
  parser.removeErrorListeners();
  auto strategy = std::make_shared<FirstErrorStrategy>();
  parser.setErrorHandler(strategy);
  try {
    parser.file();
  } catch (const antlr4::ParseCancellationException&) {
  } catch (const antlr4::RecognitionException&) {
    if (strategy->at == SIZE_MAX) strategy->at = 0;
  }
  return strategy->at;
}

// Keywords within typo distance of `word`, closest first (at most a few: each costs a parse).
std::vector<size_t> closeKeywords(std::string_view word) {
  std::vector<std::string> spellings;
  for (size_t type : keywordTypes()) spellings.push_back(keywordSpelling(type));
  std::vector<size_t> out;
  for (const std::string& close : sema::closeNames(word, spellings)) {
    if (out.size() == 3) break;
    size_t at = std::find(spellings.begin(), spellings.end(), close) - spellings.begin();
    out.push_back(keywordTypes()[at]);
  }
  return out;
}

bool endsLine(size_t type) {
  return type == JourneyParser::NEWLINE || type == JourneyParser::SEMI ||
         type == antlr4::Token::EOF;
}

}  // namespace

std::optional<size_t> KeywordGuesser::guess(antlr4::BufferedTokenStream& tokens,
                                            const std::vector<uint32_t>& levels,
                                            size_t wordIndex, std::string_view word) {
  std::vector<size_t> candidates = closeKeywords(word);
  if (candidates.empty() || parsesLeft_ <= 0) return std::nullopt;
  tokens.fill();
  const std::vector<antlr4::Token*>& all = tokens.getTokens();
  if (wordIndex >= all.size() || levels.size() < all.size()) return std::nullopt;
  // The tokens the parses read: the word's declaration on, from its first token (the last one
  // outside brackets to start a line), so that earlier declarations, whatever their errors,
  // cannot stop the parse; and in it, the lines of the other earlier errors left out (their
  // line breaks kept, so that the statements around stay apart).
  std::vector<bool> dropped(all.size(), false);
  size_t declaration = wordIndex;
  while (declaration > 0 &&
         (levels[declaration] != 0 || !endsLine(all[declaration - 1]->getType()))) {
    --declaration;
  }
  std::fill(dropped.begin(), dropped.begin() + static_cast<std::ptrdiff_t>(declaration), true);
  for (size_t error : leftOut_) {
    if (error >= wordIndex) continue;
    size_t from = error;
    while (from > 0 && !endsLine(all[from - 1]->getType())) --from;
    for (size_t i = from; i < wordIndex && !(i >= error && endsLine(all[i]->getType())); ++i) {
      dropped[i] = true;
    }
  }
  // The word's statement ends at the next separator: a guess must carry the parse past it.
  size_t end = wordIndex + 1;
  while (end < all.size() && !endsLine(all[end]->getType())) ++end;
  for (size_t type : candidates) {
    if (parsesLeft_-- <= 0) break;
    std::vector<std::unique_ptr<antlr4::Token>> copy;
    std::vector<size_t> original;  // each copied token's index in `all`
    for (size_t i = 0; i < all.size(); ++i) {
      if (dropped[i]) continue;
      auto token = std::make_unique<antlr4::CommonToken>(all[i]);
      if (i == wordIndex) token->setType(type);
      for (const Retype& r : guessed_) {
        if (r.index == i) token->setType(r.type);
      }
      copy.push_back(std::move(token));
      original.push_back(i);
    }
    size_t at = firstError(std::move(copy));
    if (at >= original.size() || original[at] > end) {
      guessed_.push_back({wordIndex, type});
      return type;
    }
  }
  return std::nullopt;
}

}  // namespace journey::syntax
