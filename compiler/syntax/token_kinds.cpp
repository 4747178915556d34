#include "compiler/syntax/token_kinds.h"

#include <algorithm>

#include <antlr4-runtime.h>

#include "JourneyLexer.h"
#include "compiler/syntax/ast_builder.h"

namespace journey::syntax {

using grammar::JourneyLexer;

namespace {

const antlr4::dfa::Vocabulary& vocabulary() {
  static antlr4::ANTLRInputStream input("");
  static JourneyLexer lexer(&input);
  return lexer.getVocabulary();
}

}  // namespace

bool isReservedWord(size_t type) {
  switch (type) {
    case JourneyLexer::AS: case JourneyLexer::BREAK: case JourneyLexer::CONST:
    case JourneyLexer::CONTINUE: case JourneyLexer::ELSE: case JourneyLexer::FOR:
    case JourneyLexer::FUNCTION: case JourneyLexer::IF: case JourneyLexer::IMPORT:
    case JourneyLexer::LET: case JourneyLexer::LOOP: case JourneyLexer::PACKAGE:
    case JourneyLexer::NAMESPACE: case JourneyLexer::RETURN: case JourneyLexer::VAR:
    case JourneyLexer::VOID: case JourneyLexer::WHILE:
      return true;
    default:
      return false;
  }
}

static_assert(JourneyLexer::JOURNEY < JourneyLexer::END && JourneyLexer::END + 1 == JourneyLexer::LPAREN,
              "the contextual keywords are one block of token types, from `journey` to `end`");

std::optional<std::string> whyNotVariableName(std::string_view text) {
  std::string name(text);
  antlr4::ANTLRInputStream input(name);
  JourneyLexer lexer(&input);
  lexer.removeErrorListeners();
  std::unique_ptr<antlr4::Token> first = lexer.nextToken();
  std::unique_ptr<antlr4::Token> next = lexer.nextToken();
  size_t type = first->getType();
  bool whole = next->getType() == antlr4::Token::EOF && first->getText() == name;
  if (whole && isReservedWord(type)) return "`" + name + "` is a reserved word";
  if (whole && (type == JourneyLexer::TRUE_LIT || type == JourneyLexer::FALSE_LIT ||
                type == JourneyLexer::NULL_LIT)) {
    return "`" + name + "` is a literal";
  }
  if (!whole || (type != JourneyLexer::IDENT && !isContextualKeyword(type))) {
    return "`" + name + "` is not a name";
  }
  if (isLibraryNamespace(name)) {
    return "`" + name + "` is a library's namespace (`" + name + ".…` calls its functions)";
  }
  return std::nullopt;
}

bool isContextualKeyword(size_t type) {
  return type >= JourneyLexer::JOURNEY && type <= JourneyLexer::END;
}

bool isLiteralToken(size_t type) {
  switch (type) {
    case JourneyLexer::INT: case JourneyLexer::UINT: case JourneyLexer::FLOAT:
    case JourneyLexer::STRING: case JourneyLexer::BYTES: case JourneyLexer::DURATION:
    case JourneyLexer::BAD_NUMBER: case JourneyLexer::TRUE_LIT: case JourneyLexer::FALSE_LIT:
    case JourneyLexer::NULL_LIT:
      return true;
    default:
      return false;
  }
}

bool startsWord(size_t type) {
  return type == JourneyLexer::IDENT || type == JourneyLexer::QUOTED_IDENT || isContextualKeyword(type) || isReservedWord(type) ||
         isLiteralToken(type);
}

bool endsOperand(size_t type) {
  return startsWord(type) || type == JourneyLexer::RPAREN || type == JourneyLexer::RBRACKET ||
         type == JourneyLexer::RBRACE;
}

bool isExpressionStart(size_t t) {
  return t == JourneyLexer::IDENT || isContextualKeyword(t) || isLiteralToken(t) ||
         t == JourneyLexer::LPAREN || t == JourneyLexer::LBRACKET ||
         t == JourneyLexer::LBRACE || t == JourneyLexer::DOT || t == JourneyLexer::MINUS ||
         t == JourneyLexer::NOT;
}


bool isBinaryOperator(size_t t) {
  switch (t) {
    case JourneyLexer::EQ: case JourneyLexer::NE: case JourneyLexer::LE:
    case JourneyLexer::GE: case JourneyLexer::LT: case JourneyLexer::GT:
    case JourneyLexer::AND: case JourneyLexer::OR: case JourneyLexer::PLUS:
    case JourneyLexer::MINUS: case JourneyLexer::STAR: case JourneyLexer::SLASH:
    case JourneyLexer::MOD: case JourneyLexer::IN: case JourneyLexer::QUESTION:
      return true;
    default:
      return false;
  }
}

bool startsStep(size_t t) {
  switch (t) {
    case JourneyLexer::WAIT: case JourneyLexer::IF: case JourneyLexer::SPLIT:
    case JourneyLexer::SEND: case JourneyLexer::CALL: case JourneyLexer::SET:
    case JourneyLexer::LET: case JourneyLexer::EMIT: case JourneyLexer::GOTO:
    case JourneyLexer::END:
      return true;
    default:
      return false;
  }
}

bool startsClause(size_t t) {
  switch (t) {
    case JourneyLexer::ENTRY: case JourneyLexer::KEY: case JourneyLexer::REENTRY:
    case JourneyLexer::EXIT: case JourneyLexer::TIMEOUT: case JourneyLexer::TIMEZONE:
    case JourneyLexer::QUIET: case JourneyLexer::CAP:
      return true;
    default:
      return false;
  }
}

bool startsDeclaration(size_t t) {
  switch (t) {
    case JourneyLexer::IMPORT: case JourneyLexer::TYPE: case JourneyLexer::SCHEMA:
    case JourneyLexer::EVENT: case JourneyLexer::CHANNEL: case JourneyLexer::AUDIENCE:
    case JourneyLexer::ACTION: case JourneyLexer::CAP: case JourneyLexer::CONST:
    case JourneyLexer::FN: case JourneyLexer::JOURNEY: case JourneyLexer::TEST:
      return true;
    default:
      return false;
  }
}

std::string tokenKindName(size_t type) {
  if (type == antlr4::Token::EOF) return "EOF";
  std::string name = vocabulary().getSymbolicName(type);
  return name.empty() ? "?" : name;
}

std::string describeTokenType(size_t type) {
  switch (type) {
    case antlr4::Token::EOF: return "end of file";
    case JourneyLexer::NEWLINE: return "end of line";
    case JourneyLexer::IDENT: return "a name";
    case JourneyLexer::QUOTED_IDENT: return "a name in backquotes";
    case JourneyLexer::INT: return "an integer";
    case JourneyLexer::UINT: return "an unsigned integer";
    case JourneyLexer::FLOAT: return "a number";
    case JourneyLexer::DURATION: return "a duration";
    case JourneyLexer::STRING: return "a string";
    case JourneyLexer::BYTES: return "a bytes literal";
    case JourneyLexer::BAD_NUMBER: return "a number";
    default: break;
  }
  // Keywords and punctuation have a literal spelling: 'wait' -> `wait`.
  std::string literal = vocabulary().getLiteralName(type);
  if (literal.size() >= 2 && literal.front() == '\'' && literal.back() == '\'') {
    return "`" + literal.substr(1, literal.size() - 2) + "`";
  }
  return tokenKindName(type);
}

std::string keywordSpelling(size_t type) {
  std::string shown = describeTokenType(type);  // "`retain`"
  if (shown.size() < 3 || shown.front() != '`') return "";
  std::string word = shown.substr(1, shown.size() - 2);
  bool letters = std::all_of(word.begin(), word.end(), [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_';
  });
  return letters ? word : "";
}

const std::vector<size_t>& keywordTypes() {
  static const std::vector<size_t> types = [] {
    std::vector<size_t> out;
    for (size_t type = 1; type <= vocabulary().getMaxTokenType(); ++type) {
      if (!keywordSpelling(type).empty()) out.push_back(type);
    }
    return out;
  }();
  return types;
}

}  // namespace journey::syntax
