// Evaluating single expressions against a (possibly empty) checked program: what `journey eval`
// and the conformance runner share. Each expression is added as a source named `<expr>`,
// parsed, checked (unless unchecked), lowered, compiled to bytecode and run by the interpreter
// with the session's bindings as inputs.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/codegen/bytecode.h"
#include "compiler/driver/frontend.h"
#include "compiler/ir/expr_ir.h"
#include "compiler/ir/record_layouts.h"
#include "compiler/sema/expr_checker.h"
#include "compiler/sema/symbols.h"
#include "vm/interp/wall_clock_host.h"
#include "vm/value/value.h"

namespace journey::cli {

struct EvalResult {
  // False when the expression did not compile: `fe.diags` holds why (a parse or type error).
  bool compiled = false;
  ast::ExprId root = ast::kNoExpr;  // the parsed expression (kNoExpr after a syntax error)
  Value value;                    // the value, or an error value
  sema::TypeId type = 0;          // the checked type (dyn when unchecked)
  std::string ir, bytecode;       // the stages, when asked for
  std::optional<std::string> llvm;  // the JIT's module, when asked for (none without LLVM)
};

class EvalSession {
 public:
  // `fe` holds the program (parsed and checked, or empty) and outlives the session.
  // `engine` runs the expressions: "interp" (the bytecode interpreter) or "jit" (LLVM; when
  // it cannot compile an expression, or the build has no LLVM, a warning goes to stderr and
  // the interpreter runs it).
  explicit EvalSession(Frontend& fe, std::string engine = defaultEngine());

  // The engine of sessions made without naming one (`journey eval --engine` sets it for the
  // conformance runner's sessions too).
  static const std::string& defaultEngine();
  static void setDefaultEngine(std::string engine);

  // What `now()`, `history()` and `inAudience()` ask (default: the wall clock, no profile).
  // `host` must outlive the evaluations; null restores the default.
  void setHost(stdlib::Host* host) { host_ = host ? host : &wallClock_; }

  // Declares `name` with a static type and a value for the expressions evaluated after.
  void bind(const std::string& name, sema::TypeId type, Value value);

  struct Options {
    bool checked = true;
    bool emitIr = false;
    bool emitBytecode = false;
    bool emitLlvm = false;
    bool run = true;
    std::string sourceName = "<expr>";  // what diagnostics call the expression's text
  };
  EvalResult evaluate(const std::string& text, const Options& options);

  // The static type of a value (lists and maps of mixed kinds are `dyn`-typed).
  sema::TypeId typeOfValue(const Value& v);
  // The value of a field default of a program record (for JSON input).
  Value fieldDefault(sema::RecordId record, size_t field);

  const ir::RecordLayouts& layouts() const { return layouts_; }
  sema::TypeTable& types() { return fe_.program.types; }

 private:
  Frontend& fe_;
  // One checker for the session (a changed program makes a new session): making one parses
  // every standard-library signature into the type table, which costs more than checking most
  // expressions. The checker keeps a reference to its context.
  sema::CheckContext checkContext_;
  sema::ExprChecker checker_;
  ir::RecordLayouts layouts_;
  sema::Scope scope_;
  std::vector<std::string> names_;
  std::vector<Value> values_;
  interp::WallClockHost wallClock_;
  stdlib::Host* host_ = &wallClock_;
  std::string engine_;
};

}  // namespace journey::cli
