#include "compiler/codegen/llvm_transitions.h"

#include <llvm/IR/BasicBlock.h>
#include <llvm/IR/DerivedTypes.h>
#include <llvm/IR/Function.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Instructions.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>
#include <llvm/IR/Verifier.h>
#include <llvm/Support/raw_ostream.h>

#include <map>
#include <variant>

#include "vm/jit/jit_abi.h"

namespace journey::codegen {

namespace {

bool isPure(const ir::StepIr& step) {
  return std::holds_alternative<ir::BranchIr>(step.kind) ||
         std::holds_alternative<ir::LetIr>(step.kind) ||
         std::holds_alternative<ir::SplitIr>(step.kind);
}

// One journey's transition function: a block per pure step, entered by a switch on `*pc`.
// The runtime's walk of the same steps (vm/runtime/steps.cpp) is the reference.
class TransitionGenerator {
 public:
  TransitionGenerator(LlvmUnit& unit, const ir::JourneyIr& journey)
      : unit_(unit), journey_(journey), c_(*unit.context), m_(*unit.module), b_(c_) {}

  void generate(const std::string& name) {
    llvm::Type* ptr = llvm::PointerType::getUnqual(c_);
    auto* type = llvm::FunctionType::get(b_.getInt32Ty(),
                                         {ptr, ptr, ptr, ptr, b_.getInt64Ty(), ptr, ptr}, false);
    fn_ = llvm::Function::Create(type, llvm::Function::ExternalLinkage, name, m_);
    fn_->addFnAttr(llvm::Attribute::getWithUWTableKind(c_, llvm::UWTableKind::Async));
    pc_ = fn_->getArg(0);
    at_ = fn_->getArg(1);
    frame_ = fn_->getArg(2);
    key_ = fn_->getArg(3);
    keySize_ = fn_->getArg(4);
    stopped_ = fn_->getArg(5);
    ctx_ = fn_->getArg(6);
    const char* names[] = {"pc", "at", "frame", "key", "keySize", "stopped", "ctx"};
    for (unsigned i = 0; i < 7; ++i) fn_->getArg(i)->setName(names[i]);

    llvm::BasicBlock* entry = block("entry");
    llvm::BasicBlock* none = block("no.pure.step");
    b_.SetInsertPoint(entry);
    // The expressions' result: null before each call (the ABI's promise), moved out after.
    result_ = b_.CreateAlloca(b_.getInt8Ty(), b_.getInt64(jit::kValueSize), "value");
    result_->setAlignment(llvm::Align(16));
    llvm::SwitchInst* dispatch = b_.CreateSwitch(b_.CreateLoad(b_.getInt32Ty(), pc_), none);
    for (ir::StepIndex s = 0; s < journey_.steps.size(); ++s) {
      if (isPure(journey_.steps[s])) dispatch->addCase(b_.getInt32(s), stepBlock(s));
    }
    b_.SetInsertPoint(none);
    b_.CreateRet(b_.getInt32(0));

    for (ir::StepIndex s = 0; s < journey_.steps.size(); ++s) {
      if (!isPure(journey_.steps[s])) continue;
      b_.SetInsertPoint(stepBlock(s));
      b_.CreateStore(b_.getInt32(s), at_);
      std::visit([&](const auto& k) { step(s, k); }, journey_.steps[s].kind);
    }
  }

 private:
  llvm::BasicBlock* block(const std::string& name) {
    return llvm::BasicBlock::Create(c_, name, fn_);
  }

  llvm::BasicBlock* stepBlock(ir::StepIndex s) {
    auto [it, added] = steps_.try_emplace(s, nullptr);
    if (added) it->second = block("step" + std::to_string(s));
    return it->second;
  }

  // Where control goes next: the target's block when it is a pure step, else a block that
  // hands the target to the runtime.
  llvm::BasicBlock* next(ir::StepIndex target) {
    if (target != ir::kEndOfJourney && isPure(journey_.steps[target])) return stepBlock(target);
    auto [it, added] = leaves_.try_emplace(target, nullptr);
    if (added) {
      llvm::IRBuilderBase::InsertPointGuard keep(b_);
      it->second = block(target == ir::kEndOfJourney ? std::string("leave.end")
                                                     : "leave" + std::to_string(target));
      b_.SetInsertPoint(it->second);
      b_.CreateStore(b_.getInt32(target), pc_);
      b_.CreateRet(b_.getInt32(0));
    }
    return it->second;
  }

  // Evaluates expression `e` over the frame into result_.
  void evaluate(ir::ExprIndex e) {
    b_.CreateStore(b_.getInt64(0), result_);
    b_.CreateStore(b_.getInt64(0), b_.CreateConstInBoundsGEP1_64(b_.getInt8Ty(), result_, 8));
    llvm::Function* f = m_.getFunction(unit_.functions.at(e));
    b_.CreateCall(f, {result_, frame_, ctx_});
  }

  llvm::Value* resultIs(ValueKind kind) {
    llvm::Value* k = b_.CreateLoad(b_.getInt8Ty(), result_);
    return b_.CreateICmpEQ(k, b_.getInt8(static_cast<uint8_t>(kind)));
  }

  // Step `s` stops the instance with the value in result_.
  llvm::BasicBlock* failure(ir::StepIndex s) {
    llvm::IRBuilderBase::InsertPointGuard keep(b_);
    llvm::BasicBlock* fail = block("fail" + std::to_string(s));
    b_.SetInsertPoint(fail);
    b_.CreateStore(b_.getInt32(s), pc_);
    b_.CreateCall(helper("journey_jit_move", b_.getVoidTy()), {stopped_, result_});
    b_.CreateRet(b_.getInt32(1));
    return fail;
  }

  llvm::FunctionCallee helper(const char* name, llvm::Type* ret) {
    llvm::Type* ptr = llvm::PointerType::getUnqual(c_);
    std::vector<llvm::Type*> params;
    if (std::string_view(name) == "journey_jit_move") {
      params = {ptr, ptr};
    } else {  // journey_jit_split_bucket
      params = {ptr, b_.getInt64Ty(), ptr, b_.getInt64Ty(), ptr, b_.getInt64Ty()};
    }
    return m_.getOrInsertFunction(name, llvm::FunctionType::get(ret, params, false));
  }

  void step(ir::StepIndex s, const ir::BranchIr& k) {
    evaluate(k.condition);
    llvm::BasicBlock* decide = block("decide" + std::to_string(s));
    b_.CreateCondBr(resultIs(ValueKind::Bool), decide, failure(s));
    b_.SetInsertPoint(decide);
    llvm::Value* bit = b_.CreateLoad(
        b_.getInt8Ty(), b_.CreateConstInBoundsGEP1_64(b_.getInt8Ty(), result_, jit::kValuePayload));
    b_.CreateCondBr(b_.CreateICmpNE(bit, b_.getInt8(0)), next(k.then), next(k.otherwise));
  }

  void step(ir::StepIndex s, const ir::LetIr& k) {
    evaluate(k.value);
    llvm::BasicBlock* bind = block("bind" + std::to_string(s));
    b_.CreateCondBr(resultIs(ValueKind::Error), failure(s), bind);
    b_.SetInsertPoint(bind);
    llvm::Value* slot =
        b_.CreateConstInBoundsGEP1_64(b_.getInt8Ty(), frame_, uint64_t{k.slot} * jit::kValueSize);
    b_.CreateCall(helper("journey_jit_move", b_.getVoidTy()), {slot, result_});
    b_.CreateBr(next(journey_.steps[s].next));
  }

  void step(ir::StepIndex s, const ir::SplitIr& k) {
    llvm::Value* bucket = b_.CreateCall(
        helper("journey_jit_split_bucket", b_.getInt32Ty()),
        {text(journey_.name), b_.getInt64(journey_.name.size()), text(k.name),
         b_.getInt64(k.name.size()), key_, keySize_});
    int64_t upTo = 0;
    for (const ir::SplitArmIr& arm : k.arms) {
      upTo += arm.percent * 100;
      llvm::BasicBlock* otherwise = block("split" + std::to_string(s) + ".next");
      b_.CreateCondBr(b_.CreateICmpSLT(b_.CreateZExt(bucket, b_.getInt64Ty()), b_.getInt64(upTo)),
                      next(arm.target), otherwise);
      b_.SetInsertPoint(otherwise);
    }
    b_.CreateBr(next(journey_.steps[s].next));
  }

  template <typename Other>
  void step(ir::StepIndex, const Other&) {}  // not pure: never given a block

  llvm::Value* text(const std::string& s) { return b_.CreateGlobalString(s, "text", 0, &m_); }

  LlvmUnit& unit_;
  const ir::JourneyIr& journey_;
  llvm::LLVMContext& c_;
  llvm::Module& m_;
  llvm::IRBuilder<> b_;
  llvm::Function* fn_ = nullptr;
  llvm::Argument *pc_ = nullptr, *at_ = nullptr, *frame_ = nullptr, *key_ = nullptr,
                 *keySize_ = nullptr, *stopped_ = nullptr, *ctx_ = nullptr;
  llvm::AllocaInst* result_ = nullptr;
  std::map<ir::StepIndex, llvm::BasicBlock*> steps_;   // a pure step's block
  std::map<ir::StepIndex, llvm::BasicBlock*> leaves_;  // handing a step to the runtime
};

}  // namespace

bool generateTransitions(const std::vector<ir::JourneyIr>& journeys, const std::string& prefix,
                         LlvmUnit& unit, std::string& whyNot) {
  unit.transitions.assign(journeys.size(), "");
  for (size_t j = 0; j < journeys.size(); ++j) {
    const ir::JourneyIr& journey = journeys[j];
    bool anyPure = false;
    for (const ir::StepIr& s : journey.steps) anyPure = anyPure || isPure(s);
    if (!anyPure) continue;
    std::string name = prefix + "_j" + std::to_string(j);
    TransitionGenerator(unit, journey).generate(name);
    std::string problems;
    llvm::raw_string_ostream os(problems);
    if (llvm::verifyFunction(*unit.module->getFunction(name), &os)) {
      whyNot = "journey `" + journey.name + "`: invalid LLVM IR: " + os.str();
      return false;
    }
    unit.transitions[j] = std::move(name);
  }
  return true;
}

}  // namespace journey::codegen
