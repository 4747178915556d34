// Mutates the example programs thousands of times (deletions, duplications, swapped tokens and
// bytes, truncation, stray characters) and runs the front end on each: every run must end in a
// clean check or in diagnostics with a valid location, never a crash or a hang.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <random>

#include "compiler/diagnostics/renderer.h"
#include "compiler/driver/frontend.h"
#include "compiler/ir/lower_program.h"
#include "compiler/syntax/parser.h"
#include "compiler/sema/checker.h"
#include "mutation_support.h"

TEST_SUITE("robustness") {
  TEST_CASE("mutated examples end in success or diagnostics") {
    std::vector<std::string> sources = journey::mutation_test::exampleSources();
    REQUIRE(!sources.empty());
    int runs = journey::mutation_test::mutationCount("JOURNEY_MUTATIONS", 4000);
    const char* seed = std::getenv("JOURNEY_MUTATION_SEED");  // for longer campaigns by hand
    std::mt19937_64 rng(seed ? std::strtoull(seed, nullptr, 10) : 20261129);
    int withErrors = 0, lowered = 0;
    auto slowest = std::chrono::nanoseconds(0);
    for (int i = 0; i < runs; ++i) {
      std::string text = journey::mutation_test::mutate(sources[static_cast<size_t>(i) % sources.size()], rng);
      auto start = std::chrono::steady_clock::now();
      journey::SourceManager sm;
      journey::FileId f = sm.add("mutant.journey", text);
      journey::ast::Ast ast;
      journey::DiagnosticSink diags;
      ast.modules.push_back(journey::syntax::parseFile(f, sm, ast, diags));
      journey::sema::CheckedProgram program;
      journey::sema::checkProgram(sm, ast, diags, program);
      for (const journey::Diagnostic& d : diags.all()) {
        CHECK(!d.message.empty());
        if (d.range.valid()) {
          CHECK(d.range.begin <= text.size());
          CHECK(d.range.end <= text.size());
        }
        CHECK(!journey::render(d, sm).empty());
      }
      if (diags.hasErrors()) {
        ++withErrors;
      } else {
        // A mutant that checks is a program like any other: lowering it must give a step graph
        // for every journey and a rule for every audience.
        journey::ir::ProgramIr ir = journey::ir::lowerProgram(sm, ast, program);
        CHECK(ir.journeys.size() == program.symbols.journeys.size());
        CHECK(ir.audiences.size() == program.symbols.audiences.size());
        ++lowered;
      }
      slowest = std::max(slowest, std::chrono::steady_clock::now() - start);
    }
    MESSAGE(runs << " mutants, " << withErrors << " with errors, " << lowered
                 << " lowered, slowest " << std::chrono::duration_cast<std::chrono::milliseconds>(slowest).count() << " ms");
    CHECK(withErrors > runs / 2);  // the mutations really break programs
  }
}
