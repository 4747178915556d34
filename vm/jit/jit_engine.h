// The JIT as the runtime's expression engine (docs/jit.md): every expression of a program and
// its journeys' pure steps are compiled by LLVM ORC into one module of the process's single
// LLJIT, and evaluating an expression calls its native function. Values, errors and limits
// are the interpreter's; an expression too large to compile quickly runs on the interpreter
// (compiler/codegen/jit_policy.h).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/codegen/jit_policy.h"
#include "compiler/ir/column_plan.h"
#include "compiler/ir/program_ir.h"
#include "vm/interp/limits.h"
#include "vm/runtime/expression_engine.h"

namespace journey::jit {

// Where compiling a program's module spends its time, in seconds.
struct JitStats {
  double generate = 0;  // IR -> LLVM IR
  double optimize = 0;  // LLVM's middle end
  double compile = 0;   // LLVM's back end and linking, up to callable code
  bool reused = false;  // the same IR's code was loaded already: nothing was compiled
  // Expressions too large to compile, left to the interpreter (compiler/codegen/jit_policy.h).
  size_t interpreted = 0;
};

struct JitOptions {
  // The middle end for the module: 0 runs none, 1 the JIT's short function pipeline, 2 and 3
  // LLVM's default -O2 and -O3 pipelines (docs/jit.md gives the measurements behind the
  // default).
  int optLevel = 1;
  // The back end's level: 0 selects instructions and registers the fast way (FastISel, the
  // fast register allocator), 2 the thorough way; -1 follows optLevel (0 stays 0, else 2).
  int codegenOptLevel = -1;
  interp::Limits limits;
  // When set, receives the module's LLVM IR as compiled (after optimisation).
  std::string* compiledIr = nullptr;
  // When set, receives the time each phase took.
  JitStats* stats = nullptr;
  // Modules the program is split into for the back end, compiled side by side with its
  // optimising level: 0 decides (one per core, for programs with enough functions compiled at
  // that level); tests set it to split small programs.
  unsigned partitions = 0;
  // When set, each expression this plan (over the same expressions) accepted also gets a
  // column kernel (ExpressionEngine::columnKernel). The plan must outlive the engine.
  const ir::ColumnPlan* columns = nullptr;
  // Expressions of more nodes run on the interpreter (compiler/codegen/jit_policy.h); tests
  // move the limit (SIZE_MAX: compile every expression).
  size_t largestCompiledNodes = codegen::kLargestCompiledNodes;
};

// Compiles every expression of `program`, which must outlive the engine. Null, with the
// reason in `whyNot` (the construct, or what LLVM reported), when something cannot be
// compiled: the caller then warns and uses the interpreter. Code is keyed by a hash of the
// module's IR, the target and the optimisation levels: while an engine of the same program is
// alive, another one reuses its code (JitStats::reused); the last one destroyed unloads it.
std::unique_ptr<runtime::ExpressionEngine> makeJitEngine(const ir::ProgramIr& program,
                                                         std::string& whyNot,
                                                         const JitOptions& options = {});

// The same for expressions outside a ProgramIr (`journey eval`): `pool`, `exprs` and
// `layouts` must outlive the engine; expression indices are positions in `exprs`.
std::unique_ptr<runtime::ExpressionEngine> makeJitEngine(const ir::ExprPool& pool,
                                                         const std::vector<ir::LoweredExpr>& exprs,
                                                         const ir::RecordLayouts& layouts,
                                                         std::string& whyNot,
                                                         const JitOptions& options = {});

// A program's code compiled ahead of time (`journey build --native`), to be loaded with no
// LLVM compilation: an object file for the triple's generic CPU, whose functions' names follow
// from `key`.
struct NativeCode {
  std::string target;       // "TRIPLE generic"
  std::string llvmVersion;  // the LLVM that compiled it; another one does not load it
  std::string key;          // the code key (docs/jit.md) of the IR and options it came from
  std::vector<char> object;
};

// Compiles `program` (every expression and the journeys' pure steps) to native code.
std::optional<NativeCode> compileNative(const ir::ProgramIr& program, std::string& whyNot,
                                        const JitOptions& options = {});

// An engine running `native`, which must have been compiled from `program` (the same IR and
// options: its key is checked) for this triple and LLVM. Null, with the reason, otherwise; the
// caller then compiles the program or interprets it.
std::unique_ptr<runtime::ExpressionEngine> makeJitEngine(const ir::ProgramIr& program,
                                                         const NativeCode& native,
                                                         std::string& whyNot,
                                                         const JitOptions& options = {});

// The LLVM IR the JIT would compile for `exprs` (or the program's expressions and journey
// steps), before optimisation (or `; error: …`).
std::string emitLlvm(const ir::ExprPool& pool, const std::vector<ir::LoweredExpr>& exprs,
                     const ir::RecordLayouts& layouts);
std::string emitLlvm(const ir::ProgramIr& program);

}  // namespace journey::jit
