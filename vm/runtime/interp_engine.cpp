#include "vm/runtime/interp_engine.h"

#include <vector>

#include "vm/interp/expression_runner.h"

namespace journey::runtime {

namespace {

class InterpEngine final : public ExpressionEngine {
 public:
  explicit InterpEngine(const ir::ProgramIr& program) {
    runners_.reserve(program.exprs.size());
    for (const ir::LoweredExpr& e : program.exprs) {
      runners_.push_back(
          std::make_unique<interp::ExpressionRunner>(program.pool, e, program.layouts));
    }
  }

  Value evaluate(ir::ExprIndex expr, const Value* inputs, stdlib::CallContext& ctx) override {
    return runners_[expr]->run(inputs, ctx);
  }

 private:
  std::vector<std::unique_ptr<interp::ExpressionRunner>> runners_;
};

}  // namespace

std::unique_ptr<ExpressionEngine> makeInterpEngine(const ir::ProgramIr& program) {
  return std::make_unique<InterpEngine>(program);
}

}  // namespace journey::runtime
