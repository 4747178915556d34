// `journey check --emit ir|bytecode`: the lowered expressions of a checked program (audience
// rules, channel addresses and consents, journey conditions and values), each headed by what it
// is and where it was written.
#pragma once

#include <string>
#include <string_view>

#include "compiler/driver/frontend.h"

namespace journey::cli {

// `stage` is "ir" or "bytecode".
std::string emitProgramExpressions(const Frontend& fe, std::string_view stage);

}  // namespace journey::cli
