// `:state`: what the REPL's simulation holds now, in words: the clock, each profile's audience
// memberships and active instances (where each waits and until when), held sends and the next
// schedule ticks.
#pragma once

#include <string>

#include "tools/journey/repl/session_runtime.h"

namespace journey::repl {

std::string describeState(SessionRuntime& run);

}  // namespace journey::repl
