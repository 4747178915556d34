// Printing a front end's diagnostics on stderr, shared by every verb that compiles.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "compiler/diagnostics/warning_policy.h"
#include "compiler/driver/frontend.h"

namespace journey::cli {

// How a verb prints diagnostics: `--color`, `--diagnostic-format`, and what `--allow`/`--deny`
// do with warnings.
struct DiagnosticOptions {
  std::string color = "auto";
  std::string format = "text";  // or "json": one object per line (compiler/diagnostics/json_renderer.h)
  WarningPolicy warnings;
};

// `--color auto|always|never` (auto: when stderr is a terminal and NO_COLOR is unset).
void addColorOption(CLI::App& cmd, std::string& color);

// `--color`, `--diagnostic-format text|json`, `--allow CODE` and `--deny CODE|warnings` (each
// repeatable): for the verbs that check a program, and so may warn.
void addDiagnosticOptions(CLI::App& cmd, DiagnosticOptions& options);

// Whether diagnostics on stderr are coloured, for a `--color` value.
bool colorOnStderr(const std::string& color);

// Applies the warning policy, renders every diagnostic left, then (as text) a summary line
// when there were any. Returns the exit code: 1 when there were errors (denied warnings count), else 0.
int printDiagnostics(Frontend& fe, const DiagnosticOptions& options);

// Parses and checks the program the files make, and prints its diagnostics (warnings too).
// False when it has errors.
bool loadCheckedProgram(Frontend& fe, const std::vector<std::string>& files,
                        const DiagnosticOptions& options);

}  // namespace journey::cli
