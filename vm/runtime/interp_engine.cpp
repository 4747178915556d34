#include "vm/runtime/interp_engine.h"

#include <vector>

#include "compiler/codegen/bytecode_compiler.h"
#include "vm/interp/interpreter.h"

namespace journey::runtime {

namespace {

// The input slots an expression reads (the variables among its inputs), in order.
std::vector<uint32_t> inputsRead(const ir::ExprPool& pool, const ir::LoweredExpr& e) {
  std::vector<bool> read(e.inputs.size(), false);
  std::vector<ir::NodeId> todo{e.root};
  while (!todo.empty()) {
    ir::NodeId id = todo.back();
    todo.pop_back();
    if (id == ir::kNoNode) continue;
    const ir::Node& n = pool[id];
    if (n.kind == ir::NodeKind::Variable && n.index < read.size()) read[n.index] = true;
    todo.insert(todo.end(), n.kids.begin(), n.kids.end());
    if (n.kind == ir::NodeKind::Comprehension) {
      const ir::Comprehension& c = n.loop;
      todo.insert(todo.end(), {c.range, c.init, c.condition, c.filter, c.step, c.result});
    }
  }
  std::vector<uint32_t> slots;
  for (uint32_t s = 0; s < read.size(); ++s) {
    if (read[s]) slots.push_back(s);
  }
  return slots;
}

class InterpEngine final : public ExpressionEngine {
 public:
  explicit InterpEngine(const ir::ProgramIr& program) {
    chunks_.reserve(program.exprs.size());
    for (const ir::LoweredExpr& e : program.exprs) {
      chunks_.push_back(codegen::compileExpr(program.pool, e, program.layouts));
      inputsRead_.push_back(inputsRead(program.pool, e));
    }
    interpreters_.reserve(chunks_.size());
    for (const codegen::Chunk& c : chunks_) {
      interpreters_.push_back(std::make_unique<interp::Interpreter>(c));
    }
  }

  Value evaluate(ir::ExprIndex expr, const Value* inputs, stdlib::CallContext& ctx) override {
    return interpreters_[expr]->runWithInputs(inputs, inputsRead_[expr], ctx);
  }

 private:
  std::vector<std::vector<uint32_t>> inputsRead_;  // per expression: the inputs lent to it
  std::vector<codegen::Chunk> chunks_;  // never resized after construction: interpreters point here
  std::vector<std::unique_ptr<interp::Interpreter>> interpreters_;
};

}  // namespace

std::unique_ptr<ExpressionEngine> makeInterpEngine(const ir::ProgramIr& program) {
  return std::make_unique<InterpEngine>(program);
}

}  // namespace journey::runtime
