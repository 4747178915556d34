// Shared by the tests/unit/jit_*.cpp files: expressions lowered once into one pool and run by
// both engines, the interpreter (the reference) and the JIT, whose printed values must be
// identical.
#pragma once

#ifdef JOURNEY_HAVE_JIT

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "compiler/codegen/bytecode_compiler.h"
#include "compiler/driver/frontend.h"
#include "compiler/ir/lower.h"
#include "compiler/syntax/parser.h"
#include "stdlib/function.h"
#include "tests/unit/world_checker.h"
#include "vm/interp/interpreter.h"
#include "vm/jit/jit_engine.h"
#include "vm/value/printer.h"

namespace journey::test {

// A host whose clock stands still, so that `now()` is the same in both engines.
class FixedHost final : public stdlib::Host {
 public:
  Value now() override { return Value::timestamp(1'700'000'000, 123'000'000); }
  Value inAudience(std::string_view name) override { return Value::boolean(name == "Gold"); }
  Value history(std::string_view, Duration) override { return Value::list({}); }
};

class DualWorld {
 public:
  // A program's source (may be empty): its declarations are visible to the expressions.
  explicit DualWorld(const std::string& program = "") {
    if (!program.empty()) {
      FileId f = fe.sources.add("program.journey", program);
      fe.ast.modules.push_back(syntax::parseFile(f, fe.sources, fe.ast, fe.diags));
      fe.check();
    }
    layouts = ir::RecordLayouts(fe.program, &fe.ast);
  }

  void bind(const std::string& name, sema::TypeId type, Value v) {
    scope.declare(name, type);
    names.push_back(name);
    values.push_back(std::move(v));
  }

  // Adds an expression (lowered with every binding made so far as its inputs); false when it
  // does not compile (`diagnostics` says why).
  bool add(const std::string& text, bool checked = true) {
    size_t before = fe.diags.all().size();
    FileId f = fe.sources.add("<expr>", text);
    ast::ExprId root = syntax::parseExpression(f, fe.sources, fe.ast, fe.diags);
    if (root != ast::kNoExpr && checked) {
      checker.check(root, scope);
    }
    diagnostics.clear();
    for (size_t i = before; i < fe.diags.all().size(); ++i) {
      if (fe.diags.all()[i].severity() == Severity::Error)
        diagnostics += fe.diags.all()[i].message + "\n";
    }
    if (root == ast::kNoExpr || !diagnostics.empty()) return false;
    ir::LowerOptions options = lowerOptions;
    options.checked = checked;
    ir::Lowerer lowerer(fe.ast, fe.program, layouts, pool, options);
    exprs.push_back(lowerer.lowerRoot(root, names));
    texts.push_back(text);
    return true;
  }

  struct Outcome {
    std::string expr, interp, jit;
  };

  // Runs every expression added with both engines (the JIT compiles them as one module).
  // Empty with `whyNot` set when the JIT refused.
  std::vector<Outcome> run(interp::Limits limits = {}, int optLevel = 0) {
    return runRange(0, exprs.size(), limits, optLevel);
  }

  // One expression by both engines: {interpreter, JIT} (or a compile error in both).
  std::pair<std::string, std::string> both(const std::string& text, bool checked = true,
                                           interp::Limits limits = {}) {
    if (!add(text, checked))
      return {"compile error: " + diagnostics, "compile error: " + diagnostics};
    std::vector<Outcome> r = runRange(exprs.size() - 1, exprs.size(), limits, 0);
    if (r.empty()) return {"?", "JIT refused: " + whyNot};
    return {r[0].interp, r[0].jit};
  }

  std::vector<Outcome> runRange(size_t first, size_t last, interp::Limits limits, int optLevel) {
    std::vector<Outcome> out;
    std::vector<ir::LoweredExpr> batch(exprs.begin() + first, exprs.begin() + last);
    jit::JitOptions options;
    options.optLevel = optLevel;
    options.limits = limits;
    options.largestCompiledNodes = largestCompiledNodes;
    options.stats = &stats;
    options.compiledIr = compiledIr;
    std::unique_ptr<runtime::ExpressionEngine> engine =
        jit::makeJitEngine(pool, batch, layouts, whyNot, options);
    if (!engine) return out;
    stdlib::CallContext ctx{&host};
    for (size_t i = 0; i < batch.size(); ++i) {
      codegen::Chunk chunk = codegen::compileExpr(pool, batch[i], layouts);
      std::vector<Value> slots(values.begin(), values.begin() + batch[i].inputCount);
      Value a = interp::evaluate(chunk, slots, ctx, limits);
      Value b = engine->evaluate(static_cast<ir::ExprIndex>(i), slots.data(), ctx);
      out.push_back({texts[first + i], toCelLiteral(a), toCelLiteral(b)});
    }
    return out;
  }

  Frontend fe;
  WorldChecker checker{fe};
  ir::LowerOptions lowerOptions;  // for every expression, but `checked`, which each gives
  ir::RecordLayouts layouts;
  sema::Scope scope;
  std::vector<std::string> names;
  std::vector<Value> values;
  ir::ExprPool pool;
  std::vector<ir::LoweredExpr> exprs;
  std::vector<std::string> texts;
  std::string diagnostics;
  std::string whyNot;
  // The JIT compiles every expression here, however large, unless a test leaves the larger
  // ones to the interpreter (compiler/codegen/jit_policy.h).
  size_t largestCompiledNodes = SIZE_MAX;
  jit::JitStats stats;     // of the last run
  std::string* compiledIr = nullptr;  // when set, receives the last run's module as compiled
  FixedHost host;
};

}  // namespace journey::test

#endif  // JOURNEY_HAVE_JIT
