// Printing a front end's diagnostics on stderr, shared by every verb that compiles.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "compiler/driver/frontend.h"

namespace journey::cli {

// `--color auto|always|never` (auto: when stderr is a terminal and NO_COLOR is unset).
void addColorOption(CLI::App& cmd, std::string& color);

// Whether diagnostics on stderr are coloured, for a `--color` value.
bool colorOnStderr(const std::string& color);

// Renders every diagnostic, then a summary line when there were any. Returns the exit code:
// 1 when there were errors, else 0.
int printDiagnostics(const Frontend& fe, const std::string& color);

// Parses and checks the program the files make, and prints its diagnostics (warnings too).
// False when it has errors.
bool loadCheckedProgram(Frontend& fe, const std::vector<std::string>& files, const std::string& color);

}  // namespace journey::cli
