// Compile latency of the JIT (issue 5): the time from a lowered program to callable code, for
// each example program and for a generated program of 100 journeys, beside two baselines
// measured in the same run on the same program: the front end (parse, check, lower) and the
// interpreter's engine (bytecode for every expression).
//   jit_compile_bench [--repeat N]    best of N (default 5) of each measurement
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "bench/program_generator.h"
#include "compiler/driver/frontend.h"
#include "compiler/ir/lower_program.h"
#include "compiler/syntax/parser.h"
#include "vm/jit/jit_engine.h"
#include "vm/runtime/interp_engine.h"

namespace {

using namespace journey;

// A program to compile: example files, or generated text.
struct Subject {
  std::string name;
  std::vector<std::string> files;
  std::string text;
};

struct Lowered {
  Frontend fe;
  ir::ProgramIr program;
};

std::unique_ptr<Lowered> lower(const Subject& s) {
  auto l = std::make_unique<Lowered>();
  if (s.files.empty()) {
    FileId f = l->fe.sources.add(s.name + ".journey", s.text);
    l->fe.ast.modules.push_back(syntax::parseFile(f, l->fe.sources, l->fe.ast, l->fe.diags));
  } else {
    l->fe.parse(s.files);
  }
  if (l->fe.diags.hasErrors() || !l->fe.check()) return nullptr;
  l->program = ir::lowerProgram(l->fe.sources, l->fe.ast, l->fe.program);
  return l;
}

double seconds(const std::function<void()>& work) {
  auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double best(int repeat, const std::function<void()>& work) {
  double b = 1e30;
  for (int i = 0; i < repeat; ++i) b = std::min(b, seconds(work));
  return b;
}

std::vector<Subject> subjects() {
  std::vector<Subject> all;
  std::filesystem::path examples = std::filesystem::path(JOURNEY_SOURCE_DIR) / "examples";
  std::vector<std::filesystem::path> dirs;
  for (const auto& entry : std::filesystem::directory_iterator(examples)) {
    if (entry.is_directory()) dirs.push_back(entry.path());
  }
  std::sort(dirs.begin(), dirs.end());
  for (const auto& dir : dirs) {
    Subject s{dir.filename().string(), {}, {}};
    for (const auto& f : std::filesystem::directory_iterator(dir)) {
      if (f.path().extension() == ".journey") s.files.push_back(f.path().string());
    }
    std::sort(s.files.begin(), s.files.end());
    if (!s.files.empty()) all.push_back(std::move(s));
  }
  // The generator writes 37 lines per journey (bench/program_generator.cpp).
  all.push_back({"generated-100", {}, bench::generateProgram(100 * 37)});
  return all;
}

}  // namespace

int main(int argc, char** argv) {
  int repeat = 5;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) repeat = std::atoi(argv[++i]);
  }
  fmt::print("JIT compile latency, best of {} (ms); the front end (parse, check, lower) and the\n"
             "interpreter's engine (bytecode) of the same program are the baselines\n\n",
             repeat);
  fmt::print("{:<15} {:>8} {:>6} {:>9} {:>8} {:>8} {:>8} {:>8} {:>8} {:>9} {:>9} {:>9} {:>11}\n",
             "program", "journeys", "exprs", "front end", "interp", "JIT -O0", "JIT run", "  IR",
             "  opt", "  codegen", "LLVM -O2", "run/front", "native load");
  int failed = 0;
  std::string whyNot;
  for (const Subject& s : subjects()) {
    std::unique_ptr<Lowered> l;
    double front = best(repeat, [&] { l = lower(s); });
    if (!l) {
      fmt::print("{:<15} does not compile\n", s.name);
      ++failed;
      continue;
    }
    const ir::ProgramIr& program = l->program;
    double interp = best(repeat, [&] { runtime::makeInterpEngine(program); });
    auto jitAt = [&](int level, jit::JitStats* stats) {
      jit::JitOptions options;
      options.optLevel = level;
      options.stats = stats;
      // Each engine is destroyed before the next is made: nothing is reused.
      if (!jit::makeJitEngine(program, whyNot, options)) ++failed;
    };
    double o0 = best(repeat, [&] { jitAt(0, nullptr); });
    jit::JitStats phases{}, stats{};
    double run = 1e30;
    int runLevel = jit::JitOptions{}.optLevel;
    for (int i = 0; i < repeat; ++i) {
      double t = seconds([&] { jitAt(runLevel, &stats); });
      if (t < run) run = t, phases = stats;
    }
    double o2 = best(repeat, [&] { jitAt(2, nullptr); });
    // Code compiled ahead of time (`journey build --native`), loaded with no LLVM compilation.
    std::optional<jit::NativeCode> native = jit::compileNative(program, whyNot);
    double load = native ? best(repeat, [&] {
                    if (!jit::makeJitEngine(program, *native, whyNot)) ++failed;
                  })
                         : -1;
    if (!native) ++failed;
    fmt::print(
        "{:<15} {:>8} {:>6} {:>9.1f} {:>8.1f} {:>8.1f} {:>8.1f} {:>8.1f} {:>8.1f} {:>9.1f} {:>9.1f} "
        "{:>9.1f} {:>11.1f}\n",
        s.name, program.journeys.size(), program.exprs.size(), front * 1e3, interp * 1e3, o0 * 1e3,
        run * 1e3, phases.generate * 1e3, phases.optimize * 1e3, phases.compile * 1e3, o2 * 1e3,
        run / front, load * 1e3);
  }
  fmt::print(
      "\n(JIT run: what `journey run --engine jit` compiles, the JIT's short pipeline and LLVM's\n"
      " default back end; IR, opt and codegen split it: generating LLVM IR with its key, the\n"
      " middle end, the back end up to callable code. LLVM -O2: LLVM's whole -O2 pipeline\n"
      " instead of the short one, for comparison. native load: the same code compiled ahead of\n"
      " time, loaded from memory: generating the IR for its key and tables, linking the object)\n");
  if (failed) fmt::print(stderr, "jit_compile_bench: {} compilations failed ({})\n", failed, whyNot);
  return failed ? 1 : 0;
}
