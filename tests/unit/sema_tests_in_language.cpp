// Tests written in the language (`test "name" { ... }`): how their data becomes input JSON and
// how expectations read, checked on parsed programs.
#include <doctest/doctest.h>

#include "compiler/sema/test_data.h"
#include "compiler/sema/test_expectation.h"
#include "tests/unit/checker_support.h"

using namespace journey;

namespace {

const char* kTestedProgram = R"(
schema Profile { id: string, tags: list<string>, prefs: { lang: string }, wait: duration? }
event Signup { plan: string }
channel email { address: profile.id, consent: true }
journey Welcome {
  entry on Signup
  send email "welcome"
}
)";

// The program above with one test of the given body; the test must check cleanly.
std::unique_ptr<testing::CheckResult> withTest(const std::string& body) {
  auto r = testing::checkFiles({std::string(kTestedProgram) + "test \"t\" {\n" + body + "\n}\n"});
  REQUIRE_MESSAGE(!r->diags.hasErrors(), r->rendered());
  REQUIRE(r->ast.modules[0].tests.size() == 1);
  return r;
}

std::string dataJson(const testing::CheckResult& r, size_t stmt) {
  const auto& input = std::get<ast::TestInput>(r.ast.modules[0].tests[0].stmts.at(stmt).kind);
  auto json = sema::testDataJson(r.ast, input.fields);
  REQUIRE(std::holds_alternative<std::string>(json));
  return std::get<std::string>(json);
}

std::string expectation(const testing::CheckResult& r, size_t stmt) {
  const auto& e = std::get<ast::TestExpect>(r.ast.modules[0].tests[0].stmts.at(stmt).kind);
  std::string why;
  SourceRange where;
  std::optional<sema::Expectation> x = sema::readExpectation(e, why, where);
  if (!x) return "error: " + why;
  return x->kind + " " + x->nameField + "=" + (x->name ? x->name->text : "-") + " " +
         x->textField + "=" + (x->text ? x->text->text : "-") +
         (x->negated ? " negated" : "") + (x->change ? " change=" + *x->change : "");
}

}  // namespace

TEST_SUITE_BEGIN("sema");

TEST_CASE("tests: profile data becomes the JSON a profiles line would hold") {
  auto r = withTest(R"(  profile { id: "p1", tags: ["a", "b"], prefs: { lang: "fr" }, wait: 90m })");
  CHECK(dataJson(*r, 0) ==
        R"({"id": "p1", "tags": ["a", "b"], "prefs": {"lang": "fr"}, "wait": "5400s"})");
}

TEST_CASE("tests: numbers, null, quoted names and conversions of strings") {
  auto r = withTest(R"(  profile { id: "p1", tags: [], prefs: { "lang": "x" } }
  at "2026-03-02T10:00:00Z" set { n: -3, u: 4u, d: -2.5, z: null, t: timestamp("2026-01-01T00:00:00Z") })");
  CHECK(dataJson(*r, 1) ==
        R"({"n": -3, "u": 4, "d": -2.5, "z": null, "t": "2026-01-01T00:00:00Z"})");
}

TEST_CASE("tests: expressions in data are refused with where they start") {
  auto r = testing::checkFiles({std::string(kTestedProgram) +
                                "test \"t\" {\n  profile { id: \"p\" + \"1\" }\n"
                                "  expect no set\n}\n"});
  CHECK(r->codes() == std::vector<std::string>{"TestDataNotLiteral"});
  CHECK(r->span("TestDataNotLiteral") == "\"p\" + \"1\"");
}

TEST_CASE("tests: expectation words read as record kind, subject and text") {
  auto r = withTest(R"(  profile { id: "p1", tags: [], prefs: { lang: "fr" } }
  expect send email "welcome"
  expect no send email
  expect exit "converted"
  expect exit Welcome
  expect enter Welcome at "2026-03-02T10:00:00Z" for "p1")");
  CHECK(expectation(*r, 1) == "send channel=email template=welcome");
  CHECK(expectation(*r, 2) == "send channel=email template=- negated");
  CHECK(expectation(*r, 3) == "exit journey=- reason=converted");
  CHECK(expectation(*r, 4) == "exit journey=Welcome reason=-");
  CHECK(expectation(*r, 5) == "enter journey=Welcome =-");
}

TEST_CASE("tests: names in expectations are checked against the program") {
  auto r = testing::checkFiles({std::string(kTestedProgram) + R"(test "t" {
  profile { id: "p1", tags: [], prefs: { lang: "fr" } }
  expect send mail
  expect enter Welcom
  expect audience Nobody enter
})"});
  CHECK(r->codes() ==
        std::vector<std::string>{"UnknownChannel", "UnknownJourney", "UnknownAudience"});
}

TEST_CASE("tests: `test` and `expect` remain usable as names") {
  auto r = testing::checkFiles({R"(
schema Profile { id: string, test: bool = false, expect: int = 0 }
audience Testers = profile.test && profile.expect > 1
)"});
  CHECK(!r->diags.hasErrors());
}

TEST_SUITE_END();
