#include "tools/journey/repl/input_kind.h"

#include <array>
#include <cctype>

namespace journey::repl {

namespace {

constexpr std::array<std::string_view, 10> kDeclarationKeywords = {
    "type", "schema", "event", "channel", "audience", "action", "cap", "const", "fn", "journey"};

// The leading word of `text` (letters, digits, `_`).
std::string_view leadingWord(std::string_view text) {
  size_t n = 0;
  while (n < text.size() && isNameChar(text[n])) ++n;
  return text.substr(0, n);
}

// Whether `word` starts `text` and is followed by white space and a name.
bool keywordThenName(std::string_view text, std::string_view word) {
  if (leadingWord(text) != word) return false;
  size_t i = word.size();
  if (i >= text.size() || !std::isspace(static_cast<unsigned char>(text[i]))) return false;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  return i < text.size() && isNameStart(text[i]);
}

}  // namespace

std::string_view afterLeadingComments(std::string_view text) {
  for (text = trimmed(text);; text = trimmed(text)) {
    if (text.starts_with("//")) {
      size_t eol = text.find('\n');
      text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    } else if (text.starts_with("/*")) {
      size_t end = text.find("*/", 2);
      if (end == std::string_view::npos) return text;  // left open: the parser says so
      text.remove_prefix(end + 2);
    } else {
      return text;
    }
  }
}

bool isNameStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool isNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string_view trimmed(std::string_view text) {
  size_t begin = 0, end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return text.substr(begin, end - begin);
}

InputKind classifyInput(std::string_view input) {
  std::string_view text = afterLeadingComments(input);
  if (text.empty()) return InputKind::Empty;
  if (text[0] == ':') return InputKind::Command;
  if (leadingWord(text) == "import" && text.size() > 6 && !isNameChar(text[6]) && text[6] != '(') {
    return InputKind::Import;
  }
  // `let` then anything: a binding, well formed or not (`let` is no name an expression has).
  if (leadingWord(text) == "let" &&
      (text.size() == 3 || std::isspace(static_cast<unsigned char>(text[3])))) {
    return InputKind::Let;
  }
  // `test "name" {…}`: a test declaration (`test` alone or `test.x` is an expression).
  if (leadingWord(text) == "test" && trimmed(text.substr(4)).starts_with('"')) return InputKind::Test;
  for (std::string_view keyword : kDeclarationKeywords) {
    if (keywordThenName(text, keyword)) return InputKind::Declaration;
  }
  return InputKind::Expression;
}

LetInput parseLet(std::string_view input) {
  std::string_view text = afterLeadingComments(input);
  LetInput let;
  text.remove_prefix(3);  // `let`
  text = trimmed(text);
  std::string_view name = leadingWord(text);
  text = trimmed(text.substr(name.size()));
  if (name.empty() || !isNameStart(name[0]) || text.empty() || text[0] != '=' ||
      text.substr(0, 2) == "==") {
    return let;
  }
  let.ok = true;
  let.name = name;
  let.expr = trimmed(text.substr(1));
  return let;
}

}  // namespace journey::repl
