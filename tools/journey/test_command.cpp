// `journey test FILE… [--run REGEX] [--engine interp|jit]`: runs the tests written in the
// program's files (`test "name" { ... }`), each on a fresh runtime and virtual clock; prints
// `ok` or `FAIL` per test with each failure's expectation and records, then `N passed, M
// failed` (docs/testing-journeys.md).
#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "compiler/diagnostics/json_renderer.h"
#include "compiler/diagnostics/renderer.h"
#include "compiler/driver/frontend.h"
#include "tools/journey/commands.h"
#include "tools/journey/diagnostics_output.h"
#include "tools/journey/printable_text.h"
#include "tools/journey/testing/test_runner.h"

namespace journey::cli {
namespace {

struct TestOptions {
  std::vector<std::string> files;
  std::vector<std::string> run;  // a test runs when its name matches any of them
  std::string engine = "interp";
  DiagnosticOptions diagnostics;
};

int runTests(const TestOptions& opt) {
  std::unique_ptr<RE2> filter;
  std::string any;  // the expressions as one alternation, each checked alone for its message
  for (const std::string& pattern : opt.run) {
    RE2 alone(pattern, RE2::Quiet);
    if (!alone.ok()) {
      fmt::print(stderr, "error: --run: {}\n", alone.error());  // RE2 quotes the pattern
      return kUsage;
    }
    any += (any.empty() ? "(?:" : "|(?:") + pattern + ")";
  }
  if (!opt.run.empty()) filter = std::make_unique<RE2>(any, RE2::Quiet);
  Frontend fe;
  if (!loadCheckedProgram(fe, opt.files, opt.diagnostics)) return kInputErrors;

  TestRunner runner(fe, opt.engine);
  RenderOptions render{colorOnStderr(opt.diagnostics.color)};
  int passed = 0, failed = 0;
  for (const ast::Module& m : fe.ast.modules) {
    for (const ast::TestDecl& test : m.tests) {
      if (filter && !RE2::PartialMatch(test.name.text, *filter)) continue;
      TestResult result = runner.run(test);
      if (result.failures.empty()) {
        ++passed;
        fmt::print("ok    {}\n", printableText(test.name.text, Newlines::Escaped));
        continue;
      }
      ++failed;
      fmt::print("FAIL  {}\n", printableText(test.name.text, Newlines::Escaped));
      // The failures are the report, on stdout beside the `ok`/`FAIL` lines; with
      // `--diagnostic-format json` each is one JSON object per line there.
      for (const Diagnostic& d : result.failures) {
        bool json = opt.diagnostics.format == "json";
        fmt::print("{}\n",
                   json ? renderJson(d, fe.sources) : journey::render(d, fe.sources, render));
      }
    }
  }
  fmt::print("{} passed, {} failed\n", passed, failed);
  // Not a failure (a file may hold no tests yet), but a filter that matches nothing is most
  // likely a typo that would otherwise pass unseen.
  if (passed + failed == 0) {
    std::fflush(stdout);
    bool anyTest = std::any_of(fe.ast.modules.begin(), fe.ast.modules.end(),
                               [](const ast::Module& m) { return !m.tests.empty(); });
    if (filter && anyTest) {
      fmt::print(stderr, "note: no test's name matches --run `{}`\n",
                 fmt::join(opt.run, "`, `"));
    } else {
      fmt::print(stderr, "note: the files hold no test\n");
    }
  }
  return failed > 0 ? kInputErrors : kSuccess;
}

}  // namespace

Action addTestCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("test", "run the tests written in .journey files");
  auto opt = std::make_shared<TestOptions>();
  cmd->add_option("files", opt->files, "the program's .journey files, tests included")->required();
  cmd->add_option("--run", opt->run,
                  "only the tests whose name matches this RE2 expression (repeatable: any of them)")
      ->allow_extra_args(false);
  cmd->add_option("--engine", opt->engine, "interp or jit")
      ->check(CLI::IsMember({"interp", "jit"}));
  addDiagnosticOptions(*cmd, opt->diagnostics);
  return [opt]() { return runTests(*opt); };
}

}  // namespace journey::cli
