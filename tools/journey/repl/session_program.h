// The REPL session's program: the files loaded with `:load` and the declarations typed at the
// prompt, in the order they were given. Every change builds and checks the whole program
// afresh; a change that does not check is refused and the program stays as it was.
//
// A declaration whose name an earlier unit (file or input) already declares replaces that
// declaration: the earlier one is left out of the program, with a note. Within one unit a
// name declared twice is still the checker's error.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "compiler/driver/frontend.h"

namespace journey::repl {

class SessionProgram {
 public:
  SessionProgram();

  // What became of a change.
  struct Change {
    bool ok = false;
    std::string diagnostics;            // rendered: all errors, and the warnings of what is new
    std::vector<std::string> notes;     // declarations replaced
    std::vector<std::string> declared;  // what new inputs declare: `audience Gold`
    std::vector<std::string> loaded;    // load(): the files, each once, as first spelt
    std::vector<std::string> names;     // what the new units (files or inputs) declare: `Gold`
  };
  // `text` holds declarations typed at the prompt; `number` names it (`<repl N>`).
  Change addDeclarations(const std::string& text, int number);
  // Adds the files (a file already loaded, by any spelling of its path, moves to the end,
  // re-read; a file named twice is loaded once).
  Change load(const std::vector<std::string>& paths);
  // Reads every loaded file again; `names` holds only what they declare that was not declared
  // before.
  Change reload();

  const Frontend& frontend() const { return *fe_; }
  Frontend& frontend() { return *fe_; }
  std::vector<std::string> files() const;
  void setColor(bool color) { color_ = color; }

 private:
  struct Unit {
    bool isFile = false;
    std::string path;  // a file's path, or an input's name
    std::string text;  // an input's text
  };
  // Builds `units`, of which those from `firstNew` on are new; commits them when they check.
  Change build(std::vector<Unit> units, size_t firstNew);

  std::vector<Unit> units_;
  std::unique_ptr<Frontend> fe_;
  bool color_ = false;
};

}  // namespace journey::repl
