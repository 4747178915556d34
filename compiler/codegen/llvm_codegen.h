// IR -> LLVM IR: the JIT's code generator (docs/jit.md). One LLVM module per program, one
// function per lowered expression:
//
//   void PREFIX_eN(Value* result, const Value* inputs, JitContext* ctx)   (vm/jit/jit_abi.h)
//
// The control flow of the IR (&&, ||, ?:, comprehensions, Let) becomes basic blocks; values
// live in a frame of Values the function allocates (locals, then temporaries, as the bytecode
// compiler allocates registers). Typed fast paths (int, double and bool arithmetic and
// comparisons, fused record-field comparisons) run inline with the interpreter's checks;
// everything else calls the C-ABI helpers of jit_abi.h, which reuse vm/value, stdlib and
// vm/interp's selection and dispatch. The module refers to helpers by name and to constants
// and record layouts through `ctx`: it embeds no address of this process.
//
// Built into journey_jit (only code that links LLVM sees this header's users).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "compiler/codegen/jit_policy.h"
#include "compiler/ir/expr_ir.h"
#include "compiler/ir/record_layouts.h"
#include "vm/jit/jit_abi.h"

namespace llvm {
class LLVMContext;
class Module;
}  // namespace llvm

namespace journey::codegen {

// A generated module and what its code indexes at run time.
struct LlvmUnit {
  LlvmUnit();
  ~LlvmUnit();
  LlvmUnit(LlvmUnit&&) noexcept;
  LlvmUnit& operator=(LlvmUnit&&) noexcept;

  std::unique_ptr<llvm::LLVMContext> context;  // declared first: destroyed after the module
  std::unique_ptr<llvm::Module> module;
  std::vector<std::string> functions;    // per expression: its symbol
  std::vector<std::string> transitions;  // per journey: its pure steps' symbol (llvm_transitions.h)
  std::vector<std::string> kernels;      // per planned expression: its column kernel's symbol,
                                         // empty when it has none (llvm_columns.h)
  std::vector<uint32_t> interpreted;     // expressions whose function calls the interpreter
                                         // (jit_policy.h), in increasing order
  jit::JitTables tables;
};

// Generates `exprs` (all over `pool`) into `out`, with symbols `prefix`_e0, _e1, …; the
// function of an expression of more than `largestCompiled` nodes calls journey_jit_interpret
// (jit_policy.h, out.interpreted). `layouts` must outlive the code (records it builds point to
// them). Returns false, with `whyNot` naming the construct, when an expression cannot be
// compiled.
bool generateLlvm(const ir::ExprPool& pool, const std::vector<ir::LoweredExpr>& exprs,
                  const ir::RecordLayouts& layouts, const std::string& prefix, LlvmUnit& out,
                  std::string& whyNot, size_t largestCompiled = kLargestCompiledNodes);

// The module as LLVM assembly (for tests and `--emit llvm`).
std::string printLlvm(const LlvmUnit& unit);

}  // namespace journey::codegen
