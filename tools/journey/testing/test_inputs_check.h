// `journey check` of a program's tests: each input (`profile {…}`, `at … event E {…}`,
// `at … set {…}`) read as `journey test` would read it, so that data that does not fit the
// schema is an error of the program (E0507) before any test runs.
#pragma once

#include "compiler/driver/frontend.h"

namespace journey::cli {

// Reports each test input the runtime would refuse; `fe` must have checked without errors.
void checkTestInputs(Frontend& fe);

}  // namespace journey::cli
