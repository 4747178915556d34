// Where the REPL's lines come from: libedit on a terminal (prompts, line editing, history kept
// in a file between sessions, tab completion, Ctrl-C cancels the input, Ctrl-D quits), or plain
// lines from a pipe or a script file (no prompt, no editing).
#pragma once

#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tools/journey/repl/bounded_line.h"

namespace journey::repl {

// Completing the word before the cursor: it starts at `wordStart` of the text before the
// cursor, and each candidate is a whole word that could stand there.
struct Completion {
  size_t wordStart = 0;
  std::vector<std::string> candidates;
};
using Completer = std::function<Completion(std::string_view beforeCursor)>;

class LineSource {
 public:
  virtual ~LineSource() = default;
  enum class Status { Line, Interrupted, End };
  struct Read {
    Status status = Status::End;
    std::string line;
    std::string failure;  // End: why the input ended before its end (a line too long)
  };
  // The next line; `continuing` when it goes on an input begun on earlier lines.
  virtual Read read(bool continuing) = 0;
  // A complete input, for the history.
  virtual void remember(const std::string& input) { (void)input; }
};

// Lines of `in` up to `maxLine` bytes (the bound is for tests): a longer one ends the input,
// with a failure that names its line.
std::unique_ptr<LineSource> makeStreamSource(std::istream& in, size_t maxLine = kMaxInputLine);

// `historyPath` empty: no history file.
std::unique_ptr<LineSource> makeTerminalSource(Completer completer, std::string historyPath);

// Where the history is kept: $JOURNEY_HISTORY, else $XDG_STATE_HOME/journey/history, else
// ~/.local/state/journey/history ("" when none of these can be named).
std::string historyFilePath();

// Whether Ctrl-C was pressed in a terminal session since the last read or the last call, which
// clears it: a long command checks it to stop early.
bool takeInterrupt();

// The longest common prefix of the candidates.
std::string commonPrefix(const std::vector<std::string>& words);

}  // namespace journey::repl
