#include "compiler/syntax/token_filter.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

#include <antlr4-runtime.h>

#include "JourneyLexer.h"
#include "compiler/artifact/artifact_format.h"
#include "compiler/syntax/literals.h"
#include "compiler/syntax/scanner.h"
#include "compiler/syntax/token_kinds.h"

namespace journey::syntax {

using grammar::JourneyLexer;

namespace {

// A token after which a newline never ends a statement.
bool continuesOnNextLine(size_t type) {
  switch (type) {
    case JourneyLexer::DOT: case JourneyLexer::COMMA: case JourneyLexer::QUESTION:
    case JourneyLexer::COLON: case JourneyLexer::LPAREN: case JourneyLexer::LBRACKET:
    case JourneyLexer::LBRACE: case JourneyLexer::SEMI: case JourneyLexer::NEWLINE:
    case JourneyLexer::EQ: case JourneyLexer::NE: case JourneyLexer::LE: case JourneyLexer::GE:
    case JourneyLexer::LT: case JourneyLexer::GT: case JourneyLexer::AND: case JourneyLexer::OR:
    case JourneyLexer::NOT: case JourneyLexer::PLUS: case JourneyLexer::MINUS:
    case JourneyLexer::STAR: case JourneyLexer::SLASH: case JourneyLexer::MOD:
    case JourneyLexer::IN: case JourneyLexer::ASSIGN:
      return true;
    default:
      return false;
  }
}

// A token before which a newline is never needed.
bool absorbsNewlineBefore(size_t type) {
  switch (type) {
    case JourneyLexer::RBRACE: case JourneyLexer::RPAREN: case JourneyLexer::RBRACKET:
    case JourneyLexer::COMMA: case JourneyLexer::ELSE: case antlr4::Token::EOF:
      return true;
    default:
      return false;
  }
}

bool isOpener(size_t t) {
  return t == JourneyLexer::LPAREN || t == JourneyLexer::LBRACKET || t == JourneyLexer::LBRACE;
}
bool isCloser(size_t t) {
  return t == JourneyLexer::RPAREN || t == JourneyLexer::RBRACKET || t == JourneyLexer::RBRACE;
}
size_t openerOf(size_t closer) {
  if (closer == JourneyLexer::RPAREN) return JourneyLexer::LPAREN;
  if (closer == JourneyLexer::RBRACKET) return JourneyLexer::LBRACKET;
  return JourneyLexer::LBRACE;
}

// Helpful words for characters people type from other languages.
const char* hintFor(char32_t c) {
  switch (c) {
    case '#': return "comments start with `//`";
    case '&': return "the logical and is written `&&`";
    case '|': return "the logical or is written `||`";
    case '`': return "strings are written in single or double quotes";
    case '@': case '$': return "names are made of letters, digits and `_`";
    // What editors and word processors put in place of ASCII.
    case U'\u201C': case U'\u201D': case U'\u201E':
      return "write a straight quote `\"`: this one is typographic (an editor's \"smart quotes\")";
    case U'\u2018': case U'\u2019':
      return "write a straight quote `'` or `\"`: this one is typographic";
    case U'\u2013': case U'\u2014': case U'\u2212':
      return "write a minus `-`, or `to` between the hours of `quiet hours`";
    case U'\u00A0': return "a non-breaking space: write a plain space";
    case U'\u2260': return "write `!=`";
    case U'\u2264': return "write `<=`";
    case U'\u2265': return "write `>=`";
    case U'\u00D7': return "write `*`";
    default: return nullptr;
  }
}

// `string | null`, TypeScript's optional type: CEL's is `string?`. The help, when `|` at `at` is
// followed by `null`.
std::optional<std::string> optionalTypeHint(std::string_view source, SourceRange at) {
  auto word = [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_'; };
  size_t after = at.end;
  while (after < source.size() && source[after] == ' ') ++after;
  if (source.substr(after, 4) != "null" ||
      (after + 4 < source.size() && word(source[after + 4]))) {
    return std::nullopt;
  }
  size_t end = at.begin;
  while (end > 0 && source[end - 1] == ' ') --end;
  size_t begin = end;
  while (begin > 0 && word(source[begin - 1])) --begin;
  std::string type = begin < end ? std::string(source.substr(begin, end - begin)) : "T";
  return "a type that may be absent is written with `?`: `" + type + "?`";
}

// The token is valid UTF-8 (SourceText saw to it).
char32_t firstCodePoint(std::string_view s) {
  if (s.empty()) return U'?';
  auto b = [&](size_t i) { return i < s.size() ? static_cast<unsigned char>(s[i]) & 0x3Fu : 0u; };
  unsigned char c = static_cast<unsigned char>(s[0]);
  if (c < 0x80) return c;
  if (c < 0xE0) return ((c & 0x1Fu) << 6) | b(1);
  if (c < 0xF0) return ((c & 0x0Fu) << 12) | (b(1) << 6) | b(2);
  return ((c & 0x07u) << 18) | (b(1) << 12) | (b(2) << 6) | b(3);
}

std::string codePointText(char32_t c) {
  if (c >= 0x21 && c < 0x7F) return "`" + std::string(1, static_cast<char>(c)) + "`";
  char buf[16];
  snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}


// `9pm`, `11:30am` read as a number with a unit: the same time on the 24-hour clock (`21:00`).
std::optional<std::string> twentyFourHour(std::string_view word) {
  bool pm = word.ends_with("pm") || word.ends_with("PM");
  if (!pm && !word.ends_with("am") && !word.ends_with("AM")) return std::nullopt;
  word.remove_suffix(2);
  int hour = 0;
  size_t i = 0;
  for (; i < word.size() && i < 2 && word[i] >= '0' && word[i] <= '9'; ++i) {
    hour = hour * 10 + (word[i] - '0');
  }
  if (i == 0 || hour < 1 || hour > 12 || i != word.size()) return std::nullopt;
  std::string hours = std::to_string(hour % 12 + (pm ? 12 : 0));
  return (hours.size() == 1 ? "0" : "") + hours + ":00";
}

// The end of an RFC 3339 time written at `at` without quotes (`2026-03-01T10:00:00Z`), which the
// lexer reads as numbers and bad numbers; none when `at` starts no such time.
std::optional<size_t> bareTimestampEnd(std::string_view s, size_t at) {
  size_t i = at;
  auto digits = [&](size_t n) {
    for (size_t k = 0; k < n; ++k, ++i) {
      if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    }
    return true;
  };
  auto one = [&](std::string_view of) {
    if (i >= s.size() || of.find(s[i]) == std::string_view::npos) return false;
    ++i;
    return true;
  };
  if (!(digits(4) && one("-") && digits(2) && one("-") && digits(2) && one("Tt") && digits(2) &&
        one(":") && digits(2))) {
    return std::nullopt;
  }
  if (one(":")) {
    if (!digits(2)) return std::nullopt;
    if (one(".") && !digits(1)) return std::nullopt;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  }
  if (!one("Zz") && one("+-") && !(digits(2) && one(":") && digits(2))) return std::nullopt;
  return i;
}

}  // namespace

TokenizedFile::~TokenizedFile() = default;

TokenizedFile::TokenizedFile(const SourceText& text, FilterMode mode, DiagnosticSink* diags,
                             LexerKind lexerKind) {
  std::unique_ptr<Scanner> scanner;
  if (lexerKind == LexerKind::Antlr) {
    input_ = std::make_unique<antlr4::ANTLRInputStream>(text.text());
    lexer_ = std::make_unique<JourneyLexer>(input_.get());
    lexer_->removeErrorListeners();
  } else {
    scanner = std::make_unique<Scanner>(text.text());
  }

  auto report = [&](DiagKind kind, SourceRange range, std::string message) -> Diagnostic* {
    if (diags == nullptr) return nullptr;
    return &diags->report(kind, range, std::move(message));
  };
  auto markProblem = [&] {
    if (problemTokens_.empty() || problemTokens_.back() != owned_.size()) {
      problemTokens_.push_back(owned_.size());
    }
  };

  if (text.firstInvalidByte() != UINT32_MAX) {
    uint32_t at = text.firstInvalidByte();
    Diagnostic* d = report(DiagKind::InvalidUtf8, SourceRange{text.file(), at, at + 1},
                           "this file is not valid UTF-8 (first invalid byte here)");
    // The artifact's magic, its first byte (0x89, invalid here) replaced.
    if (at == 0 && std::string_view(text.text()).substr(1).starts_with(artifact::kMagic.substr(1))) {
      refused_ = true;  // its bytes would be errors by the thousand: this one says it all
      if (d != nullptr) {
        d->notes.push_back("it is a compiled artifact (.jart): `journey run` runs it and "
                           "`journey inspect` describes it");
      }
    }
  }
  // Binary or mangled text would otherwise give an error per byte, each printing its line.
  constexpr size_t kUnexpectedCharactersShown = 20;
  size_t unexpectedCharacters = 0;
  size_t bareTimeEnd = 0;  // the end of a time without quotes already reported

  struct Frame {
    size_t type;
    size_t tokenIndex;
    uint32_t ternaries = 0;
  };
  std::vector<Frame> stack;
  uint32_t baseTernaries = 0;  // conditionals open outside any bracket
  uint32_t totalTernaries = 0;
  uint32_t typeArguments = 0;  // `<` after a name not yet closed by `>`, in this statement
  std::unique_ptr<antlr4::Token> pendingNewline;     // may end the statement before the next token
  std::unique_ptr<antlr4::Token> newlineInBrackets;  // dropped inside `(` or `[`, kept for recovery
  size_t rawCount = 0;

  auto lastType = [&]() -> size_t {
    return owned_.empty() ? antlr4::Token::INVALID_TYPE : owned_.back()->getType();
  };
  auto insideParens = [&] {
    return !stack.empty() && stack.back().type != JourneyLexer::LBRACE;
  };
  auto resetTernaries = [&] {
    uint32_t& t = stack.empty() ? baseTernaries : stack.back().ternaries;
    totalTernaries -= t;
    t = 0;
  };
  size_t forcedPartner = SIZE_MAX;  // the parenthesis a forced newline leaves unclosed
  auto emit = [&](std::unique_ptr<antlr4::Token> token) {
    size_t type = token->getType();
    if (auto* w = dynamic_cast<antlr4::WritableToken*>(token.get())) w->setTokenIndex(owned_.size());
    size_t partner = type == JourneyLexer::NEWLINE ? forcedPartner : SIZE_MAX;
    forcedPartner = SIZE_MAX;
    if (isCloser(type)) {
      size_t opener = openerOf(type);
      auto it = std::find_if(stack.rbegin(), stack.rend(),
                             [&](const Frame& f) { return f.type == opener; });
      if (it != stack.rend()) {
        partner = it->tokenIndex;
        // Pops the matching bracket and any unclosed ones inside it.
        size_t keep = static_cast<size_t>(stack.rend() - it) - 1;
        while (stack.size() > keep) {
          totalTernaries -= stack.back().ternaries;
          stack.pop_back();
        }
      }
    }
    levels_.push_back(static_cast<uint32_t>(stack.size()));
    partners_.push_back(partner);
    if (type == JourneyLexer::QUESTION && endsOperand(lastType())) {
      ++(stack.empty() ? baseTernaries : stack.back().ternaries);
      ++totalTernaries;
    } else if (type == JourneyLexer::COMMA || type == JourneyLexer::NEWLINE ||
               type == JourneyLexer::SEMI) {
      resetTernaries();
    }
    if (isOpener(type)) stack.push_back(Frame{type, owned_.size()});
    size_t before = lastType();
    if (type == JourneyLexer::LT && (before == JourneyLexer::IDENT ||
                                     before == JourneyLexer::QUOTED_IDENT ||
                                     isContextualKeyword(before))) {
      ++typeArguments;
    } else if (type == JourneyLexer::GT && typeArguments > 0) {
      --typeArguments;
    } else if (type == JourneyLexer::NEWLINE || type == JourneyLexer::SEMI ||
               type == JourneyLexer::AND || type == JourneyLexer::OR) {
      typeArguments = 0;  // no type goes on past these
    }
    view_.push_back(token.get());
    owned_.push_back(std::move(token));
    if (stack.size() + totalTernaries > kMaxNesting && !refused_) {
      refused_ = true;
      report(DiagKind::NestingTooDeep, text.range(view_.back()),
             "this is nested too deeply (more than " + std::to_string(kMaxNesting) +
                 " levels of brackets and conditionals)");
    }
    if (typeArguments > kMaxTypeArguments && !refused_) {
      refused_ = true;
      report(DiagKind::NestingTooDeep, text.range(view_.back()),
             "this type is nested too deeply (more than " + std::to_string(kMaxTypeArguments) +
                 " levels of type arguments)");
    }
  };

  while (true) {
    std::unique_ptr<antlr4::Token> token = scanner ? scanner->next() : lexer_->nextToken();
    size_t type = token->getType();
    if (++rawCount > kMaxTokens && type != antlr4::Token::EOF && !refused_) {
      refused_ = true;
      report(DiagKind::InputTooLarge, text.range(token.get()),
             "this file has more than " + std::to_string(kMaxTokens) + " tokens");
    }
    if (refused_ && type != antlr4::Token::EOF) continue;
    SourceRange range = text.range(token.get());

    switch (type) {
      case JourneyLexer::BLOCK_COMMENT: {
        std::string_view body = text.slice(range);
        if (body.size() < 4 || body.substr(body.size() - 2) != "*/") {
          markProblem();
          report(DiagKind::UnclosedComment, SourceRange{range.file, range.begin, range.begin + 2},
                 "unclosed block comment");
        }
        continue;
      }
      case JourneyLexer::ERROR_CHAR: {
        markProblem();
        if (text.replaced(range.begin)) continue;  // invalid UTF-8, reported once above
        if (++unexpectedCharacters > kUnexpectedCharactersShown) continue;
        char32_t c = firstCodePoint(text.slice(range));
        Diagnostic* d = report(DiagKind::UnexpectedCharacter, range,
                               "unexpected character " + codePointText(c));
        if (d != nullptr) {
          if (std::optional<std::string> optional = optionalTypeHint(text.text(), range)) {
            d->helps.push_back(*optional);
          } else if (const char* hint = hintFor(c)) {
            d->helps.push_back(hint);
          }
          if (unexpectedCharacters == kUnexpectedCharactersShown) {
            d->notes.push_back("the " + std::to_string(kUnexpectedCharactersShown) +
                               "th in this file: any more are not reported");
          }
        }
        continue;
      }
      case JourneyLexer::STRING:
      case JourneyLexer::BYTES: {
        QuotedLiteral q = analyzeQuoted(text.slice(range));
        if (q.closeLength == 0) {
          markProblem();
          Diagnostic* d = report(DiagKind::UnclosedString,
                                 SourceRange{range.file, range.begin, range.begin + q.openLength},
                                 q.bytes ? "unclosed bytes literal" : "unclosed string literal");
          if (d != nullptr) {
            d->label = "the string starts here";
            // `"welcome”`: closed, to the eye, by a typographic quote.
            std::string_view body = text.slice(range);
            for (std::string_view curly : {"\u201D", "\u201C"}) {
              if (body.find(curly) == std::string_view::npos) continue;
              d->helps.push_back("close it with a straight quote: `" + std::string(curly) +
                                 "` is typographic");
              break;
            }
          }
        }
        break;
      }
      case JourneyLexer::BAD_NUMBER: {
        markProblem();
        if (range.begin < bareTimeEnd) break;  // inside a time already reported
        // `at 2026-03-01T10:00:00Z`: a time without its quotes, reported once as a whole.
        std::string_view source = text.text();
        size_t lineStart = source.rfind('\n', range.begin);
        lineStart = lineStart == std::string_view::npos ? 0 : lineStart + 1;
        std::optional<size_t> timeEnd;  // of a time that starts before this token, covering it
        size_t timeStart = lineStart;
        for (; timeStart < range.begin; ++timeStart) {
          timeEnd = bareTimestampEnd(source, timeStart);
          if (timeEnd && *timeEnd > range.begin) break;
          timeEnd.reset();
        }
        if (timeEnd) {
          SourceRange whole{range.file, static_cast<uint32_t>(timeStart),
                            static_cast<uint32_t>(*timeEnd)};
          bareTimeEnd = *timeEnd;
          std::string time(text.slice(whole));
          Diagnostic* d = report(DiagKind::InvalidNumber, whole, "a time is not a number");
          if (d != nullptr) {
            d->helps.push_back("write it in quotes: `\"" + time + "\"` in a test, `timestamp(\"" +
                               time + "\")` in an expression");
          }
          break;
        }
        std::string word(text.slice(range));
        Diagnostic* d = report(DiagKind::InvalidNumber, range, "invalid number `" + word + "`");
        if (d != nullptr) {
          if (word.size() > 1 && (word[1] == 'x' || word[1] == 'X')) {
            d->helps.push_back("a hexadecimal number is written `0x` followed by digits 0-9, a-f");
          } else if (std::optional<std::string> time = twentyFourHour(word)) {
            d->helps.push_back("times of day are written on the 24-hour clock: `" + *time + "`");
          } else {
            d->helps.push_back("durations use the units `ns`, `us`, `ms`, `s`, `m`, `h`, `d` and "
                               "`w`, as in `90s` or `1h30m`");
          }
        }
        break;
      }
      default:
        break;
    }

    if (type == JourneyLexer::NEWLINE) {
      if (mode == FilterMode::Expression || pendingNewline) continue;
      if (insideParens()) {
        if (!newlineInBrackets) newlineInBrackets = std::move(token);
        continue;
      }
      if (owned_.empty() || continuesOnNextLine(lastType())) continue;
      pendingNewline = std::move(token);
      continue;
    }

    if (pendingNewline) {
      if (!absorbsNewlineBefore(type)) emit(std::move(pendingNewline));
      pendingNewline.reset();
    }
    if (newlineInBrackets) {
      // `f(a` then a new line starting with a word, or with a keyword that starts a statement:
      // the `(` was most likely never closed. Close the open parentheses here so the error is
      // reported on this line and the next statement parses on its own.
      bool operandThenWord = endsOperand(lastType()) && startsWord(type);
      bool statementKeyword = lastType() != JourneyLexer::DOT &&
                              (type == JourneyLexer::IF || type == JourneyLexer::LET ||
                               type == JourneyLexer::CONST || type == JourneyLexer::IMPORT);
      if (insideParens() && (operandThenWord || statementKeyword)) {
        forcedPartner = stack.back().tokenIndex;
        while (insideParens()) {
          totalTernaries -= stack.back().ternaries;
          stack.pop_back();
        }
        emit(std::move(newlineInBrackets));
      }
      newlineInBrackets.reset();
    }
    bool isEof = type == antlr4::Token::EOF;
    emit(std::move(token));
    if (isEof) break;
  }

  for (const Frame& f : stack) unclosed_.push_back(OpenBracket{f.type, f.tokenIndex});
}

std::vector<std::unique_ptr<antlr4::Token>> TokenizedFile::takeTokens() { return std::move(owned_); }

bool TokenizedFile::lexicalProblemBetween(size_t first, size_t last) const {
  auto it = std::lower_bound(problemTokens_.begin(), problemTokens_.end(), first);
  return it != problemTokens_.end() && *it <= last;
}

std::string rawTokenListing(std::string_view original, LexerKind lexerKind) {
  SourceText text(0, original);
  std::unique_ptr<antlr4::ANTLRInputStream> input;
  std::unique_ptr<JourneyLexer> lexer;
  std::unique_ptr<Scanner> scanner;
  if (lexerKind == LexerKind::Antlr) {
    input = std::make_unique<antlr4::ANTLRInputStream>(text.text());
    lexer = std::make_unique<JourneyLexer>(input.get());
    lexer->removeErrorListeners();
  } else {
    scanner = std::make_unique<Scanner>(text.text());
  }
  std::string out;
  while (true) {
    std::unique_ptr<antlr4::Token> t = scanner ? scanner->next() : lexer->nextToken();
    out += tokenKindName(t->getType()) + " " + std::to_string(t->getStartIndex()) + " " +
           std::to_string(t->getStopIndex()) + " " + std::to_string(t->getChannel()) + "\n";
    if (t->getType() == antlr4::Token::EOF) break;
  }
  return out;
}

std::string describeTokens(const SourceText& text, const SourceManager& sources,
                           const TokenizedFile& tokens) {
  std::string out;
  for (const antlr4::Token* t : tokens.tokens()) {
    SourceRange r = text.range(t);
    LineCol lc = sources.lineCol(text.file(), r.begin);
    out += std::to_string(lc.line) + ":" + std::to_string(lc.column) + " ";
    out += tokenKindName(t->getType());
    out += " '";
    for (char c : text.slice(r)) {
      switch (c) {
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\\': out += "\\\\"; break;
        case '\'': out += "\\'"; break;
        default: out += c;
      }
    }
    out += "'\n";
  }
  return out;
}

}  // namespace journey::syntax
