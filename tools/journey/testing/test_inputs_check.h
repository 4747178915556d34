// `journey check` of a program's tests: each input (`profile {…}`, `at … event E {…}`,
// `at … set {…}`) read as `journey test` would read it, so that data that does not fit the
// schema is an error of the program (E0507) before any test runs. What depends on the profile
// as the run has it then (a `set` that leaves a required field absent, perhaps given by a
// journey's own `set` before) is left to the run.
#pragma once

#include "compiler/driver/frontend.h"

namespace journey::cli {

// Reports each test input the runtime would refuse; `fe` must have checked without errors.
void checkTestInputs(Frontend& fe);

}  // namespace journey::cli
