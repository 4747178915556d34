// `journey check` speed on a generated 20,000-line program: tokenize, parse, parse+check.
// Tokenizing is the baseline the other two are compared with (same input, same run).
//   check_bench                         run the benchmarks
//   check_bench --generate LINES        print the generated program (for peak-memory runs)
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <string>

#include "bench/program_generator.h"
#include "compiler/driver/frontend.h"
#include "compiler/sema/checker.h"
#include "compiler/syntax/parser.h"

namespace {

constexpr int kLines = 20000;

const std::string& program() {
  static const std::string text = journey::bench::generateProgram(kLines);
  return text;
}

double lineCount() { return static_cast<double>(std::count(program().begin(), program().end(), '\n')); }

void BM_Tokenize(benchmark::State& state) {
  for (auto _ : state) {
    journey::SourceManager sm;
    journey::FileId f = sm.add("gen.journey", program());
    benchmark::DoNotOptimize(journey::syntax::dumpTokens(f, sm));
  }
  state.counters["lines/s"] = benchmark::Counter(lineCount(), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_Parse(benchmark::State& state) {
  for (auto _ : state) {
    journey::SourceManager sm;
    journey::FileId f = sm.add("gen.journey", program());
    journey::ast::Ast ast;
    journey::DiagnosticSink diags;
    ast.modules.push_back(journey::syntax::parseFile(f, sm, ast, diags));
    if (diags.hasErrors()) state.SkipWithError("the generated program has syntax errors");
  }
  state.counters["lines/s"] = benchmark::Counter(lineCount(), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_ParseAndCheck(benchmark::State& state) {
  for (auto _ : state) {
    journey::SourceManager sm;
    journey::FileId f = sm.add("gen.journey", program());
    journey::ast::Ast ast;
    journey::DiagnosticSink diags;
    ast.modules.push_back(journey::syntax::parseFile(f, sm, ast, diags));
    journey::sema::CheckedProgram checked;
    journey::sema::checkProgram(sm, ast, diags, checked);
    if (diags.hasErrors()) state.SkipWithError("the generated program has errors");
  }
  state.counters["lines/s"] = benchmark::Counter(lineCount(), benchmark::Counter::kIsIterationInvariantRate);
}

BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Parse)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseAndCheck)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::strcmp(argv[1], "--generate") == 0) {
    fmt::print("{}", journey::bench::generateProgram(std::atoi(argv[2])));
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
