// The REPL's `:commands`: each parses its own arguments and acts on the session.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tools/journey/repl/session.h"

namespace journey::repl {

enum class Outcome { Ok, Failed, Quit };

// `input` starts with `:`.
Outcome runCommand(Session& session, std::string_view input);

// Whether a command is whole at the end of its first line, brackets or comments open or not:
// one whose arguments are words (`:load w/*.journey`, `:profile p(1`). A JSON object or an
// expression (`:set {…}`, `:type …`) goes on over lines as other inputs do.
bool commandEndsWithItsLine(std::string_view input);

// `:help`, `:quit`, `:advance `…: for completion, with a space after those that take an
// argument, so that it can be typed next.
std::vector<std::string> commandNames();

}  // namespace journey::repl
