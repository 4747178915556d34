// A misspelt keyword where the parser expected none: after a complete statement
// (`event E retian 30d`, `entry on E as e whne …`) it has left the statement, so its expected
// set cannot say which keyword would have fitted. Parsing the file again with the word read as
// each keyword it is close to can: the keyword that lets the statement parse is the guess.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include <antlr4-runtime.h>

namespace journey::syntax {

// One file's guesses, made as its errors are reported in order.
class KeywordGuesser {
 public:
  // The keyword type that the word at `wordIndex` of `tokens` (the whole file's) is close to
  // and that lets the file parse past the word's statement; nothing when no close keyword does.
  // The parse starts at the word's declaration (`levels`: each token's bracket nesting,
  // TokenizedFile::levels), reads earlier guesses as their keywords and leaves out the lines of
  // the other earlier errors, which would otherwise stop it first.
  std::optional<size_t> guess(antlr4::BufferedTokenStream& tokens,
                              const std::vector<uint32_t>& levels, size_t wordIndex,
                              std::string_view word);
  // An error at token `index` that no guess fixes: later parses leave its line out.
  void leaveOut(size_t index) { leftOut_.push_back(index); }

 private:
  struct Retype {
    size_t index;
    size_t type;
  };
  std::vector<Retype> guessed_;
  std::vector<size_t> leftOut_;
  int parsesLeft_ = 8;  // each try parses the file again: enough for a file of typos
};

}  // namespace journey::syntax
