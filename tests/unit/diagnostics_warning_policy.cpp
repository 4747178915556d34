// `--allow` and `--deny`: which warnings are left out, which become errors, and which codes
// the command line may name.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "compiler/diagnostics/warning_policy.h"

using namespace journey;

namespace {

// An error between two warnings, in report order.
DiagnosticSink mixed() {
  DiagnosticSink sink;
  sink.report(DiagKind::UnreachableStep, {}, "this step can never run");
  sink.report(DiagKind::DuplicateName, {}, "`A` is declared twice");
  sink.report(DiagKind::JourneyLoop, {}, "journey `A` may start itself in a loop");
  return sink;
}

std::vector<std::string> codes(const DiagnosticSink& sink) {
  std::vector<std::string> out;
  for (const Diagnostic& d : sink.all()) {
    out.push_back(std::string(info(d.kind).code) + (d.severity() == Severity::Error ? "!" : ""));
  }
  return out;
}

}  // namespace

TEST_CASE("no policy changes nothing") {
  DiagnosticSink sink = mixed();
  applyWarningPolicy(sink, {});
  CHECK(codes(sink) == std::vector<std::string>{"W0102", "E0201!", "W0104"});
  CHECK(sink.errorCount() == 1);
  CHECK(sink.warningCount() == 2);
}

TEST_CASE("an allowed warning is left out, the others keep their order") {
  DiagnosticSink sink = mixed();
  applyWarningPolicy(sink, WarningPolicy{{"W0102"}, {}});
  CHECK(codes(sink) == std::vector<std::string>{"E0201!", "W0104"});
  CHECK(sink.errorCount() == 1);
  CHECK(sink.warningCount() == 1);
}

TEST_CASE("a denied warning becomes an error with a note naming the flag") {
  DiagnosticSink sink = mixed();
  applyWarningPolicy(sink, WarningPolicy{{}, {"W0104"}});
  CHECK(codes(sink) == std::vector<std::string>{"W0102", "E0201!", "W0104!"});
  CHECK(sink.errorCount() == 2);
  REQUIRE(sink.all()[2].notes.size() == 1);
  CHECK(sink.all()[2].notes[0] == "`--deny W0104` makes this warning an error");
  CHECK(sink.all()[0].notes.empty());
}

TEST_CASE("`--deny warnings` makes every warning an error, and `--allow` wins over it") {
  DiagnosticSink all = mixed();
  applyWarningPolicy(all, WarningPolicy{{}, {"warnings"}});
  CHECK(codes(all) == std::vector<std::string>{"W0102!", "E0201!", "W0104!"});
  CHECK(all.errorCount() == 3);
  CHECK(all.all()[0].notes.back() == "`--deny warnings` makes this warning an error");

  DiagnosticSink butOne = mixed();
  applyWarningPolicy(butOne, WarningPolicy{{"W0104"}, {"warnings"}});
  CHECK(codes(butOne) == std::vector<std::string>{"W0102!", "E0201!"});
}

TEST_CASE("errors are never allowed or denied away") {
  DiagnosticSink sink = mixed();
  applyWarningPolicy(sink, WarningPolicy{{"E0201"}, {}});
  CHECK(codes(sink) == std::vector<std::string>{"W0102", "E0201!", "W0104"});
}

TEST_CASE("the codes a command line may name") {
  CHECK(warningCodeProblem("W0104", false).empty());
  CHECK(warningCodeProblem("w0104", true).empty());  // looked up in any case
  CHECK(warningCodeProblem("warnings", true).empty());
  CHECK(warningCodeProblem("warnings", false) == "`warnings` is not the code of any diagnostic");
  CHECK(warningCodeProblem("E0201", false) == "`E0201` is an error, and only warnings can be allowed");
  CHECK(warningCodeProblem("E0201", true) == "`E0201` is an error, and only warnings can be made errors");
  CHECK(warningCodeProblem("W9999", true) == "`W9999` is not the code of any diagnostic");
}
