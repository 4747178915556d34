// What a command line does with warnings: `--allow CODE` leaves a warning out, `--deny CODE`
// makes it an error (the command then fails as for any error), `--deny warnings` every one.
// Errors cannot be allowed: a program with one has no meaning to run.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "compiler/diagnostics/diagnostic.h"

namespace journey {

struct WarningPolicy {
  std::set<std::string, std::less<>> allowed;  // codes, upper case: "W0104"
  std::set<std::string, std::less<>> denied;   // codes, or "warnings" for every warning
};

// Why `code` cannot be named by `--allow` (or by `--deny`, which also takes `warnings`), or ""
// when it can. The code is matched without regard to case.
std::string warningCodeProblem(std::string_view code, bool deny);

// Leaves the allowed warnings out of `sink` and makes the denied ones errors, each with a note
// naming the flag that did. `--allow` wins over `--deny` (`--deny warnings --allow W0102`: every
// warning an error but W0102, which is left out).
void applyWarningPolicy(DiagnosticSink& sink, const WarningPolicy& policy);

}  // namespace journey
