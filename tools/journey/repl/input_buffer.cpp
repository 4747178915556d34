#include "tools/journey/repl/input_buffer.h"

#include <cctype>
#include <vector>

namespace journey::repl {

namespace {

bool isWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Whether the quote at `i` starts a raw string: `r"…"`, `R'…'`, `br"…"`, `rb"…"`.
bool rawPrefix(std::string_view text, size_t i) {
  size_t start = i;
  while (start > 0 && isWordChar(text[start - 1])) --start;
  std::string_view prefix = text.substr(start, i - start);
  return prefix.size() <= 2 && prefix.find_first_of("rR") != std::string_view::npos &&
         prefix.find_first_not_of("rRbB") == std::string_view::npos;
}

// The operator that `text` ends with at `last`, its last character outside comments, when a
// file's statement would go on after it (`a +`, `let x =`, `a in`); none otherwise.
std::optional<OpenPart> trailingOperator(std::string_view text, size_t last) {
  if (last == std::string_view::npos) return std::nullopt;
  std::string_view upTo = text.substr(0, last + 1);
  for (std::string_view op : {"&&", "||", "==", "!=", "<=", ">="}) {
    if (upTo.ends_with(op)) {
      return OpenPart{last + 1 - op.size(), "`" + std::string(op) + "`", true};
    }
  }
  if (std::string_view("+-*/%<>=!,.:?").find(text[last]) != std::string_view::npos) {
    return OpenPart{last, "`" + std::string(1, text[last]) + "`", true};
  }
  if (upTo.ends_with("in") && (last < 2 || !isWordChar(text[last - 2]))) {
    return OpenPart{last - 1, "`in`", true};
  }
  return std::nullopt;
}

}  // namespace

std::optional<OpenPart> openPart(std::string_view text) {
  std::vector<OpenPart> brackets;  // open, innermost last
  size_t last = std::string_view::npos;  // the last character outside comments and blanks
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      size_t eol = text.find('\n', i);
      if (eol == std::string_view::npos) break;
      i = eol + 1;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      size_t end = text.find("*/", i + 2);
      if (end == std::string_view::npos) return OpenPart{i, "a block comment"};
      i = end + 2;
    } else if (c == '"' || c == '\'') {
      bool raw = rawPrefix(text, i);
      bool triple = text.substr(i, 3) == std::string(3, c);
      std::string_view close = triple ? text.substr(i, 3) : text.substr(i, 1);
      size_t j = i + close.size();
      while (j < text.size()) {
        if (!raw && text[j] == '\\') {
          j += 2;
        } else if (text.substr(j, close.size()) == close) {
          break;
        } else if (!triple && text[j] == '\n') {
          break;  // the string ends with its line; the parser reports it
        } else {
          ++j;
        }
      }
      if (j >= text.size()) {
        if (triple) return OpenPart{i, "a string in triple quotes"};
        return std::nullopt;
      }
      i = j + close.size();
      last = i - 1;
    } else {
      if (!std::isspace(static_cast<unsigned char>(c))) last = i;
      if (c == '(' || c == '[' || c == '{') brackets.push_back({i, "`" + std::string(1, c) + "`"});
      if (c == ')' || c == ']' || c == '}') {
        // A closer that matches no open bracket ends the input: the parser says what is
        // wrong, rather than every later line joining an input that cannot be right.
        char opener = c == ')' ? '(' : c == ']' ? '[' : '{';
        if (brackets.empty() || text[brackets.back().offset] != opener) return std::nullopt;
        brackets.pop_back();
      }
      ++i;
    }
  }
  if (brackets.empty()) return trailingOperator(text, last);
  return brackets.back();
}

bool leavesOpen(std::string_view text) { return openPart(text).has_value(); }

void InputBuffer::add(std::string_view line) {
  text_ += line;
  text_ += '\n';
}

std::string InputBuffer::take() {
  std::string text = std::move(text_);
  text_.clear();
  if (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

}  // namespace journey::repl
