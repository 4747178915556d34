// One lowered expression compiled to bytecode, with the interpreter that runs it over an
// engine's inputs: what the interpreter engine holds per expression, and what the JIT holds for
// an expression it leaves to the interpreter (compiler/codegen/jit_policy.h).
#pragma once

#include <atomic>
#include <cstdint>
#include <vector>

#include "compiler/codegen/bytecode.h"
#include "compiler/ir/expr_ir.h"
#include "compiler/ir/record_layouts.h"
#include "stdlib/function.h"
#include "vm/interp/interpreter.h"
#include "vm/interp/limits.h"
#include "vm/value/value.h"

namespace journey::interp {

class ExpressionRunner {
 public:
  // `pool` and `layouts` must outlive the runner.
  ExpressionRunner(const ir::ExprPool& pool, const ir::LoweredExpr& expr,
                   const ir::RecordLayouts& layouts, Limits limits = {});
  // The interpreter points into the chunk: a runner stays where it was made.
  ExpressionRunner(const ExpressionRunner&) = delete;
  ExpressionRunner& operator=(const ExpressionRunner&) = delete;

  // The value of the expression over `inputs` (at least as many as it has inputs), lent to it
  // only where it reads them.
  Value run(const Value* inputs, stdlib::CallContext& ctx) {
    return interpreter_.runWithInputs(inputs, ctx);
  }
  // The same, safe while other threads run it too (the JIT's engines are shared, its code
  // reentrant): the runner's interpreter when it is free, else one made for this evaluation.
  Value runShared(const Value* inputs, stdlib::CallContext& ctx);

 private:
  codegen::Chunk chunk_;
  Interpreter interpreter_;
  std::atomic<bool> busy_{false};  // a thread runs interpreter_ (runShared)
};

}  // namespace journey::interp
