// Loading a program from an artifact against compiling it from source, for the largest example
// (loyalty) and a generated program of 100 journeys. Both end with the same ProgramIr; the
// engine's set-up after it (bytecode for every expression) is the same on both paths and is
// timed on its own, and so is the JIT's compilation, which a native section will save. Each
// figure is the best of several runs, all in this one process.
//   artifact_bench
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

#include <unistd.h>

#include "bench/program_generator.h"
#include "compiler/artifact/artifact_reader.h"
#include "compiler/artifact/artifact_writer.h"
#include "compiler/codegen/bytecode_compiler.h"
#include "compiler/driver/frontend.h"
#include "compiler/ir/lower_program.h"
#ifdef JOURNEY_HAVE_JIT
#include "vm/jit/jit_engine.h"
#endif

namespace {

using namespace journey;

// The best time of `runs` calls, in milliseconds.
double bestMs(int runs, const std::function<void()>& f) {
  double best = 1e300;
  for (int i = 0; i < runs; ++i) {
    auto start = std::chrono::steady_clock::now();
    f();
    best = std::min(best, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  return best;
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// What `journey run FILE.journey` does before running: read, parse, check, lower.
ir::ProgramIr fromSource(const std::string& path) {
  Frontend fe;
  if (!fe.parse({path}) || !fe.check()) {
    fmt::print(stderr, "{} does not check\n", path);
    std::exit(1);
  }
  return ir::lowerProgram(fe.sources, fe.ast, fe.program);
}

std::string buildArtifact(const std::string& source, const std::string& out) {
  Frontend fe;
  fe.parse({source});
  fe.check();
  std::string bytes = artifact::writeArtifact(ir::lowerProgram(fe.sources, fe.ast, fe.program),
                                              artifact::sourceFiles(fe.sources));
  std::ofstream(out, std::ios::binary) << bytes;
  return bytes;
}

void compare(const std::string& name, const std::string& source, const std::string& jart) {
  std::string bytes = buildArtifact(source, jart);
  constexpr int kRuns = 20;
  ir::ProgramIr program = fromSource(source);
  double compile = bestMs(kRuns, [&] { fromSource(source); });
  double load = bestMs(kRuns, [&] { artifact::readArtifact(readFile(jart)); });
  double bytecode = bestMs(kRuns, [&] {
    for (const ir::LoweredExpr& e : program.exprs) codegen::compileExpr(program.pool, e, program.layouts);
  });
  // What a native section would save: the JIT's compilation of the program at -O2.
  std::string jit = "-";
#ifdef JOURNEY_HAVE_JIT
  jit = fmt::format("{:.0f} ms", bestMs(1, [&] {
    std::string whyNot;
    if (!jit::makeJitEngine(program, whyNot)) fmt::print(stderr, "the JIT refused: {}\n", whyNot);
  }));
#endif
  fmt::print("| {} | {} | {} | {:.2f} ms | {:.2f} ms | {:.1f}× | {:.2f} ms | {} |\n", name,
             program.exprs.size(), bytes.size(), compile, load, compile / load, bytecode, jit);
}

int journeysIn(const std::string& text) {
  int n = 0;
  for (size_t at = text.find("\njourney "); at != std::string::npos; at = text.find("\njourney ", at + 1)) ++n;
  return n;
}

}  // namespace

int main() {
  std::filesystem::path tmp = std::filesystem::temp_directory_path() / fmt::format("artifact_bench_{}", getpid());
  std::filesystem::create_directories(tmp);
  // The generated program's size that gives 100 journeys.
  int lines = 3600;  // 37 lines a journey (program_generator.cpp)
  std::string generated = bench::generateProgram(lines);
  while (journeysIn(generated) < 100) generated = bench::generateProgram(lines += 100);
  std::string generatedPath = (tmp / "generated.journey").string();
  std::ofstream(generatedPath) << generated;

  fmt::print("| program | expressions | artifact bytes | from source | from artifact | ratio | bytecode (both) | JIT -O2 (both) |\n");
  fmt::print("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
  compare("examples/loyalty", JOURNEY_SOURCE_DIR "/examples/loyalty/loyalty.journey", (tmp / "loyalty.jart").string());
  compare(fmt::format("generated, {} journeys, {} lines", journeysIn(generated),
                      std::count(generated.begin(), generated.end(), '\n')),
          generatedPath, (tmp / "generated.jart").string());
  std::filesystem::remove_all(tmp);
  return 0;
}
