// Tab completion in the REPL: command names after `:`, a command's own arguments (stages,
// engines, event names, file names), record fields and methods after `.`, and otherwise the
// language's keywords, declared and bound names and function names.
#pragma once

#include <string_view>

#include "tools/journey/repl/line_source.h"
#include "tools/journey/repl/session.h"

namespace journey::repl {

Completion complete(Session& session, std::string_view beforeCursor);

}  // namespace journey::repl
