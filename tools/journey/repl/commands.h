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

// `:help`, `:quit`, …: for completion.
std::vector<std::string> commandNames();

}  // namespace journey::repl
