// Where the REPL writes: results on stdout; errors, notes, warnings and diagnostics on
// stderr, with stdout flushed first so that a transcript of both reads in order.
#pragma once

#include <string_view>

namespace journey::repl {

class Console {
 public:
  explicit Console(bool color) : color_(color) {}
  bool color() const { return color_; }

  // A result: the text and a newline.
  void print(std::string_view text);
  void error(std::string_view message);    // `error: MESSAGE`
  void warning(std::string_view message);  // `warning: MESSAGE`
  void note(std::string_view message);     // `note: MESSAGE`
  // Diagnostics rendered by the compiler, written as they are.
  void diagnostics(std::string_view rendered);

 private:
  void toStderr(std::string_view label, std::string_view message);
  bool color_;
};

}  // namespace journey::repl
