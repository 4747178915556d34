// The lines of one REPL input. An input goes on over several lines while it leaves a
// parenthesis, bracket or brace open, a triple-quoted string or a block comment, or while its
// last line ends with an operator: a journey or a schema is typed as it is written in a file.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace journey::repl {

// What `text` ends inside of: an open bracket (the innermost), a triple-quoted string or a
// block comment, with where it opens; or, with nothing open, the operator it ends with, after
// which a statement in a file goes on to the next line (`a +`). A one-line string left open
// ends with its line (CEL strings cannot hold a newline): the input is complete and the parser
// says what is wrong.
struct OpenPart {
  size_t offset = 0;  // in the text
  std::string what;   // "`[`", "a block comment", "`+`"
  bool trailingOperator = false;
};
std::optional<OpenPart> openPart(std::string_view text);
bool leavesOpen(std::string_view text);

class InputBuffer {
 public:
  void add(std::string_view line);
  bool empty() const { return text_.empty(); }
  // Complete when nothing is left open (an empty buffer is complete).
  bool complete() const { return !leavesOpen(text_); }
  const std::string& text() const { return text_; }
  // The input without its last newline; the buffer is empty afterwards.
  std::string take();
  void clear() { text_.clear(); }

 private:
  std::string text_;
};

}  // namespace journey::repl
