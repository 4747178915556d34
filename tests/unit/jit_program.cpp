// The JIT on whole programs. Its compiled journey steps (compiler/codegen/llvm_transitions.cpp)
// against a plain walk of the same step graph written here, over the interpreter: for every
// pure step as a start, many entry events, profiles and keys, both must stop at the same step
// with the same frame, the same last step, and the same failure. The same program compiled
// twice shares one module while it is loaded. Native code compiled ahead of time loads only
// for the program, target and LLVM it was compiled for, and runs like compiled code.
#include <doctest/doctest.h>

#ifdef JOURNEY_HAVE_JIT

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "compiler/driver/frontend.h"
#include "compiler/ir/lower_program.h"
#include "compiler/syntax/parser.h"
#include "vm/jit/jit_engine.h"
#include "vm/runtime/entry_binding.h"
#include "vm/runtime/input_records.h"
#include "vm/runtime/interp_engine.h"
#include "vm/runtime/split_hash.h"
#include "vm/value/printer.h"

using namespace journey;

namespace {

const char* kStepsProgram = R"(
schema Profile { id: string, age: int }
event Go { n: int }
channel email { address: profile.id }

journey Steps {
  entry on Go as g
  let a = g.n * 2
  if a > 10 {
    let b = 100 / (g.n - 7)
    if b > 20 {
      send email "big"
    } else if b < 0 {
      send email "negative"
    } else {
      wait 1h
    }
  } else if 10 / g.n > profile.age {
    split "arms" {
      25% {
        let c = a + profile.age
        send email "first"
      }
      75% {
        if a > 0 {
          end
        }
      }
    }
  }
  let d = [a, profile.age].map(x, x * 3)
  send email "after"
}

journey NoPureSteps {
  entry on Go
  send email "only"
}
)";

struct World {
  World() {
    FileId f = fe.sources.add("steps.journey", kStepsProgram);
    fe.ast.modules.push_back(syntax::parseFile(f, fe.sources, fe.ast, fe.diags));
    bool ok = fe.check();
    REQUIRE_MESSAGE(ok, (fe.diags.all().empty() ? "" : fe.diags.all().front().message));
    program = ir::lowerProgram(fe.sources, fe.ast, fe.program);
    interp = runtime::makeInterpEngine(program);
    reader = std::make_unique<runtime::InputReader>(
        program, [](sema::RecordId, size_t) { return Value::error("no default"); });
  }

  Value profile(int age) {
    auto r = reader->readProfile(
        R"({"id": "p", "age": )" + std::to_string(age) + "}", 1);
    REQUIRE(std::holds_alternative<runtime::ProfileInput>(r));
    return std::get<runtime::ProfileInput>(r).profile;
  }
  Value event(int n) {
    auto r = reader->readRecord(R"({"time": "2026-03-02T10:00:00Z", "profile": "p", "event": "Go", "data": {"n": )" +
                                    std::to_string(n) + "}}",
                                1);
    REQUIRE(std::holds_alternative<runtime::EventInput>(r));
    return std::get<runtime::EventInput>(r).record;
  }

  Frontend fe;
  ir::ProgramIr program;
  std::unique_ptr<runtime::ExpressionEngine> interp;
  std::unique_ptr<runtime::InputReader> reader;
};

bool isPure(const ir::StepIr& s) {
  return std::holds_alternative<ir::BranchIr>(s.kind) ||
         std::holds_alternative<ir::LetIr>(s.kind) ||
         std::holds_alternative<ir::SplitIr>(s.kind);
}

// The expected outcome: the steps walked one by one, expressions by the interpreter.
runtime::ExpressionEngine::PureSteps walk(const ir::JourneyIr& j, runtime::ExpressionEngine& e,
                                          ir::StepIndex pc, std::vector<Value>& frame,
                                          const std::string& key) {
  runtime::ExpressionEngine::PureSteps r{pc, ir::kEndOfJourney, false, Value()};
  stdlib::CallContext ctx{};
  while (r.pc != ir::kEndOfJourney && isPure(j.steps[r.pc])) {
    const ir::StepIr& s = j.steps[r.pc];
    r.at = r.pc;
    if (auto* b = std::get_if<ir::BranchIr>(&s.kind)) {
      Value c = e.evaluate(b->condition, frame.data(), ctx);
      if (c.kind() != ValueKind::Bool) return r.failed = true, r.stopped = c, r;
      r.pc = c.asBool() ? b->then : b->otherwise;
    } else if (auto* l = std::get_if<ir::LetIr>(&s.kind)) {
      Value v = e.evaluate(l->value, frame.data(), ctx);
      if (v.isError()) return r.failed = true, r.stopped = v, r;
      frame[l->slot] = v;
      r.pc = s.next;
    } else {
      const auto& split = std::get<ir::SplitIr>(s.kind);
      int64_t bucket = runtime::splitBucket(j.name, split.name, key);
      int64_t upTo = 0;
      r.pc = s.next;
      for (const ir::SplitArmIr& arm : split.arms) {
        if (bucket < (upTo += arm.percent * 100)) {
          r.pc = arm.target;
          break;
        }
      }
    }
  }
  return r;
}

std::string print(const std::vector<Value>& frame) {
  std::string text;
  for (const Value& v : frame) text += toCelLiteral(v) + "; ";
  return text;
}

// Runs the first journey's pure steps from every start, over many frames, with `jit` and with
// the interpreter's walk: the same stops and frames.
void checkStepsMatchTheWalk(World& w, runtime::ExpressionEngine* jit) {
  const ir::JourneyIr& j = w.program.journeys[0];
  int compared = 0, failures = 0;
  std::set<std::pair<ir::StepIndex, ir::StepIndex>> splitOutcomes;  // (pc, at) from the split
  for (ir::StepIndex start = 0; start < j.steps.size(); ++start) {
    if (!isPure(j.steps[start])) continue;
    for (int n = -4; n <= 12; ++n) {
      for (int age : {0, 1, 3}) {
        for (const std::string key : {"k1", "k2", "k3", "k4", "k5", "k6"}) {
          std::vector<Value> expectedFrame(j.frame.size()), frame(j.frame.size());
          expectedFrame[0] = frame[0] = w.profile(age);
          runtime::bindEntryEvent(w.program, j, w.event(n), expectedFrame.data());
          runtime::bindEntryEvent(w.program, j, w.event(n), frame.data());
          auto expected = walk(j, *w.interp, start, expectedFrame, key);
          stdlib::CallContext ctx{};
          auto got = jit->runPureSteps(0, start, 99, frame.data(), key, ctx);
          INFO("start ", start, " n ", n, " age ", age, " key ", key);
          CHECK(got.pc == expected.pc);
          CHECK(got.at == expected.at);
          CHECK(got.failed == expected.failed);
          CHECK(toCelLiteral(got.stopped) == toCelLiteral(expected.stopped));
          CHECK(print(frame) == print(expectedFrame));
          ++compared;
          failures += expected.failed;
          if (std::holds_alternative<ir::SplitIr>(j.steps[start].kind)) {
            splitOutcomes.insert({expected.pc, expected.at});
          }
        }
      }
    }
  }
  // The cases reach every outcome: failures (division by zero) and the split's arms.
  CHECK(compared > 500);
  CHECK(failures > 0);
  CHECK(splitOutcomes.size() >= 2);
}

}  // namespace

TEST_SUITE_BEGIN("jit");

TEST_CASE("compiled journey steps stop where the walked steps stop, with the same frame") {
  World w;
  std::string whyNot;
  auto jit = jit::makeJitEngine(w.program, whyNot);
  REQUIRE_MESSAGE(jit, whyNot);
  checkStepsMatchTheWalk(w, jit.get());
}

TEST_CASE("compiled steps over expressions left to the interpreter stop where the walk stops") {
  World w;
  std::string whyNot;
  jit::JitOptions options;
  options.largestCompiledNodes = 4;  // compiler/codegen/jit_policy.h: 1,024 outside tests
  jit::JitStats stats;
  options.stats = &stats;
  auto jit = jit::makeJitEngine(w.program, whyNot, options);
  REQUIRE_MESSAGE(jit, whyNot);
  // Some of the conditions and `let` values run on the interpreter, the others compiled.
  CHECK(stats.interpreted > 0);
  CHECK(stats.interpreted < w.program.exprs.size());
  checkStepsMatchTheWalk(w, jit.get());
  // Native code calls the interpreter for the same expressions.
  std::optional<jit::NativeCode> native = jit::compileNative(w.program, whyNot, options);
  REQUIRE_MESSAGE(native, whyNot);
  auto loaded = jit::makeJitEngine(w.program, *native, whyNot, options);
  REQUIRE_MESSAGE(loaded, whyNot);
  checkStepsMatchTheWalk(w, loaded.get());
}

TEST_CASE("a program split into parts compiled side by side runs like one module") {
  World w;
  std::string whyNot;
  jit::JitOptions options;
  options.partitions = 3;
  jit::JitStats stats;
  options.stats = &stats;
  auto jit = jit::makeJitEngine(w.program, whyNot, options);
  REQUIRE_MESSAGE(jit, whyNot);
  CHECK_FALSE(stats.reused);
  checkStepsMatchTheWalk(w, jit.get());
  // Other code split the same way while the first is loaded (another level: not reused): the
  // parts' symbols, locals made global, are named after each compilation and do not clash.
  options.optLevel = 2;
  auto second = jit::makeJitEngine(w.program, whyNot, options);
  REQUIRE_MESSAGE(second, whyNot);
  CHECK_FALSE(stats.reused);
  checkStepsMatchTheWalk(w, second.get());
}

TEST_CASE("a step that is not pure, and a journey without pure steps, are left to the runtime") {
  World w;
  std::string whyNot;
  auto jit = jit::makeJitEngine(w.program, whyNot);
  REQUIRE_MESSAGE(jit, whyNot);
  std::vector<Value> frame(w.program.journeys[1].frame.size());
  stdlib::CallContext ctx{};
  auto r = jit->runPureSteps(1, w.program.journeys[1].start, 7, frame.data(), "k", ctx);
  CHECK(r.pc == w.program.journeys[1].start);
  CHECK(r.at == 7);
  CHECK_FALSE(r.failed);
  const ir::JourneyIr& j = w.program.journeys[0];
  for (ir::StepIndex s = 0; s < j.steps.size(); ++s) {
    if (isPure(j.steps[s])) continue;
    std::vector<Value> steps(j.frame.size());
    auto left = jit->runPureSteps(0, s, 5, steps.data(), "k", ctx);
    CHECK(left.pc == s);
    CHECK(left.at == 5);
  }
}

TEST_CASE("the same program compiles once while its code is loaded") {
  World w;
  std::string whyNot;
  jit::JitStats first, second, third;
  jit::JitOptions options;
  options.stats = &first;
  auto a = jit::makeJitEngine(w.program, whyNot, options);
  REQUIRE_MESSAGE(a, whyNot);
  options.stats = &second;
  auto b = jit::makeJitEngine(w.program, whyNot, options);
  REQUIRE_MESSAGE(b, whyNot);
  CHECK_FALSE(first.reused);
  CHECK(second.reused);
  CHECK(second.compile < first.compile);
  // Another optimisation level is other code.
  options.optLevel = 0;
  options.stats = &third;
  auto c = jit::makeJitEngine(w.program, whyNot, options);
  REQUIRE_MESSAGE(c, whyNot);
  CHECK_FALSE(third.reused);
  // Both engines give the same values; the reused code keeps working when the first goes.
  stdlib::CallContext ctx{};
  std::vector<Value> frame(w.program.journeys[0].frame.size());
  frame[0] = w.profile(3);
  runtime::bindEntryEvent(w.program, w.program.journeys[0], w.event(4), frame.data());
  ir::ExprIndex let = std::get<ir::LetIr>(w.program.journeys[0].steps[w.program.journeys[0].start].kind).value;
  CHECK(toCelLiteral(a->evaluate(let, frame.data(), ctx)) == "8");
  a.reset();
  CHECK(toCelLiteral(b->evaluate(let, frame.data(), ctx)) == "8");
  // Once every engine of the code is gone, it is unloaded: the next one compiles again.
  b.reset();
  options.optLevel = jit::JitOptions{}.optLevel;
  options.stats = &second;
  auto d = jit::makeJitEngine(w.program, whyNot, options);
  REQUIRE_MESSAGE(d, whyNot);
  CHECK_FALSE(second.reused);
}

TEST_CASE("native code loads for its own program and runs like compiled code") {
  World w;
  std::string whyNot;
  std::optional<jit::NativeCode> native = jit::compileNative(w.program, whyNot);
  REQUIRE_MESSAGE(native, whyNot);
  CHECK(native->object.size() > 1000);
  CHECK(native->target.ends_with(" generic"));
  // The same program compiles to the same bytes (artifacts are reproducible).
  std::optional<jit::NativeCode> again = jit::compileNative(w.program, whyNot);
  REQUIRE(again);
  CHECK(again->object == native->object);
  CHECK(again->key == native->key);

  jit::JitStats stats;
  jit::JitOptions options;
  options.stats = &stats;
  auto engine = jit::makeJitEngine(w.program, *native, whyNot, options);
  REQUIRE_MESSAGE(engine, whyNot);
  CHECK_FALSE(stats.reused);
  auto second = jit::makeJitEngine(w.program, *native, whyNot, options);
  REQUIRE_MESSAGE(second, whyNot);
  CHECK(stats.reused);

  const ir::JourneyIr& j = w.program.journeys[0];
  for (int n : {-2, 0, 3, 7, 9}) {
    std::vector<Value> expectedFrame(j.frame.size()), frame(j.frame.size());
    expectedFrame[0] = frame[0] = w.profile(1);
    runtime::bindEntryEvent(w.program, j, w.event(n), expectedFrame.data());
    runtime::bindEntryEvent(w.program, j, w.event(n), frame.data());
    auto expected = walk(j, *w.interp, j.start, expectedFrame, "k1");
    stdlib::CallContext ctx{};
    auto got = engine->runPureSteps(0, j.start, ir::kEndOfJourney, frame.data(), "k1", ctx);
    INFO("n ", n);
    CHECK(got.pc == expected.pc);
    CHECK(got.failed == expected.failed);
    CHECK(print(frame) == print(expectedFrame));
  }
}

TEST_CASE("native code for another program, target or LLVM is refused with the reason") {
  World w;
  std::string whyNot;
  std::optional<jit::NativeCode> native = jit::compileNative(w.program, whyNot);
  REQUIRE_MESSAGE(native, whyNot);

  jit::NativeCode otherTarget = *native;
  otherTarget.target = "riscv64-unknown-linux-gnu generic";
  CHECK_FALSE(jit::makeJitEngine(w.program, otherTarget, whyNot));
  CHECK(whyNot.find("riscv64") != std::string::npos);

  jit::NativeCode otherLlvm = *native;
  otherLlvm.llvmVersion = "1.0.0";
  CHECK_FALSE(jit::makeJitEngine(w.program, otherLlvm, whyNot));
  CHECK(whyNot.find("LLVM 1.0.0") != std::string::npos);

  // Other options are other code.
  jit::JitOptions o0;
  o0.optLevel = 0;
  CHECK_FALSE(jit::makeJitEngine(w.program, *native, whyNot, o0));

  // A program whose IR differs (one more journey) does not take this code.
  w.program.journeys.push_back(w.program.journeys[0]);
  CHECK_FALSE(jit::makeJitEngine(w.program, *native, whyNot));
  CHECK(whyNot.find("not compiled from this program") != std::string::npos);
}

TEST_SUITE_END();

#endif  // JOURNEY_HAVE_JIT
