// Every expression of the CEL conformance cases parses. The cases are read at run time from
// ../shared/conformance/cel/cases.jsonl (never copied here). None of the error cases expects a
// parse error (the suite's parse errors are in the held-back set), so every case must parse.
#include <doctest/doctest.h>
#include <simdjson.h>

#include <fstream>
#include <sstream>

#include "syntax_support.h"
#include "test_paths.h"

TEST_SUITE("syntax") {

TEST_CASE("every CEL conformance expression parses") {
  std::ifstream in(journey::test::sharedDir() + "/conformance/cel/cases.jsonl");
  REQUIRE_MESSAGE(in.good(), "conformance cases not found");
  simdjson::dom::parser parser;
  std::string line;
  size_t total = 0, parsed = 0;
  std::ostringstream failures;
  while (std::getline(in, line)) {
    simdjson::padded_string padded(line);
    simdjson::dom::element root;
    REQUIRE(parser.parse(padded).get(root) == simdjson::SUCCESS);
    std::string_view id, text;
    REQUIRE(root["id"].get(id) == simdjson::SUCCESS);
    REQUIRE(root["expr"].get(text) == simdjson::SUCCESS);
    ++total;
    auto p = journey::syntax_test::parseExpr(std::string(text));
    if (p->expr != journey::ast::kNoExpr && !p->diags.hasErrors()) {
      ++parsed;
    } else {
      failures << id << ": " << p->message() << "\n";
    }
  }
  MESSAGE(parsed << " of " << total << " conformance expressions parse");
  CHECK_MESSAGE(parsed == total, failures.str());
  CHECK(total > 700);
}

}  // TEST_SUITE
