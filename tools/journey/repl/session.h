// A REPL session: the program (session_program.h), the `let` bindings, the expression engine
// and the simulation (session_runtime.h). Expressions are evaluated against the current profile
// at the simulation's time: `now()`, `history()` and `inAudience()` answer from the runtime.
//
// When the program changes, the bindings are evaluated again (in order; one that no longer
// checks is dropped with a note) and the simulation is rebuilt by replaying its inputs.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tools/journey/eval_session.h"
#include "tools/journey/repl/console.h"
#include "tools/journey/repl/session_program.h"
#include "tools/journey/repl/session_runtime.h"

namespace journey::repl {

using cli::EvalResult;
using cli::EvalSession;

// The output records the REPL holds for `:out`, the latest (SessionRuntime::limitHeldOutput).
constexpr size_t kHeldOutputRecords = 10000;

class Session {
 public:
  Session(Console& console, Timestamp start);

  // Each of these handles one input and returns false when it failed (after saying why).
  bool evaluate(const std::string& text);
  bool let(const std::string& input);
  bool declare(const std::string& text);
  bool load(const std::vector<std::string>& paths);
  bool reload();
  bool showType(const std::string& text);
  // `stage`: ast, typed, ir, bytecode or llvm.
  bool emit(const std::string& stage, const std::string& text);
  bool setEngine(const std::string& engine);
  // A value of `text` (no output); nothing after saying why it has none.
  std::optional<Value> value(const std::string& text);

  // After a simulation command: what it wrote since SessionRuntime::markOutput, in one line.
  void reportOutput(const std::string& what);

  Console& console() { return console_; }
  SessionRuntime& run() { return run_; }
  const Frontend& frontend() const { return program_.frontend(); }
  const std::string& engine() const { return engine_; }
  std::vector<std::string> files() const { return program_.files(); }
  std::vector<std::string> boundNames() const;
  // The static type of `text`, quietly (for completion).
  std::optional<sema::TypeId> typeOf(const std::string& text);
  sema::TypeTable& types() { return program_.frontend().program.types; }

 private:
  // Compiles (and runs, unless the options say not to) `text` with `profile` bound to the
  // current profile; prints its diagnostics unless `quiet`.
  EvalResult compile(const std::string& text, EvalSession::Options options, bool quiet = false);
  bool applyChange(SessionProgram::Change& change);
  // After the program changed: a new evaluator, the bindings again, the simulation rebuilt.
  void programChanged();

  Console& console_;
  SessionProgram program_;
  std::string engine_ = "interp";
  std::unique_ptr<EvalSession> eval_;
  SessionRuntime run_;
  // Whether `expr` may read `name`: it holds it as a whole word (in a string too, so that a
  // binding is kept when in doubt).
  static bool mayRead(std::string_view expr, std::string_view name);

  // Name and expression, in the order they were bound; a rebound name's earlier binding stays
  // while a later expression may read it.
  std::vector<std::pair<std::string, std::string>> lets_;
  int inputNumber_ = 0;
};

}  // namespace journey::repl
