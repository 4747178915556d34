#include "compiler/syntax/scanner.h"

#include <string>
#include <unordered_map>

#include <antlr4-runtime.h>

#include "JourneyLexer.h"

namespace journey::syntax {

using L = grammar::JourneyLexer;

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isHex(char c) { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool isIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool isIdentPart(char c) { return isIdentStart(c) || isDigit(c); }

size_t utf8Length(char lead) {
  unsigned char c = static_cast<unsigned char>(lead);
  if (c < 0x80) return 1;
  if (c >= 0xF0) return 4;
  if (c >= 0xE0) return 3;
  if (c >= 0xC0) return 2;
  return 1;
}

// Keywords, read from the grammar's vocabulary: every token whose literal spelling is a word.
const std::unordered_map<std::string, size_t>& keywords() {
  static const std::unordered_map<std::string, size_t> table = [] {
    std::unordered_map<std::string, size_t> t;
    antlr4::ANTLRInputStream input("");
    L lexer(&input);
    const antlr4::dfa::Vocabulary& vocabulary = lexer.getVocabulary();
    for (size_t type = 1; type <= vocabulary.getMaxTokenType(); ++type) {
      std::string literal = vocabulary.getLiteralName(type);
      if (literal.size() < 3 || literal.front() != '\'' || literal.back() != '\'') continue;
      std::string word = literal.substr(1, literal.size() - 2);
      bool isWord = isIdentStart(word[0]);
      for (char c : word) isWord = isWord && isIdentPart(c);
      if (isWord) t.emplace(word, type);
    }
    return t;
  }();
  return table;
}

bool isStringPrefix(std::string_view w) {
  auto r = [](char c) { return c == 'r' || c == 'R'; };
  auto b = [](char c) { return c == 'b' || c == 'B'; };
  if (w.size() == 1) return r(w[0]) || b(w[0]);
  return w.size() == 2 && ((b(w[0]) && r(w[1])) || (r(w[0]) && b(w[1])));
}

}  // namespace

size_t Scanner::codePoints(size_t from, size_t to) const {
  size_t n = 0;
  for (size_t i = from; i < to; ++i) {
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

void Scanner::advance(size_t end) {
  // ANTLR's line count counts `\n` only.
  for (size_t i = pos_; i < end; ++i) {
    char c = text_[i];
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++cp_;
    if (c == '\n') {
      ++line_;
      lineStartCp_ = cp_;
    }
  }
  pos_ = end;
}

std::unique_ptr<antlr4::Token> Scanner::make(size_t type, size_t begin, size_t end, bool hidden) {
  size_t startCp = cp_;
  auto token = std::make_unique<antlr4::CommonToken>(
      std::pair<antlr4::TokenSource*, antlr4::CharStream*>(nullptr, nullptr), type,
      hidden ? antlr4::Token::HIDDEN_CHANNEL : antlr4::Token::DEFAULT_CHANNEL, startCp,
      startCp + codePoints(begin, end) - 1);
  token->setLine(line_);
  token->setCharPositionInLine(startCp - lineStartCp_);
  advance(end);
  return token;
}

// The number rules in the grammar's order: DURATION, UINT, FLOAT, INT, BAD_NUMBER. The longest
// match wins and, between equally long ones, the first rule.
size_t Scanner::number(size_t i, size_t& type) const {
  const size_t n = text_.size();
  auto at = [&](size_t k) { return k < n ? text_[k] : '\0'; };
  auto digits = [&](size_t k) {
    size_t j = k;
    while (j < n && isDigit(text_[j])) ++j;
    return j - k;
  };
  auto exponent = [&](size_t k) -> size_t {
    if (at(k) != 'e' && at(k) != 'E') return 0;
    size_t j = k + 1;
    if (at(j) == '+' || at(j) == '-') ++j;
    size_t d = digits(j);
    return d == 0 ? 0 : j + d - k;
  };
  size_t dec = digits(i);
  size_t hex = 0;
  if (at(i) == '0' && (at(i + 1) == 'x' || at(i + 1) == 'X') && isHex(at(i + 2))) {
    size_t j = i + 2;
    while (j < n && isHex(text_[j])) ++j;
    hex = j - i;
  }
  // DURATION: DIGIT+ UNIT (DIGIT+ UNIT)*; a two-letter unit is never worse than its first letter.
  size_t duration = 0;
  for (size_t p = i;;) {
    size_t d = digits(p);
    if (d == 0) break;
    size_t q = p + d;
    char u = at(q), v = at(q + 1);
    size_t unit = 0;
    if ((u == 'n' || u == 'u' || u == 'm') && v == 's') unit = 2;
    else if (u == 's' || u == 'm' || u == 'h' || u == 'd' || u == 'w') unit = 1;
    if (unit == 0) break;
    p = q + unit;
    duration = p - i;
  }
  size_t uint = 0;
  if (dec > 0 && (at(i + dec) == 'u' || at(i + dec) == 'U')) uint = dec + 1;
  if (hex > 0 && (at(i + hex) == 'u' || at(i + hex) == 'U')) uint = std::max(uint, hex + 1);
  size_t fp = 0;
  if (dec > 0 && at(i + dec) == '.' && isDigit(at(i + dec + 1))) {
    size_t frac = digits(i + dec + 1);
    fp = dec + 1 + frac + exponent(i + dec + 1 + frac);
  }
  if (dec > 0) {
    size_t e = exponent(i + dec);
    if (e > 0) fp = std::max(fp, dec + e);
  }
  size_t integer = std::max(dec, hex);
  size_t bad = 0;
  if (isDigit(at(i))) {
    size_t j = i + 1;
    while (j < n && isIdentPart(text_[j])) ++j;
    bad = j - i;
  }
  const std::pair<size_t, size_t> candidates[] = {
      {duration, L::DURATION}, {uint, L::UINT}, {fp, L::FLOAT}, {integer, L::INT}, {bad, L::BAD_NUMBER}};
  size_t best = 0;
  type = L::INT;
  for (const auto& [length, t] : candidates) {
    if (length > best) {
      best = length;
      type = t;
    }
  }
  return best;
}

// The end of a quoted literal whose quote is at `q` (prefix already passed). A triple quoted one
// that cannot match (a lone backslash at the very end) leaves `""` and the rest, as the lexer
// rules say.
size_t Scanner::quoted(size_t q, bool raw) const {
  const size_t n = text_.size();
  char quote = text_[q];
  bool triple = q + 2 < n && text_[q + 1] == quote && text_[q + 2] == quote;
  if (triple) {
    size_t j = q + 3;
    while (true) {
      if (j >= n) return n;  // unterminated: to the end of the file
      if (text_[j] == quote && j + 2 < n && text_[j + 1] == quote && text_[j + 2] == quote) return j + 3;
      if (!raw && text_[j] == '\\') {
        if (j + 1 >= n) break;  // `\` . cannot match: the triple rule fails
        j += 1 + utf8Length(text_[j + 1]);
      } else {
        j += utf8Length(text_[j]);
      }
    }
  }
  // One quote (also what is left when a triple quoted literal cannot match: `""` then more).
  size_t j = q + 1;
  while (j < n) {
    char c = text_[j];
    if (c == quote) return j + 1;
    if (c == '\n' || c == '\r') break;
    if (!raw && c == '\\') {
      if (j + 1 >= n || text_[j + 1] == '\n' || text_[j + 1] == '\r') break;
      j += 1 + utf8Length(text_[j + 1]);
    } else {
      j += utf8Length(c);
    }
  }
  return j;
}

std::unique_ptr<antlr4::Token> Scanner::next() {
  const size_t n = text_.size();
  while (pos_ < n) {
    size_t i = pos_;
    char c = text_[i];
    auto at = [&](size_t k) { return k < n ? text_[k] : '\0'; };

    // Skipped: white space (with U+FEFF) and line comments.
    if (c == ' ' || c == '\t' || c == '\f' || c == '\v' ||
        (c == '\xEF' && at(i + 1) == '\xBB' && at(i + 2) == '\xBF')) {
      size_t j = i;
      while (j < n) {
        char d = text_[j];
        if (d == ' ' || d == '\t' || d == '\f' || d == '\v') {
          ++j;
        } else if (d == '\xEF' && at(j + 1) == '\xBB' && at(j + 2) == '\xBF') {
          j += 3;
        } else {
          break;
        }
      }
      advance(j);
      continue;
    }
    if (c == '/' && at(i + 1) == '/') {
      size_t j = i + 2;
      while (j < n && text_[j] != '\n' && text_[j] != '\r') ++j;
      advance(j);
      continue;
    }
    if (c == '/' && at(i + 1) == '*') {
      size_t close = text_.find("*/", i + 2);
      return make(L::BLOCK_COMMENT, i, close == std::string_view::npos ? n : close + 2, true);
    }
    if (c == '\n') return make(L::NEWLINE, i, i + 1);
    if (c == '\r') return make(L::NEWLINE, i, at(i + 1) == '\n' ? i + 2 : i + 1);

    if (isIdentStart(c)) {
      size_t j = i + 1;
      while (j < n && isIdentPart(text_[j])) ++j;
      std::string_view word = text_.substr(i, j - i);
      if ((at(j) == '"' || at(j) == '\'') && isStringPrefix(word)) {
        bool raw = word.find_first_of("rR") != std::string_view::npos;
        bool bytes = word.find_first_of("bB") != std::string_view::npos;
        size_t type = bytes ? L::BYTES : L::STRING;
        return make(type, i, quoted(j, raw));
      }
      const auto& table = keywords();
      auto it = word.size() <= 11 ? table.find(std::string(word)) : table.end();
      size_t type = it != table.end() ? it->second : static_cast<size_t>(L::IDENT);
      return make(type, i, j);
    }
    if (isDigit(c) || (c == '.' && isDigit(at(i + 1)))) {
      if (c == '.') {
        size_t j = i + 1;
        while (j < n && isDigit(text_[j])) ++j;
        if (at(j) == 'e' || at(j) == 'E') {
          size_t k = j + 1;
          if (at(k) == '+' || at(k) == '-') ++k;
          if (isDigit(at(k))) {
            while (k < n && isDigit(text_[k])) ++k;
            j = k;
          }
        }
        return make(L::FLOAT, i, j);
      }
      size_t type = L::INT;
      size_t length = number(i, type);
      return make(type, i, i + length);
    }
    if (c == '"' || c == '\'') return make(L::STRING, i, quoted(i, false));
    if (c == '`') {
      size_t j = i + 1;
      while (j < n && text_[j] != '`' && text_[j] != '\n' && text_[j] != '\r') j += utf8Length(text_[j]);
      if (j > i + 1 && j < n && text_[j] == '`') return make(L::QUOTED_IDENT, i, j + 1);
      return make(L::ERROR_CHAR, i, i + 1);
    }

    char d = at(i + 1);
    switch (c) {
      case '(': return make(L::LPAREN, i, i + 1);
      case ')': return make(L::RPAREN, i, i + 1);
      case '[': return make(L::LBRACKET, i, i + 1);
      case ']': return make(L::RBRACKET, i, i + 1);
      case '{': return make(L::LBRACE, i, i + 1);
      case '}': return make(L::RBRACE, i, i + 1);
      case '.': return make(L::DOT, i, i + 1);
      case ',': return make(L::COMMA, i, i + 1);
      case ':': return make(L::COLON, i, i + 1);
      case ';': return make(L::SEMI, i, i + 1);
      case '?': return make(L::QUESTION, i, i + 1);
      case '+': return make(L::PLUS, i, i + 1);
      case '-': return make(L::MINUS, i, i + 1);
      case '*': return make(L::STAR, i, i + 1);
      case '/': return make(L::SLASH, i, i + 1);
      case '%': return make(L::MOD, i, i + 1);
      case '=': return d == '=' ? make(L::EQ, i, i + 2) : make(L::ASSIGN, i, i + 1);
      case '!': return d == '=' ? make(L::NE, i, i + 2) : make(L::NOT, i, i + 1);
      case '<': return d == '=' ? make(L::LE, i, i + 2) : make(L::LT, i, i + 1);
      case '>': return d == '=' ? make(L::GE, i, i + 2) : make(L::GT, i, i + 1);
      case '&': if (d == '&') return make(L::AND, i, i + 2); break;
      case '|': if (d == '|') return make(L::OR, i, i + 2); break;
      default: break;
    }
    return make(L::ERROR_CHAR, i, i + utf8Length(c));
  }
  auto eof = std::make_unique<antlr4::CommonToken>(
      std::pair<antlr4::TokenSource*, antlr4::CharStream*>(nullptr, nullptr), antlr4::Token::EOF,
      antlr4::Token::DEFAULT_CHANNEL, cp_, cp_ - 1);
  eof->setLine(line_);
  eof->setCharPositionInLine(cp_ - lineStartCp_);
  return eof;
}

}  // namespace journey::syntax
