// Runs one test of the language (`test "name" { ... }`) against the program: its inputs fed to
// a fresh runtime on a virtual clock (the REPL's SessionRuntime), then each expectation
// checked against every output record of the run (docs/testing-journeys.md).
#pragma once

#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/diagnostics/diagnostic.h"
#include "compiler/driver/frontend.h"

namespace journey::cli {

struct TestResult {
  std::vector<Diagnostic> failures;  // empty: passed
  size_t records = 0;                // output records the run wrote
};

class TestRunner {
 public:
  // `program` has been checked without errors; `engine` is "interp" or "jit".
  TestRunner(const Frontend& program, std::string engine);
  TestResult run(const ast::TestDecl& test) const;

 private:
  const Frontend& program_;
  std::string engine_;
};

}  // namespace journey::cli
