#include "vm/runtime/interp_engine.h"

#include <vector>

#include "compiler/codegen/bytecode_compiler.h"
#include "vm/interp/interpreter.h"

namespace journey::runtime {

namespace {

class InterpEngine final : public ExpressionEngine {
 public:
  explicit InterpEngine(const ir::ProgramIr& program) : program_(program) {
    chunks_.reserve(program.exprs.size());
    for (const ir::LoweredExpr& e : program.exprs) {
      chunks_.push_back(codegen::compileExpr(program.pool, e, program.layouts));
    }
    interpreters_.reserve(chunks_.size());
    for (const codegen::Chunk& c : chunks_) {
      interpreters_.push_back(std::make_unique<interp::Interpreter>(c));
    }
  }

  Value evaluate(ir::ExprIndex expr, const Value* inputs, stdlib::CallContext& ctx) override {
    return interpreters_[expr]->runWithInputs(inputs, program_.exprs[expr].inputs.size(), ctx);
  }

 private:
  const ir::ProgramIr& program_;
  std::vector<codegen::Chunk> chunks_;  // never resized after construction: interpreters point here
  std::vector<std::unique_ptr<interp::Interpreter>> interpreters_;
};

}  // namespace

std::unique_ptr<ExpressionEngine> makeInterpEngine(const ir::ProgramIr& program) {
  return std::make_unique<InterpEngine>(program);
}

}  // namespace journey::runtime
