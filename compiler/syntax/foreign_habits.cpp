#include "compiler/syntax/foreign_habits.h"

#include <algorithm>

#include "JourneyLexer.h"
#include "compiler/sema/suggest.h"
#include "compiler/syntax/token_kinds.h"

namespace journey::syntax {

using grammar::JourneyLexer;

namespace {

// A keyword's spelling (`retain`), or nothing for punctuation and other tokens.
std::string keywordSpelling(size_t type) {
  std::string shown = describeTokenType(type);  // "`retain`"
  if (shown.size() < 3 || shown.front() != '`') return "";
  std::string word = shown.substr(1, shown.size() - 2);
  bool letters = std::all_of(word.begin(), word.end(), [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_';
  });
  return letters ? word : "";
}

// The keywords that continue a statement, never start one (`retain`, `within`, `as`): what a
// stray word after a complete statement may be a misspelling of.
std::vector<std::string> continuingKeywords() {
  std::vector<std::string> out;
  for (size_t type = JourneyLexer::JOURNEY; type <= JourneyLexer::END; ++type) {
    if (startsStep(type) || startsClause(type) || startsDeclaration(type)) continue;
    out.push_back(keywordSpelling(type));
  }
  for (size_t type : {JourneyLexer::AS, JourneyLexer::FOR, JourneyLexer::IN}) {
    out.push_back(keywordSpelling(type));
  }
  std::erase(out, "");
  return out;
}

const char* kLogic = "CEL's logical operators are `&&`, `||` and `!`";

}  // namespace

std::vector<std::string> foreignHabitHelps(const HabitContext& c) {
  std::vector<std::string> helps;
  bool word = c.foundType == JourneyLexer::IDENT;
  // `a and b`, `a or b`: the left operand parsed, then a name where an operator could go.
  if (word && !c.lineStart && endsOperand(c.prevType) && (c.found == "and" || c.found == "or")) {
    helps.push_back(std::string("write `") + (c.found == "and" ? "&&" : "||") + "`: " + kLogic);
    return helps;
  }
  // `not a`: `not` parsed as a name, then an operand where none can follow.
  if (c.prevType == JourneyLexer::IDENT && c.prev == "not" && isExpressionStart(c.foundType)) {
    helps.push_back(std::string("write `!` for `not`: ") + kLogic);
    return helps;
  }
  // `a === b`, `a !== b`.
  if (c.foundType == JourneyLexer::ASSIGN && c.adjacent &&
      (c.prevType == JourneyLexer::EQ || c.prevType == JourneyLexer::NE)) {
    std::string op = c.prevType == JourneyLexer::EQ ? "==" : "!=";
    helps.push_back("write `" + op + "`: CEL has no `" + op + "=`");
    return helps;
  }
  // `&& b` starting a line, as some languages allow. Here the line before ended the
  // statement; an operator at its end would have continued it.
  if (c.lineStart && (isBinaryOperator(c.foundType) || c.foundType == JourneyLexer::DOT)) {
    helps.push_back("a statement ends with its line unless the line ends with an operator: "
                    "move `" + std::string(c.found) + "` to the end of the line before");
    return helps;
  }
  // `wait for 1h`: `wait for` waits for events.
  if (c.foundType == JourneyLexer::DURATION && c.prevType == JourneyLexer::FOR &&
      c.beforePrevType == JourneyLexer::WAIT) {
    helps.push_back("to wait a time, write `wait " + std::string(c.found) +
                    "`; `wait for` waits for events: `wait for Opened as o within " +
                    std::string(c.found) + " { … }`");
    return helps;
  }
  if (word && (c.found == "elif" || c.found == "elsif" || c.found == "elseif")) {
    helps.push_back("write `else if`");
    return helps;
  }
  // A keyword misspelt where keywords were expected (a name was not: it would have parsed).
  if (word) {
    std::vector<std::string> candidates;
    if (c.afterStatement) {
      // Any such keyword, wherever it may go: short words are too alike to tell (`foo`, `for`).
      if (c.found.size() >= 4) candidates = continuingKeywords();
    } else if (c.keywords != nullptr) {
      for (ssize_t type : c.keywords->toList()) {
        std::string spelling = keywordSpelling(static_cast<size_t>(type));
        if (!spelling.empty()) candidates.push_back(spelling);
      }
    }
    if (std::optional<std::string> close = sema::closestName(c.found, candidates)) {
      helps.push_back("did you mean `" + *close + "`?");
    }
  }
  return helps;
}

}  // namespace journey::syntax
