#include "compiler/codegen/llvm_codegen.h"

#include <llvm/IR/BasicBlock.h>
#include <llvm/IR/Constants.h>
#include <llvm/IR/DerivedTypes.h>
#include <llvm/IR/Function.h>
#include <llvm/IR/GlobalVariable.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Intrinsics.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>
#include <llvm/IR/Verifier.h>
#include <llvm/Support/raw_ostream.h>

#include <cstring>
#include <map>
#include <optional>
#include <utility>

#include "compiler/codegen/bytecode_compiler.h"
#include "compiler/codegen/constant_folder.h"
#include "compiler/codegen/fast_ops.h"
#include "compiler/ir/static_overload.h"

namespace journey::codegen {

LlvmUnit::LlvmUnit() = default;
LlvmUnit::~LlvmUnit() = default;
LlvmUnit::LlvmUnit(LlvmUnit&&) noexcept = default;
LlvmUnit& LlvmUnit::operator=(LlvmUnit&&) noexcept = default;

namespace {

using ir::Node;
using ir::NodeId;
using ir::NodeKind;

// Thrown when an expression uses something this generator cannot compile; the message names
// the construct (the engine then falls back to the interpreter).
struct Unsupported {
  std::string what;
};

// Values above this many frame entries live on the heap rather than the machine stack.
constexpr uint32_t kStackFrameValues = 4096;

// The kind of operand a fast binary operation needs.
ValueKind operandKind(Op op) {
  switch (op) {
    case Op::AddInt:
    case Op::SubInt:
    case Op::MulInt:
    case Op::LtInt:
    case Op::LeInt:
    case Op::GtInt:
    case Op::GeInt:
    case Op::EqInt:
    case Op::NeInt: return ValueKind::Int;
    case Op::AddDouble:
    case Op::SubDouble:
    case Op::MulDouble:
    case Op::DivDouble:
    case Op::LtDouble:
    case Op::LeDouble:
    case Op::GtDouble:
    case Op::GeDouble:
    case Op::EqDouble:
    case Op::NeDouble: return ValueKind::Double;
    case Op::EqString:
    case Op::NeString: return ValueKind::String;
    default: return ValueKind::Bool;
  }
}


// Where a value lives: a frame entry (locals, then temporaries), an input slot (read only), a
// constant (read only), or the caller's result.
struct Loc {
  // Ptr: an address computed at run time (Generator::ptrs_), a value read in place inside an
  // input or a constant (a record's field), never written.
  enum Kind : uint8_t { Frame, Input, Const, Result, Ptr } kind = Frame;
  uint32_t index = 0;
  bool operator==(const Loc&) const = default;
};

class Generator {
 public:
  Generator(const ir::ExprPool& pool, const ir::RecordLayouts& layouts, LlvmUnit& unit)
      : pool_(pool), layouts_(layouts), unit_(unit), c_(*unit.context), m_(*unit.module), b_(c_),
        folder_(pool) {
    i1_ = llvm::Type::getInt1Ty(c_);
    i8_ = llvm::Type::getInt8Ty(c_);
    i32_ = llvm::Type::getInt32Ty(c_);
    i64_ = llvm::Type::getInt64Ty(c_);
    f64_ = llvm::Type::getDoubleTy(c_);
    void_ = llvm::Type::getVoidTy(c_);
    ptr_ = llvm::PointerType::getUnqual(c_);
    unit_.tables.constants = pool.constants;
    for (size_t r = 0; r < layouts.size(); ++r) unit_.tables.layouts.push_back(&layouts[r]);
  }

  // The function of an expression left to the interpreter (jit_policy.h): it hands its
  // arguments and its index to the interpreter's runner.
  void interpreted(uint32_t index, const std::string& name) {
    auto* type = llvm::FunctionType::get(void_, {ptr_, ptr_, ptr_}, false);
    fn_ = llvm::Function::Create(type, llvm::Function::ExternalLinkage, name, m_);
    fn_->addFnAttr(llvm::Attribute::getWithUWTableKind(c_, llvm::UWTableKind::Async));
    b_.SetInsertPoint(llvm::BasicBlock::Create(c_, "entry", fn_));
    call("journey_jit_interpret", {fn_->getArg(0), fn_->getArg(1), fn_->getArg(2), u32(index)});
    b_.CreateRetVoid();
  }

  void function(const ir::LoweredExpr& expr, const std::string& name) {
    auto* type = llvm::FunctionType::get(void_, {ptr_, ptr_, ptr_}, false);
    fn_ = llvm::Function::Create(type, llvm::Function::ExternalLinkage, name, m_);
    fn_->addFnAttr(llvm::Attribute::getWithUWTableKind(c_, llvm::UWTableKind::Async));
    // An expression that reads no input (a duration, a zone, a default) runs once or a few times:
    // optimising it costs more than it saves, so LLVM skips it (and the back end selects its
    // instructions the fast way).
    if (expr.inputs.empty()) {
      fn_->addFnAttr(llvm::Attribute::OptimizeNone);
      fn_->addFnAttr(llvm::Attribute::NoInline);
    }
    result_ = fn_->getArg(0);
    inputs_ = fn_->getArg(1);
    ctx_ = fn_->getArg(2);
    // The result, the inputs and the context are distinct objects of the caller's.
    for (unsigned i = 0; i < 3; ++i) fn_->addParamAttr(i, llvm::Attribute::NoAlias);
    result_->setName("result");
    inputs_->setName("inputs");
    ctx_->setName("ctx");
    inputCount_ = expr.inputCount;
    localCount_ = expr.slotCount > inputCount_ ? expr.slotCount - inputCount_ : 0;
    next_ = high_ = 0;
    builders_.clear();
    ptrs_.clear();
    borrowedVars_.clear();
    iterations_ = nullptr;

    entry_ = llvm::BasicBlock::Create(c_, "entry", fn_);
    llvm::BasicBlock* body = llvm::BasicBlock::Create(c_, "body", fn_);
    stop_ = llvm::BasicBlock::Create(c_, "stop", fn_);
    exit_ = llvm::BasicBlock::Create(c_, "exit", fn_);
    b_.SetInsertPoint(entry_);
    entryBranch_ = b_.CreateBr(body);
    b_.SetInsertPoint(entryBranch_);
    constants_ = b_.CreateLoad(ptr_, at(ctx_, jit::kCtxConstants), "constants");
    layoutTable_ = b_.CreateLoad(ptr_, at(ctx_, jit::kCtxLayouts), "layouts");
    frame_ = b_.CreateAlloca(i8_, b_.getInt64(1), "frame");
    frame_->setAlignment(llvm::Align(16));
    // The caller's result is null (the ABI's promise): saying so lets LLVM drop the release
    // checks of its first write.
    b_.CreateStore(b_.getInt64(0), result_);
    b_.CreateStore(b_.getInt64(0), at(result_, 8));

    b_.SetInsertPoint(body);
    // Where the bytecode compiler gives up on the expression's size, the interpreter evaluates
    // it to an error; so does the JIT.
    if (codegen::tooLargeToCompile(pool_, expr, layouts_)) {
      storeConstant(Loc{Loc::Result, 0}, Value::error(std::string(kTooLargeToCompile)));
    } else {
      compile(expr.root, Loc{Loc::Result, 0});
    }
    b_.CreateBr(exit_);

    b_.SetInsertPoint(stop_);
    call("journey_jit_take_stop", {result_, ctx_});
    b_.CreateBr(exit_);

    finishFrame();
  }

 private:
  // ---- LLVM shorthands ---------------------------------------------------------------------

  llvm::Value* at(llvm::Value* base, uint64_t offset) {
    return offset ? b_.CreateConstInBoundsGEP1_64(i8_, base, offset) : base;
  }
  llvm::ConstantInt* kindConst(ValueKind k) { return b_.getInt8(static_cast<uint8_t>(k)); }
  llvm::BasicBlock* block(const char* name) { return llvm::BasicBlock::Create(c_, name, fn_); }

  llvm::FunctionCallee helper(const char* name) {
    auto found = helpers_.find(name);
    if (found != helpers_.end()) return found->second;
    // Signatures of jit_abi.h: V = Value*, X = JitContext*, B = void**.
    struct Sig {
      const char* name;
      llvm::Type* ret;
      std::vector<llvm::Type*> params;
    };
    llvm::Type *P = ptr_, *U = i32_, *L = i64_, *N = void_;
    const Sig sigs[] = {
        {"journey_jit_release", N, {P}},
        {"journey_jit_take_stop", N, {P, P}},
        {"journey_jit_frame_new", P, {L}},
        {"journey_jit_frame_delete", N, {P, L}},
        {"journey_jit_field", N, {P, P, U, P}},
        {"journey_jit_opt_field", N, {P, P, U, P}},
        {"journey_jit_test_field", N, {P, P, U, P}},
        {"journey_jit_index", N, {P, P, P}},
        {"journey_jit_opt_index", N, {P, P, P}},
        {"journey_jit_call", U, {P, P, U, U, P}},
        {"journey_jit_call_binary", N, {P, P, P, U, P}},
        {"journey_jit_call_field_binary", N, {P, P, P, U, P}},
        {"journey_jit_call_unary", N, {P, P, U, P}},
        {"journey_jit_int_overflow", N, {P}},
        {"journey_jit_negate_int", N, {P, L}},
        {"journey_jit_strings_equal", U, {P, P}},
        {"journey_jit_logic_join", N, {P, P, P, U}},
        {"journey_jit_not_bool", N, {P, P}},
        {"journey_jit_make_list", U, {P, P, U, U, P}},
        {"journey_jit_make_map", U, {P, P, U, U, P}},
        {"journey_jit_make_record", N, {P, P, U, U, P}},
        {"journey_jit_iter_error", N, {P, P}},
        {"journey_jit_stop_iterations", N, {P}},
        {"journey_jit_list_begin", N, {P}},
        {"journey_jit_list_push", U, {P, P, P}},
        {"journey_jit_list_end", N, {P, P}},
        {"journey_jit_list_free", N, {P}},
        {"journey_jit_map_begin", N, {P}},
        {"journey_jit_map_put", U, {P, P, P, P}},
        {"journey_jit_map_merge", U, {P, P, P, P}},
        {"journey_jit_map_end", N, {P, P}},
        {"journey_jit_map_free", N, {P}},
        {"journey_jit_interpret", N, {P, P, P, U}},
    };
    for (const Sig& s : sigs) {
      if (std::string_view(s.name) == name) {
        llvm::FunctionCallee callee =
            m_.getOrInsertFunction(s.name, llvm::FunctionType::get(s.ret, s.params, false));
        helpers_.emplace(name, callee);
        return callee;
      }
    }
    throw Unsupported{"internal: no helper `" + std::string(name) + "`"};
  }

  llvm::Value* call(const char* name, std::initializer_list<llvm::Value*> args) {
    return b_.CreateCall(helper(name), args);
  }
  llvm::Value* u32(uint32_t v) { return b_.getInt32(v); }

  // Branches to `stop_` when a helper's result is non-zero.
  void stopIf(llvm::Value* flag) {
    llvm::BasicBlock* go = block("go");
    b_.CreateCondBr(b_.CreateICmpNE(flag, b_.getInt32(0)), stopTarget(), go);
    b_.SetInsertPoint(go);
  }

  // Where a stopped evaluation goes: `stop_`, through a block that forgets the loop variables
  // currently borrowing their elements (the frame's release must not drop them).
  llvm::BasicBlock* stopTarget() {
    if (borrowedVars_.empty()) return stop_;
    llvm::BasicBlock* here = b_.GetInsertBlock();
    llvm::BasicBlock* forget = block("stop.forget");
    b_.SetInsertPoint(forget);
    for (Loc v : borrowedVars_) forget16(ptr(v));
    b_.CreateBr(stop_);
    b_.SetInsertPoint(here);
    return forget;
  }

  // Makes the Value at `p` null without releasing it (it was a borrowed copy of its bits).
  void forget16(llvm::Value* p) {
    b_.CreateStore(b_.getInt64(0), p);
    b_.CreateStore(b_.getInt64(0), at(p, 8));
  }
  // Copies the bits of the Value at `src` to `dst` without taking a reference: a borrowed
  // copy, valid while the original lives, forgotten (forget16) before anything drops it.
  void borrow16(llvm::Value* dst, llvm::Value* src) {
    b_.CreateStore(b_.CreateLoad(i64_, src), dst);
    b_.CreateStore(b_.CreateLoad(i64_, at(src, 8)), at(dst, 8));
  }

  // ---- locations ---------------------------------------------------------------------------

  Loc slotLoc(uint32_t slot) {
    if (slot < inputCount_) return Loc{Loc::Input, slot};
    return Loc{Loc::Frame, slot - inputCount_};
  }
  // A slot the code writes (Let, loop variables): never an input.
  Loc writableSlot(uint32_t slot) {
    if (slot < inputCount_) throw Unsupported{"a local variable in an input slot"};
    return slotLoc(slot);
  }

  llvm::Value* ptr(Loc l) {
    switch (l.kind) {
      case Loc::Frame: return at(frame_, uint64_t{l.index} * jit::kValueSize);
      case Loc::Input: return at(inputs_, uint64_t{l.index} * jit::kValueSize);
      case Loc::Const: return at(constants_, uint64_t{l.index} * jit::kValueSize);
      case Loc::Result: return result_;
      case Loc::Ptr: return ptrs_[l.index];
    }
    return result_;
  }

  // Values nothing writes while the expression runs: inputs, constants, and what is read in
  // place inside them. Pointers into them stay valid for the whole evaluation.
  static bool stable(Loc l) {
    return l.kind == Loc::Input || l.kind == Loc::Const || l.kind == Loc::Ptr;
  }

  Loc allocTemp() {
    uint32_t t = next_++;
    if (next_ > high_) high_ = next_;
    return Loc{Loc::Frame, localCount_ + t};
  }

  // ---- value access ------------------------------------------------------------------------

  llvm::Value* kindOf(llvm::Value* p) { return b_.CreateLoad(i8_, p); }
  llvm::Value* isKind(llvm::Value* p, ValueKind k) {
    return b_.CreateICmpEQ(kindOf(p), kindConst(k));
  }
  llvm::Value* payloadInt(llvm::Value* p) { return b_.CreateLoad(i64_, at(p, jit::kValuePayload)); }
  llvm::Value* payloadDouble(llvm::Value* p) {
    return b_.CreateLoad(f64_, at(p, jit::kValuePayload));
  }
  llvm::Value* payloadBool(llvm::Value* p) {
    return b_.CreateICmpNE(b_.CreateLoad(i8_, at(p, jit::kValuePayload)), b_.getInt8(0));
  }
  llvm::Value* payloadPtr(llvm::Value* p) { return b_.CreateLoad(ptr_, at(p, jit::kValuePayload)); }

  // An operand of a fast path: its address, and its value when it is a constant of the table
  // (then its kind and payload are immediates: `profile.age >= 30` compares with 30).
  struct Opnd {
    llvm::Value* p;
    int64_t constant = -1;
  };
  Opnd opnd(Loc l) { return {ptr(l), l.kind == Loc::Const ? int64_t{l.index} : -1}; }
  Opnd opnd(llvm::Value* p) { return {p, -1}; }
  const Value* known(const Opnd& o) const {
    return o.constant < 0 ? nullptr : &unit_.tables.constants[static_cast<size_t>(o.constant)];
  }
  uint64_t knownPayload(const Value& v) const {
    uint64_t bits;
    std::memcpy(&bits, reinterpret_cast<const unsigned char*>(&v) + jit::kValuePayload, 8);
    return bits;
  }
  llvm::Value* isKind(const Opnd& o, ValueKind k) {
    if (const Value* v = known(o)) return b_.getInt1(v->kind() == k);
    return isKind(o.p, k);
  }
  llvm::Value* payloadInt(const Opnd& o) {
    if (const Value* v = known(o)) return b_.getInt64(knownPayload(*v));
    return payloadInt(o.p);
  }
  llvm::Value* payloadDouble(const Opnd& o) {
    if (const Value* v = known(o)) return b_.CreateBitCast(b_.getInt64(knownPayload(*v)), f64_);
    return payloadDouble(o.p);
  }
  llvm::Value* payloadBool(const Opnd& o) {
    if (const Value* v = known(o)) return b_.getInt1((knownPayload(*v) & 0xFF) != 0);
    return payloadBool(o.p);
  }
  // The value is the bool `v`.
  llvm::Value* isBool(llvm::Value* p, bool v) {
    llvm::Value* bit = payloadBool(p);
    return b_.CreateAnd(isKind(p, ValueKind::Bool), v ? bit : b_.CreateNot(bit));
  }

  // Drops the reference the value at `p` holds, if any (it is null afterwards). Outlined in
  // the module (`journey.drop`, `journey.copy`): at -O0 a call keeps large expressions small;
  // the optimiser inlines them where it pays.
  void drop(llvm::Value* p) { b_.CreateCall(dropFunction(), {p}); }

  // dst = the value at `src` (a copy: takes a reference). `src` may point into a value that
  // dst holds: its bits are read and its reference taken before dst is dropped.
  void copy(Loc dst, llvm::Value* src) { b_.CreateCall(copyFunction(), {ptr(dst), src}); }

  llvm::Function* dropFunction() {
    if (drop_) return drop_;
    auto* type = llvm::FunctionType::get(void_, {ptr_}, false);
    drop_ = llvm::Function::Create(type, llvm::Function::InternalLinkage, "journey.drop", m_);
    llvm::Argument* p = drop_->getArg(0);
    llvm::IRBuilder<> e(llvm::BasicBlock::Create(c_, "entry", drop_));
    llvm::BasicBlock* release = llvm::BasicBlock::Create(c_, "release", drop_);
    llvm::BasicBlock* done = llvm::BasicBlock::Create(c_, "done", drop_);
    llvm::Value* flags = e.CreateLoad(i8_, e.CreateConstInBoundsGEP1_64(i8_, p, jit::kValueFlags));
    llvm::Value* owned =
        e.CreateICmpNE(e.CreateAnd(flags, e.getInt8(jit::kValueOwnsRef)), e.getInt8(0));
    e.CreateCondBr(owned, release, done);
    e.SetInsertPoint(release);
    e.CreateCall(helper("journey_jit_release"), {p});
    e.CreateBr(done);
    e.SetInsertPoint(done);
    e.CreateRetVoid();
    return drop_;
  }

  llvm::Function* copyFunction() {
    if (copy_) return copy_;
    llvm::Function* dropper = dropFunction();
    auto* type = llvm::FunctionType::get(void_, {ptr_, ptr_}, false);
    copy_ = llvm::Function::Create(type, llvm::Function::InternalLinkage, "journey.copy", m_);
    copy_->addFnAttr(llvm::Attribute::NoInline);
    llvm::Argument* d = copy_->getArg(0);
    llvm::Argument* src = copy_->getArg(1);
    llvm::IRBuilder<> e(llvm::BasicBlock::Create(c_, "entry", copy_));
    llvm::BasicBlock* retain = llvm::BasicBlock::Create(c_, "retain", copy_);
    llvm::BasicBlock* done = llvm::BasicBlock::Create(c_, "retained", copy_);
    llvm::Value* lo = e.CreateLoad(i64_, src);
    llvm::Value* hi = e.CreateLoad(i64_, e.CreateConstInBoundsGEP1_64(i8_, src, 8));
    llvm::Value* owned = e.CreateICmpNE(
        e.CreateAnd(lo, e.getInt64(uint64_t{jit::kValueOwnsRef} << 8)), e.getInt64(0));
    e.CreateCondBr(owned, retain, done);
    e.SetInsertPoint(retain);
    e.CreateAtomicRMW(llvm::AtomicRMWInst::Add, e.CreateIntToPtr(hi, ptr_), e.getInt32(1),
                      llvm::MaybeAlign(4), llvm::AtomicOrdering::Monotonic);
    e.CreateBr(done);
    e.SetInsertPoint(done);
    e.CreateCall(dropper, {d});
    e.CreateStore(lo, d);
    e.CreateStore(hi, e.CreateConstInBoundsGEP1_64(i8_, d, 8));
    e.CreateRetVoid();
    return copy_;
  }

  void copy(Loc dst, Loc src) {
    if (dst == src) return;
    copy(dst, ptr(src));
  }

  void storeScalar(Loc dst, ValueKind k, llvm::Value* payload64) {
    llvm::Value* d = ptr(dst);
    drop(d);
    b_.CreateStore(b_.getInt64(static_cast<uint8_t>(k)), d);
    b_.CreateStore(payload64, at(d, 8));
  }
  void storeBool(Loc dst, llvm::Value* bit) {
    storeScalar(dst, ValueKind::Bool, b_.CreateZExt(bit, i64_));
  }

  void storeConstant(Loc dst, Value v) {
    unit_.tables.constants.push_back(std::move(v));
    copy(dst, Loc{Loc::Const, static_cast<uint32_t>(unit_.tables.constants.size() - 1)});
  }

  // ---- constant folding, as the bytecode compiler does -------------------------------------

  // The constant `id` folds to, interned once per node.
  std::optional<uint32_t> folded(NodeId id) {
    if (auto it = folded_.find(id); it != folded_.end()) return it->second;
    std::optional<Value> v = folder_.value(id);
    if (!v) return std::nullopt;
    const Node& n = pool_[id];
    uint32_t k;
    if (n.kind == NodeKind::Constant) {
      k = n.index;  // the pool's own constant
    } else {
      unit_.tables.constants.push_back(std::move(*v));
      k = static_cast<uint32_t>(unit_.tables.constants.size() - 1);
    }
    folded_[id] = k;
    return k;
  }

  // ---- sites -------------------------------------------------------------------------------

  uint32_t callSite(const Node& n) {
    unit_.tables.calls.push_back(CallSite{n.candidates, n.name});
    return static_cast<uint32_t>(unit_.tables.calls.size() - 1);
  }

  bool staticRecord(const Node& n) const {
    return n.record >= 0 && static_cast<size_t>(n.record) < layouts_.size();
  }

  uint32_t fieldSite(const Node& n) {
    FieldSite site{n.name, nullptr, 0};
    if (staticRecord(n)) {
      site.layout = &layouts_[n.record];
      site.index = n.index;
    }
    unit_.tables.fields.push_back(std::move(site));
    return static_cast<uint32_t>(unit_.tables.fields.size() - 1);
  }

  uint32_t maskSite(const std::vector<bool>& mask) {
    bool any = false;
    for (bool v : mask) any |= v;
    if (!any) return kNoIndex;
    unit_.tables.masks.push_back(mask);
    return static_cast<uint32_t>(unit_.tables.masks.size() - 1);
  }

  // Compiles the kids into consecutive frame entries; returns the first.
  // Compiles the kids into consecutive frame entries for a helper that reads them; returns
  // the first. Kids that are stable values (inputs, constants, fields read in place) are not
  // copied: their bits are borrowed, after every other kid is computed (reading them has no
  // effect, so the order does not show), and `borrowed` lists the entries to forget once the
  // helper has returned.
  Loc consecutive(const std::vector<NodeId>& kids, std::vector<Loc>* borrowed = nullptr) {
    Loc first{Loc::Frame, localCount_ + next_};
    std::vector<Loc> locs;
    for (size_t i = 0; i < kids.size(); ++i) locs.push_back(allocTemp());
    std::vector<size_t> late;
    for (size_t i = 0; i < kids.size(); ++i) {
      if (borrowed && borrowable(kids[i])) {
        late.push_back(i);
      } else {
        compile(kids[i], locs[i]);
      }
    }
    for (size_t i : late) {
      Loc v = operand(kids[i]);
      llvm::Value* t = ptr(locs[i]);
      drop(t);  // a temporary may still hold a value of an earlier sibling
      borrow16(t, ptr(v));
      borrowed->push_back(locs[i]);
    }
    return first;
  }
  void forget(const std::vector<Loc>& borrowed) {
    for (Loc l : borrowed) forget16(ptr(l));
  }

  // A value that operand() gives as a stable location, with no effect.
  bool borrowable(NodeId id) {
    const Node& n = pool_[id];
    if (n.kind == NodeKind::Variable) return n.index < inputCount_;
    if (folded(id)) return true;
    return inPlaceField(n);
  }
  // A field of a statically known record read where it is, inside an input or constant.
  bool inPlaceField(const Node& n) {
    if (n.kind != NodeKind::Field || !staticRecord(n)) return false;
    const Node& base = pool_[n.kids[0]];
    return (base.kind == NodeKind::Variable && base.index < inputCount_) || folded(n.kids[0]) ||
           inPlaceField(base);
  }
  llvm::Value* argsPointer(Loc first, size_t count) {
    return count == 0 ? llvm::ConstantPointerNull::get(ptr_) : ptr(first);
  }

  // ---- record fields read in place ---------------------------------------------------------

  // Branches to `present` with the address of field `field` of the record at `p` when `p`
  // holds a record of layout `record` in which the field is present; else to `otherwise`.
  llvm::Value* fieldInPlace(llvm::Value* p, int32_t record, uint32_t field,
                            llvm::BasicBlock* otherwise) {
    const RecordLayout& layout = layouts_[record];
    llvm::BasicBlock* isRecord = block("is.record");
    llvm::BasicBlock* sameLayout = block("same.layout");
    llvm::BasicBlock* present = block("present");
    b_.CreateCondBr(isKind(p, ValueKind::Record), isRecord, otherwise);
    b_.SetInsertPoint(isRecord);
    llvm::Value* object = payloadPtr(p);
    llvm::Value* actual = b_.CreateLoad(ptr_, at(object, jit::kRecordLayout));
    llvm::Value* expected = b_.CreateLoad(ptr_, at(layoutTable_, uint64_t(record) * 8));
    b_.CreateCondBr(b_.CreateICmpEQ(actual, expected), sameLayout, otherwise);
    b_.SetInsertPoint(sameLayout);
    uint64_t presenceOffset =
        jit::kRecordFields + layout.fieldCount() * jit::kValueSize + (field / 64) * 8;
    llvm::Value* word = b_.CreateLoad(i64_, at(object, presenceOffset));
    llvm::Value* bit = b_.CreateAnd(word, b_.getInt64(uint64_t{1} << (field % 64)));
    b_.CreateCondBr(b_.CreateICmpNE(bit, b_.getInt64(0)), present, otherwise);
    b_.SetInsertPoint(present);
    return at(object, jit::kRecordFields + uint64_t{field} * jit::kValueSize);
  }

  // ---- expressions -------------------------------------------------------------------------

  Loc operand(NodeId id) {
    const Node& n = pool_[id];
    if (n.kind == NodeKind::Variable) return slotLoc(n.index);
    if (std::optional<uint32_t> k = folded(id)) return Loc{Loc::Const, *k};
    if (inPlaceField(n)) return fieldOperand(n);
    Loc t = allocTemp();
    compile(id, t);
    return t;
  }

  // The address of a field of a stable record, without copying it: the field itself when the
  // record has the static layout and the field is present, else a temporary the general path
  // fills (an absent field's error, a record of another layout read by name).
  Loc fieldOperand(const Node& n) {
    Loc base = operand(n.kids[0]);
    uint32_t site = fieldSite(n);
    llvm::BasicBlock* slow = block("inplace.slow");
    llvm::BasicBlock* done = block("inplace.done");
    llvm::Value* field = fieldInPlace(ptr(base), n.record, n.index, slow);
    llvm::BasicBlock* present = b_.GetInsertBlock();
    b_.CreateBr(done);
    b_.SetInsertPoint(slow);
    Loc t = allocTemp();
    llvm::Value* tp = ptr(t);
    call("journey_jit_field", {tp, ptr(base), u32(site), ctx_});
    b_.CreateBr(done);
    b_.SetInsertPoint(done);
    llvm::PHINode* p = b_.CreatePHI(ptr_, 2, "field");
    p->addIncoming(field, present);
    p->addIncoming(tp, slow);
    ptrs_.push_back(p);
    return Loc{Loc::Ptr, static_cast<uint32_t>(ptrs_.size() - 1)};
  }

  void compile(NodeId id, Loc dst) {
    uint32_t mark = next_;
    compileNode(id, dst);
    next_ = mark;
  }

  void compileNode(NodeId id, Loc dst) {
    if (std::optional<uint32_t> k = folded(id)) {
      copy(dst, Loc{Loc::Const, *k});
      return;
    }
    const Node& n = pool_[id];
    switch (n.kind) {
      case NodeKind::Constant:
      case NodeKind::Error: break;  // always folded
      case NodeKind::Variable: copy(dst, slotLoc(n.index)); break;
      case NodeKind::Field: compileField(n, dst); break;
      case NodeKind::OptionalField: {
        Loc x = operand(n.kids[0]);
        call("journey_jit_opt_field", {ptr(dst), ptr(x), u32(fieldSite(n)), ctx_});
        break;
      }
      case NodeKind::TestField: compileTestField(n, dst); break;
      case NodeKind::Index:
      case NodeKind::OptionalIndex: {
        Loc x = operand(n.kids[0]);
        Loc y = operand(n.kids[1]);
        call(n.kind == NodeKind::Index ? "journey_jit_index" : "journey_jit_opt_index",
             {ptr(dst), ptr(x), ptr(y)});
        break;
      }
      case NodeKind::Call: compileCall(n, dst); break;
      case NodeKind::And:
      case NodeKind::Or: compileLogic(n, dst); break;
      case NodeKind::Conditional: compileConditional(n, dst); break;
      case NodeKind::NotStrictlyFalse: {
        Loc x = operand(n.kids[0]);
        storeBool(dst, b_.CreateNot(isBool(ptr(x), false)));
        break;
      }
      case NodeKind::List: {
        std::vector<Loc> borrowed;
        Loc first = consecutive(n.kids, &borrowed);
        llvm::Value* stopped =
            call("journey_jit_make_list",
                 {ptr(dst), argsPointer(first, n.kids.size()),
                  u32(static_cast<uint32_t>(n.kids.size())), u32(maskSite(n.optionalMask)), ctx_});
        forget(borrowed);
        stopIf(stopped);
        break;
      }
      case NodeKind::Map: {
        std::vector<Loc> borrowed;
        Loc first = consecutive(n.kids, &borrowed);
        llvm::Value* stopped =
            call("journey_jit_make_map", {ptr(dst), argsPointer(first, n.kids.size()),
                                          u32(static_cast<uint32_t>(n.kids.size() / 2)),
                                          u32(maskSite(n.optionalMask)), ctx_});
        forget(borrowed);
        stopIf(stopped);
        break;
      }
      case NodeKind::Record: {
        RecordSite site;
        if (staticRecord(n)) site.layout = &layouts_[n.record];
        site.fields = n.fieldIndices;
        site.optional = n.optionalMask;
        site.optional.resize(site.fields.size(), false);
        unit_.tables.records.push_back(std::move(site));
        uint32_t index = static_cast<uint32_t>(unit_.tables.records.size() - 1);
        std::vector<Loc> borrowed;
        Loc first = consecutive(n.kids, &borrowed);
        call("journey_jit_make_record",
             {ptr(dst), argsPointer(first, n.kids.size()),
              u32(static_cast<uint32_t>(n.kids.size())), u32(index), ctx_});
        forget(borrowed);
        break;
      }
      case NodeKind::Comprehension: compileLoop(n.loop, dst); break;
      case NodeKind::Let:
        compile(n.kids[0], writableSlot(n.index));
        compile(n.kids[1], dst);
        break;
    }
  }

  void compileField(const Node& n, Loc dst) {
    Loc x = operand(n.kids[0]);
    uint32_t site = fieldSite(n);
    if (!staticRecord(n)) {
      call("journey_jit_field", {ptr(dst), ptr(x), u32(site), ctx_});
      return;
    }
    llvm::BasicBlock* slow = block("field.slow");
    llvm::BasicBlock* done = block("field.done");
    llvm::Value* field = fieldInPlace(ptr(x), n.record, n.index, slow);
    copy(dst, field);
    b_.CreateBr(done);
    b_.SetInsertPoint(slow);
    call("journey_jit_field", {ptr(dst), ptr(x), u32(site), ctx_});
    b_.CreateBr(done);
    b_.SetInsertPoint(done);
  }

  void compileTestField(const Node& n, Loc dst) {
    Loc x = operand(n.kids[0]);
    uint32_t site = fieldSite(n);
    if (!staticRecord(n)) {
      call("journey_jit_test_field", {ptr(dst), ptr(x), u32(site), ctx_});
      return;
    }
    // On the static layout: the presence bit; anything else by name.
    const RecordLayout& layout = layouts_[n.record];
    llvm::Value* p = ptr(x);
    llvm::BasicBlock* isRecord = block("has.record");
    llvm::BasicBlock* fast = block("has.fast");
    llvm::BasicBlock* slow = block("has.slow");
    llvm::BasicBlock* done = block("has.done");
    b_.CreateCondBr(isKind(p, ValueKind::Record), isRecord, slow);
    b_.SetInsertPoint(isRecord);
    llvm::Value* object = payloadPtr(p);
    llvm::Value* actual = b_.CreateLoad(ptr_, at(object, jit::kRecordLayout));
    llvm::Value* expected = b_.CreateLoad(ptr_, at(layoutTable_, uint64_t(n.record) * 8));
    b_.CreateCondBr(b_.CreateICmpEQ(actual, expected), fast, slow);
    b_.SetInsertPoint(fast);
    uint64_t presenceOffset =
        jit::kRecordFields + layout.fieldCount() * jit::kValueSize + (n.index / 64) * 8;
    llvm::Value* word = b_.CreateLoad(i64_, at(object, presenceOffset));
    llvm::Value* bit = b_.CreateAnd(word, b_.getInt64(uint64_t{1} << (n.index % 64)));
    storeBool(dst, b_.CreateICmpNE(bit, b_.getInt64(0)));
    b_.CreateBr(done);
    b_.SetInsertPoint(slow);
    call("journey_jit_test_field", {ptr(dst), p, u32(site), ctx_});
    b_.CreateBr(done);
    b_.SetInsertPoint(done);
  }

  void compileLogic(const Node& n, Loc dst) {
    bool isAnd = n.kind == NodeKind::And;
    compile(n.kids[0], dst);
    llvm::BasicBlock* rest = block(isAnd ? "and.rhs" : "or.rhs");
    llvm::BasicBlock* done = block(isAnd ? "and.done" : "or.done");
    // The left side decides: false for &&, true for ||.
    b_.CreateCondBr(isBool(ptr(dst), !isAnd), done, rest);
    b_.SetInsertPoint(rest);
    Loc y = operand(n.kids[1]);
    llvm::Value* xp = ptr(dst);
    llvm::Value* yp = ptr(y);
    // Both bools: the left one is not deciding, so the right one is the value.
    llvm::BasicBlock* bools = block("logic.bools");
    llvm::BasicBlock* general = block("logic.general");
    b_.CreateCondBr(b_.CreateAnd(isKind(xp, ValueKind::Bool), isKind(yp, ValueKind::Bool)), bools,
                    general);
    b_.SetInsertPoint(bools);
    storeBool(dst, payloadBool(yp));
    b_.CreateBr(done);
    b_.SetInsertPoint(general);
    call("journey_jit_logic_join", {xp, xp, yp, u32(isAnd ? 0 : 1)});
    b_.CreateBr(done);
    b_.SetInsertPoint(done);
  }

  void compileConditional(const Node& n, Loc dst) {
    Loc c = operand(n.kids[0]);
    llvm::Value* cp = ptr(c);
    llvm::BasicBlock* notBool = block("cond.notbool");
    llvm::BasicBlock* test = block("cond.test");
    llvm::BasicBlock* then = block("cond.then");
    llvm::BasicBlock* otherwise = block("cond.else");
    llvm::BasicBlock* done = block("cond.done");
    b_.CreateCondBr(isKind(cp, ValueKind::Bool), test, notBool);
    b_.SetInsertPoint(notBool);
    call("journey_jit_not_bool", {ptr(dst), cp});
    b_.CreateBr(done);
    b_.SetInsertPoint(test);
    b_.CreateCondBr(payloadBool(cp), then, otherwise);
    b_.SetInsertPoint(then);
    compile(n.kids[1], dst);
    b_.CreateBr(done);
    b_.SetInsertPoint(otherwise);
    compile(n.kids[2], dst);
    b_.CreateBr(done);
    b_.SetInsertPoint(done);
  }

  // ---- calls -------------------------------------------------------------------------------

  void compileCall(const Node& n, Loc dst) {
    if (std::string_view id = ir::staticOverloadId(n); !id.empty()) {
      if (n.kids.size() == 2) {
        ValueKind a = pool_[n.kids[0]].staticKind, bk = pool_[n.kids[1]].staticKind;
        if (std::optional<Op> op = fastBinary(id, a, bk)) {
          const Node& lhs = pool_[n.kids[0]];
          if (withFieldOperand(*op) && lhs.kind == NodeKind::Field && staticRecord(lhs)) {
            compileFieldCompare(n, lhs, *op, dst);
          } else {
            compileFastBinary(n, *op, dst);
          }
          return;
        }
        bool prefix = id == "starts_with_string";
        if ((prefix || id == "ends_with_string") && pool_[n.kids[1]].kind == NodeKind::Constant) {
          compileKnownAffix(n, prefix, dst);
          return;
        }
      } else if (n.kids.size() == 1) {
        if (std::optional<Op> op = fastUnary(id)) {
          compileFastUnary(n, *op, dst);
          return;
        }
      }
    }
    std::vector<Loc> borrowed;
    Loc first = consecutive(n.kids, &borrowed);
    llvm::Value* stopped = call(
        "journey_jit_call", {ptr(dst), argsPointer(first, n.kids.size()),
                             u32(static_cast<uint32_t>(n.kids.size())), u32(callSite(n)), ctx_});
    forget(borrowed);
    stopIf(stopped);
  }

  // The inline operation of a fast binary op on two operands already known to have its kind.
  // Writes dst; may branch (integer overflow), ending in one block.
  void fastOperation(Op op, const Opnd& xp, const Opnd& yp, Loc dst) {
    switch (op) {
      case Op::AddInt:
      case Op::SubInt:
      case Op::MulInt: {
        llvm::Intrinsic::ID intrinsic = op == Op::AddInt   ? llvm::Intrinsic::sadd_with_overflow
                                        : op == Op::SubInt ? llvm::Intrinsic::ssub_with_overflow
                                                           : llvm::Intrinsic::smul_with_overflow;
        llvm::Value* r = b_.CreateBinaryIntrinsic(intrinsic, payloadInt(xp), payloadInt(yp));
        llvm::BasicBlock* overflow = block("overflow");
        llvm::BasicBlock* fits = block("fits");
        llvm::BasicBlock* done = block("arith.done");
        b_.CreateCondBr(b_.CreateExtractValue(r, 1), overflow, fits);
        b_.SetInsertPoint(overflow);
        call("journey_jit_int_overflow", {ptr(dst)});
        b_.CreateBr(done);
        b_.SetInsertPoint(fits);
        storeScalar(dst, ValueKind::Int, b_.CreateExtractValue(r, 0));
        b_.CreateBr(done);
        b_.SetInsertPoint(done);
        return;
      }
      case Op::AddDouble:
      case Op::SubDouble:
      case Op::MulDouble:
      case Op::DivDouble: {
        llvm::Value* x = payloadDouble(xp);
        llvm::Value* y = payloadDouble(yp);
        llvm::Value* r = op == Op::AddDouble   ? b_.CreateFAdd(x, y)
                         : op == Op::SubDouble ? b_.CreateFSub(x, y)
                         : op == Op::MulDouble ? b_.CreateFMul(x, y)
                                               : b_.CreateFDiv(x, y);
        storeScalar(dst, ValueKind::Double, b_.CreateBitCast(r, i64_));
        return;
      }
      case Op::LtInt: storeBool(dst, b_.CreateICmpSLT(payloadInt(xp), payloadInt(yp))); return;
      case Op::LeInt: storeBool(dst, b_.CreateICmpSLE(payloadInt(xp), payloadInt(yp))); return;
      case Op::GtInt: storeBool(dst, b_.CreateICmpSGT(payloadInt(xp), payloadInt(yp))); return;
      case Op::GeInt: storeBool(dst, b_.CreateICmpSGE(payloadInt(xp), payloadInt(yp))); return;
      case Op::EqInt: storeBool(dst, b_.CreateICmpEQ(payloadInt(xp), payloadInt(yp))); return;
      case Op::NeInt: storeBool(dst, b_.CreateICmpNE(payloadInt(xp), payloadInt(yp))); return;
      // C++'s comparisons on doubles: ordered, except != (true when either is NaN).
      case Op::LtDouble:
        storeBool(dst, b_.CreateFCmpOLT(payloadDouble(xp), payloadDouble(yp)));
        return;
      case Op::LeDouble:
        storeBool(dst, b_.CreateFCmpOLE(payloadDouble(xp), payloadDouble(yp)));
        return;
      case Op::GtDouble:
        storeBool(dst, b_.CreateFCmpOGT(payloadDouble(xp), payloadDouble(yp)));
        return;
      case Op::GeDouble:
        storeBool(dst, b_.CreateFCmpOGE(payloadDouble(xp), payloadDouble(yp)));
        return;
      case Op::EqDouble:
        storeBool(dst, b_.CreateFCmpOEQ(payloadDouble(xp), payloadDouble(yp)));
        return;
      case Op::NeDouble:
        storeBool(dst, b_.CreateFCmpUNE(payloadDouble(xp), payloadDouble(yp)));
        return;
      case Op::EqString:
      case Op::NeString: {
        llvm::Value* eq = nullptr;
        if (const Value* k = known(yp)) {
          eq = equalsKnownString(xp.p, k->asString());
        } else if (const Value* k = known(xp)) {
          eq = equalsKnownString(yp.p, k->asString());
        } else {
          eq = b_.CreateICmpNE(call("journey_jit_strings_equal", {xp.p, yp.p}), b_.getInt32(0));
        }
        storeBool(dst, op == Op::EqString ? eq : b_.CreateNot(eq));
        return;
      }
      case Op::EqBool: storeBool(dst, b_.CreateICmpEQ(payloadBool(xp), payloadBool(yp))); return;
      case Op::NeBool: storeBool(dst, b_.CreateICmpNE(payloadBool(xp), payloadBool(yp))); return;
      default: throw Unsupported{"internal: not a fast binary operation"};
    }
  }

  // Whether the bytes at `start` are `text` (a module constant; a `memcmp` of known length,
  // which LLVM expands into a few loads).
  llvm::Value* bytesAre(llvm::Value* start, std::string_view text) {
    llvm::Constant* data =
        llvm::ConstantDataArray::getString(c_, llvm::StringRef(text.data(), text.size()), false);
    auto* global = new llvm::GlobalVariable(m_, data->getType(), true,
                                            llvm::GlobalValue::PrivateLinkage, data, "str");
    global->setUnnamedAddr(llvm::GlobalValue::UnnamedAddr::Global);
    llvm::FunctionCallee memcmp = m_.getOrInsertFunction(
        "memcmp", llvm::FunctionType::get(i32_, {ptr_, ptr_, i64_}, false));
    llvm::Value* r = b_.CreateCall(memcmp, {start, global, b_.getInt64(text.size())});
    return b_.CreateICmpEQ(r, b_.getInt32(0));
  }

  // The bytes and size of the string (or bytes) at `p`: inline in the value, in its object,
  // or none for the empty string (size 0, and `data` must not be read).
  struct Text {
    llvm::Value* data;
    llvm::Value* size;
  };
  Text textOf(llvm::Value* p) {
    llvm::Value* flags = b_.CreateLoad(i8_, at(p, jit::kValueFlags));
    llvm::BasicBlock* inlined = block("text.inline");
    llvm::BasicBlock* outside = block("text.outside");
    llvm::BasicBlock* object = block("text.object");
    llvm::BasicBlock* done = block("text.done");
    b_.CreateCondBr(b_.CreateICmpNE(b_.CreateAnd(flags, b_.getInt8(jit::kValueInlineText)),
                                    b_.getInt8(0)),
                    inlined, outside);
    b_.SetInsertPoint(inlined);
    llvm::Value* inlineSize =
        b_.CreateZExt(b_.CreateLShr(flags, b_.getInt8(jit::kValueInlineSizeShift)), i64_);
    llvm::Value* inlineData = at(p, jit::kValueInlineData);
    b_.CreateBr(done);
    b_.SetInsertPoint(outside);
    llvm::Value* text = payloadPtr(p);
    b_.CreateCondBr(b_.CreateICmpEQ(text, llvm::ConstantPointerNull::get(ptr_)), done, object);
    b_.SetInsertPoint(object);
    llvm::Value* objectSize = b_.CreateLoad(i64_, at(text, jit::kTextSize));
    llvm::Value* objectData = at(text, jit::kTextData);
    b_.CreateBr(done);
    b_.SetInsertPoint(done);
    llvm::PHINode* size = b_.CreatePHI(i64_, 3);
    size->addIncoming(inlineSize, inlined);
    size->addIncoming(b_.getInt64(0), outside);
    size->addIncoming(objectSize, object);
    llvm::PHINode* data = b_.CreatePHI(ptr_, 3);
    data->addIncoming(inlineData, inlined);
    data->addIncoming(p, outside);
    data->addIncoming(objectData, object);
    return {data, size};
  }

  // Whether the string at `p` is `text`: its size, then its bytes.
  llvm::Value* equalsKnownString(llvm::Value* p, std::string_view text) {
    Text t = textOf(p);
    llvm::Value* sameSize = b_.CreateICmpEQ(t.size, b_.getInt64(text.size()));
    if (text.empty()) return sameSize;
    llvm::BasicBlock* sized = b_.GetInsertBlock();
    llvm::BasicBlock* bytes = block("str.bytes");
    llvm::BasicBlock* compared = block("str.compared");
    b_.CreateCondBr(sameSize, bytes, compared);
    b_.SetInsertPoint(bytes);
    llvm::Value* bytesEqual = bytesAre(t.data, text);
    llvm::BasicBlock* bytesEnd = b_.GetInsertBlock();
    b_.CreateBr(compared);
    b_.SetInsertPoint(compared);
    llvm::PHINode* eq = b_.CreatePHI(i1_, 2);
    eq->addIncoming(b_.getFalse(), sized);
    eq->addIncoming(bytesEqual, bytesEnd);
    return eq;
  }

  // `s.startsWith("k")`, `s.endsWith("k")` with a constant affix (`email.endsWith("@shop.fr")`):
  // the bytes compared in place when `s` is a string, else the library's call (errors, dyn).
  void compileKnownAffix(const Node& n, bool prefix, Loc dst) {
    Loc x = operand(n.kids[0]);
    Loc y = operand(n.kids[1]);
    Opnd xp = opnd(x);
    Opnd yp = opnd(y);
    const Value* affix = known(yp);
    uint32_t site = callSite(n);
    if (!affix || affix->kind() != ValueKind::String) {
      call("journey_jit_call_binary", {ptr(dst), xp.p, yp.p, u32(site), ctx_});
      return;
    }
    llvm::BasicBlock* fast = block("affix");
    llvm::BasicBlock* slow = block("affix.slow");
    llvm::BasicBlock* done = block("affix.done");
    b_.CreateCondBr(isKind(xp, ValueKind::String), fast, slow);
    b_.SetInsertPoint(fast);
    storeBool(dst, hasKnownAffix(xp.p, affix->asString(), prefix));
    b_.CreateBr(done);
    b_.SetInsertPoint(slow);
    call("journey_jit_call_binary", {ptr(dst), xp.p, yp.p, u32(site), ctx_});
    b_.CreateBr(done);
    b_.SetInsertPoint(done);
  }

  // Whether the string at `p` starts (`prefix`) or ends with `text`.
  llvm::Value* hasKnownAffix(llvm::Value* p, std::string_view text, bool prefix) {
    if (text.empty()) return b_.getTrue();
    Text t = textOf(p);
    llvm::Value* want = b_.getInt64(text.size());
    llvm::BasicBlock* sized = b_.GetInsertBlock();
    llvm::BasicBlock* bytes = block("affix.bytes");
    llvm::BasicBlock* done = block("affix.compared");
    // The empty string (size 0) has no non-empty affix.
    b_.CreateCondBr(b_.CreateICmpUGE(t.size, want), bytes, done);
    b_.SetInsertPoint(bytes);
    llvm::Value* start = t.data;
    if (!prefix) start = b_.CreateInBoundsGEP(i8_, start, b_.CreateSub(t.size, want));
    llvm::Value* same = bytesAre(start, text);
    llvm::BasicBlock* bytesEnd = b_.GetInsertBlock();
    b_.CreateBr(done);
    b_.SetInsertPoint(done);
    llvm::PHINode* result = b_.CreatePHI(i1_, 2);
    result->addIncoming(b_.getFalse(), sized);
    result->addIncoming(same, bytesEnd);
    return result;
  }

  void compileFastBinary(const Node& n, Op op, Loc dst) {
    Loc x = operand(n.kids[0]);
    Loc y = operand(n.kids[1]);
    uint32_t site = callSite(n);
    ValueKind k = operandKind(op);
    Opnd xp = opnd(x);
    Opnd yp = opnd(y);
    llvm::BasicBlock* fast = block("fast");
    llvm::BasicBlock* slow = block("slow");
    llvm::BasicBlock* done = block("fast.done");
    b_.CreateCondBr(b_.CreateAnd(isKind(xp, k), isKind(yp, k)), fast, slow);
    b_.SetInsertPoint(fast);
    fastOperation(op, xp, yp, dst);
    b_.CreateBr(done);
    b_.SetInsertPoint(slow);
    call("journey_jit_call_binary", {ptr(dst), xp.p, yp.p, u32(site), ctx_});
    b_.CreateBr(done);
    b_.SetInsertPoint(done);
  }

  void compileFieldCompare(const Node& n, const Node& lhs, Op op, Loc dst) {
    Loc record = operand(lhs.kids[0]);
    Loc y = operand(n.kids[1]);
    uint32_t site = callSite(n);
    unit_.tables.calls[site].lhsField = fieldSite(lhs);
    ValueKind k = operandKind(op);
    llvm::Value* rp = ptr(record);
    Opnd yp = opnd(y);
    llvm::BasicBlock* slow = block("fused.slow");
    llvm::BasicBlock* kinds = block("fused.kinds");
    llvm::BasicBlock* fast = block("fused.fast");
    llvm::BasicBlock* done = block("fused.done");
    Opnd xp = opnd(fieldInPlace(rp, lhs.record, lhs.index, slow));
    b_.CreateBr(kinds);
    b_.SetInsertPoint(kinds);
    b_.CreateCondBr(b_.CreateAnd(isKind(xp, k), isKind(yp, k)), fast, slow);
    b_.SetInsertPoint(fast);
    fastOperation(op, xp, yp, dst);
    b_.CreateBr(done);
    b_.SetInsertPoint(slow);
    call("journey_jit_call_field_binary", {ptr(dst), rp, yp.p, u32(site), ctx_});
    b_.CreateBr(done);
    b_.SetInsertPoint(done);
  }

  void compileFastUnary(const Node& n, Op op, Loc dst) {
    Loc x = operand(n.kids[0]);
    uint32_t site = callSite(n);
    ValueKind k = op == Op::Not      ? ValueKind::Bool
                  : op == Op::NegInt ? ValueKind::Int
                                     : ValueKind::Double;
    llvm::Value* xp = ptr(x);
    llvm::BasicBlock* fast = block("fast");
    llvm::BasicBlock* slow = block("slow");
    llvm::BasicBlock* done = block("fast.done");
    b_.CreateCondBr(isKind(xp, k), fast, slow);
    b_.SetInsertPoint(fast);
    switch (op) {
      case Op::Not: storeBool(dst, b_.CreateNot(payloadBool(xp))); break;
      case Op::NegDouble:
        storeScalar(dst, ValueKind::Double,
                    b_.CreateBitCast(b_.CreateFNeg(payloadDouble(xp)), i64_));
        break;
      default: {  // NegInt: INT64_MIN overflows (negInt gives the error)
        llvm::Value* v = payloadInt(xp);
        llvm::BasicBlock* overflow = block("neg.overflow");
        llvm::BasicBlock* fits = block("neg.fits");
        b_.CreateCondBr(b_.CreateICmpEQ(v, b_.getInt64(static_cast<uint64_t>(INT64_MIN))), overflow,
                        fits);
        b_.SetInsertPoint(overflow);
        call("journey_jit_negate_int", {ptr(dst), v});
        b_.CreateBr(done);
        b_.SetInsertPoint(fits);
        storeScalar(dst, ValueKind::Int, b_.CreateNeg(v));
        break;
      }
    }
    b_.CreateBr(done);
    b_.SetInsertPoint(slow);
    call("journey_jit_call_unary", {ptr(dst), xp, u32(site), ctx_});
    b_.CreateBr(done);
    b_.SetInsertPoint(done);
  }

  // ---- comprehensions ----------------------------------------------------------------------

  llvm::AllocaInst* entryAlloca(llvm::Type* type, const char* name, llvm::Value* init) {
    llvm::IRBuilder<> e(entryBranch_);
    llvm::AllocaInst* a = e.CreateAlloca(type, nullptr, name);
    e.CreateStore(init, a);
    return a;
  }

  // One step of the loop over the range at `rp` (a list or a map of `size` elements): to `exit`
  // after the last element; else counts the iteration against the limit and sets the
  // variables.
  void iterNext(llvm::Value* rp, llvm::Value* isList, llvm::Value* size, llvm::AllocaInst* position,
                Loc var, std::optional<Loc> var2, llvm::BasicBlock* exit) {
    llvm::Value* pos = b_.CreateLoad(i64_, position);
    llvm::BasicBlock* more = block("iter.more");
    b_.CreateCondBr(b_.CreateICmpUGE(pos, size), exit, more);
    b_.SetInsertPoint(more);
    if (!iterations_) iterations_ = entryAlloca(i64_, "iterations", b_.getInt64(0));
    llvm::Value* count = b_.CreateAdd(b_.CreateLoad(i64_, iterations_), b_.getInt64(1));
    b_.CreateStore(count, iterations_);
    llvm::Value* limit = b_.CreateLoad(i64_, at(ctx_, jit::kCtxMaxIterations));
    llvm::BasicBlock* over = block("iter.over");
    llvm::BasicBlock* within = block("iter.within");
    b_.CreateCondBr(b_.CreateICmpUGT(count, limit), over, within);
    b_.SetInsertPoint(over);
    call("journey_jit_stop_iterations", {ctx_});
    b_.CreateBr(stopTarget());
    b_.SetInsertPoint(within);
    // The variables borrow the element (or the key and value): the range outlives the loop
    // and nothing else writes them; loop.done forgets them.
    llvm::Value* object = payloadPtr(rp);
    llvm::Value* element =
        b_.CreateInBoundsGEP(i8_, object,
                             b_.CreateAdd(b_.getInt64(jit::kListElements),
                                          b_.CreateMul(pos, b_.getInt64(jit::kValueSize))));
    llvm::Value* entry =
        b_.CreateInBoundsGEP(i8_, object,
                             b_.CreateAdd(b_.getInt64(jit::kMapEntries),
                                          b_.CreateMul(pos, b_.getInt64(2 * jit::kValueSize))));
    llvm::Value* vp = ptr(var);
    if (var2) {
      // List: the index and the element; map: the key and the value.
      llvm::Value* keyLo = b_.CreateLoad(i64_, entry);
      llvm::Value* keyHi = b_.CreateLoad(i64_, at(entry, 8));
      b_.CreateStore(
          b_.CreateSelect(isList, b_.getInt64(static_cast<uint8_t>(ValueKind::Int)), keyLo), vp);
      b_.CreateStore(b_.CreateSelect(isList, pos, keyHi), at(vp, 8));
      borrow16(ptr(*var2), b_.CreateSelect(isList, element, at(entry, jit::kValueSize)));
    } else {
      borrow16(vp, b_.CreateSelect(isList, element, entry));
    }
    b_.CreateStore(b_.CreateAdd(pos, b_.getInt64(1)), position);
  }

  void compileLoop(const ir::Comprehension& c, Loc dst) {
    Loc range = operand(c.range);
    llvm::Value* rp = ptr(range);
    llvm::BasicBlock* bad = block("iter.bad");
    llvm::BasicBlock* start = block("iter.start");
    llvm::BasicBlock* done = block("loop.done");
    llvm::Value* kind = kindOf(rp);
    llvm::Value* isList = b_.CreateICmpEQ(kind, kindConst(ValueKind::List));
    llvm::Value* isMap = b_.CreateICmpEQ(kind, kindConst(ValueKind::Map));
    b_.CreateCondBr(b_.CreateOr(isList, isMap), start, bad);
    b_.SetInsertPoint(bad);
    call("journey_jit_iter_error", {ptr(dst), rp});
    b_.CreateBr(done);

    // The range's size, once: nothing in the loop writes the range's location.
    b_.SetInsertPoint(start);
    llvm::Value* object = payloadPtr(rp);
    llvm::Value* isNull = b_.CreateICmpEQ(object, llvm::ConstantPointerNull::get(ptr_));
    llvm::BasicBlock* sized = block("iter.sized");
    llvm::BasicBlock* readSize = block("iter.size");
    llvm::BasicBlock* startBlock = b_.GetInsertBlock();
    b_.CreateCondBr(isNull, sized, readSize);
    b_.SetInsertPoint(readSize);
    llvm::Value* listSize = b_.CreateLoad(i64_, at(object, jit::kListSize));
    llvm::Value* mapSize = b_.CreateZExt(b_.CreateLoad(i32_, at(object, jit::kMapSize)), i64_);
    llvm::Value* nonEmpty = b_.CreateSelect(isList, listSize, mapSize);
    b_.CreateBr(sized);
    b_.SetInsertPoint(sized);
    llvm::PHINode* size = b_.CreatePHI(i64_, 2, "size");
    size->addIncoming(b_.getInt64(0), startBlock);
    size->addIncoming(nonEmpty, readSize);
    llvm::AllocaInst* position = entryAlloca(i64_, "position", b_.getInt64(0));
    b_.CreateStore(b_.getInt64(0), position);

    Loc var = writableSlot(c.iterVar);
    std::optional<Loc> var2;
    if (c.iterVar2 != ir::kNoSlot) var2 = writableSlot(c.iterVar2);
    size_t borrowedMark = borrowedVars_.size();
    borrowedVars_.push_back(var);
    if (var2) borrowedVars_.push_back(*var2);
    auto finish = [&] {
      borrowedVars_.resize(borrowedMark);
      b_.SetInsertPoint(done);
      forget16(ptr(var));
      if (var2) forget16(ptr(*var2));
    };

    if (c.kind == ir::LoopKind::Fold) {
      Loc accu = writableSlot(c.accuVar);
      compile(c.init, accu);
      llvm::BasicBlock* loop = block("fold.loop");
      llvm::BasicBlock* after = block("fold.after");
      b_.CreateBr(loop);
      b_.SetInsertPoint(loop);
      iterNext(rp, isList, size, position, var, var2, after);
      if (c.condition != ir::kNoNode) {
        uint32_t mark = next_;
        Loc cond = operand(c.condition);
        llvm::BasicBlock* body = block("fold.step");
        b_.CreateCondBr(isBool(ptr(cond), false), after, body);
        b_.SetInsertPoint(body);
        next_ = mark;
      }
      compile(c.step, accu);
      b_.CreateBr(loop);
      b_.SetInsertPoint(after);
      compile(c.result, dst);
      b_.CreateBr(done);
      finish();
      return;
    }

    bool list = c.kind == ir::LoopKind::ListOf;
    llvm::AllocaInst* builder = entryAlloca(ptr_, list ? "list.builder" : "map.builder",
                                            llvm::ConstantPointerNull::get(ptr_));
    builders_.push_back({builder, list});
    call(list ? "journey_jit_list_begin" : "journey_jit_map_begin", {builder});
    llvm::BasicBlock* loop = block("build.loop");
    llvm::BasicBlock* end = block("build.end");
    b_.CreateBr(loop);
    b_.SetInsertPoint(loop);
    iterNext(rp, isList, size, position, var, var2, end);
    uint32_t mark = next_;
    if (c.filter != ir::kNoNode) {
      Loc f = operand(c.filter);
      llvm::Value* fp = ptr(f);
      llvm::BasicBlock* notBool = block("filter.notbool");
      llvm::BasicBlock* test = block("filter.test");
      llvm::BasicBlock* keep = block("filter.keep");
      b_.CreateCondBr(isKind(fp, ValueKind::Bool), test, notBool);
      b_.SetInsertPoint(notBool);
      call("journey_jit_not_bool", {ptr(dst), fp});
      b_.CreateBr(done);
      b_.SetInsertPoint(test);
      b_.CreateCondBr(payloadBool(fp), keep, loop);
      b_.SetInsertPoint(keep);
      next_ = mark;
    }
    Loc v = operand(c.step);
    llvm::Value* vp = ptr(v);
    if (c.kind == ir::LoopKind::MapEntries) {
      llvm::Value* r = call("journey_jit_map_merge", {builder, vp, ptr(dst), ctx_});
      llvm::BasicBlock* notStopped = block("merge.checked");
      llvm::BasicBlock* merged = block("merge.ok");
      b_.CreateCondBr(b_.CreateICmpEQ(r, b_.getInt32(2)), stopTarget(), notStopped);
      b_.SetInsertPoint(notStopped);
      b_.CreateCondBr(b_.CreateICmpEQ(r, b_.getInt32(1)), done, merged);
      b_.SetInsertPoint(merged);
    } else {
      llvm::BasicBlock* isError = block("step.error");
      llvm::BasicBlock* add = block("step.add");
      b_.CreateCondBr(isKind(vp, ValueKind::Error), isError, add);
      b_.SetInsertPoint(isError);
      copy(dst, vp);
      b_.CreateBr(done);
      b_.SetInsertPoint(add);
      llvm::Value* stopped = list ? call("journey_jit_list_push", {builder, vp, ctx_})
                                  : call("journey_jit_map_put", {builder, ptr(var), vp, ctx_});
      stopIf(stopped);
    }
    next_ = mark;
    b_.CreateBr(loop);
    b_.SetInsertPoint(end);
    call(list ? "journey_jit_list_end" : "journey_jit_map_end", {ptr(dst), builder});
    b_.CreateBr(done);
    finish();
  }

  // ---- the frame ---------------------------------------------------------------------------

  // Sizes the frame now that every temporary is known, and writes the exit block: every value
  // of the frame released, every builder freed.
  void finishFrame() {
    uint64_t count = uint64_t{localCount_} + high_;
    b_.SetInsertPoint(exit_);
    for (const auto& [builder, list] : builders_) {
      call(list ? "journey_jit_list_free" : "journey_jit_map_free", {builder});
    }
    if (count > kStackFrameValues) {
      llvm::IRBuilder<> e(entryBranch_);
      llvm::Value* heap =
          e.CreateCall(helper("journey_jit_frame_new"), {e.getInt64(count)}, "frame.heap");
      frame_->replaceAllUsesWith(heap);
      frame_->eraseFromParent();
      call("journey_jit_frame_delete", {heap, b_.getInt64(count)});
      b_.CreateRetVoid();
      return;
    }
    frame_->setOperand(0, b_.getInt64(std::max<uint64_t>(count, 1) * jit::kValueSize));
    if (count > 0) {
      llvm::IRBuilder<> e(entryBranch_);
      e.CreateMemSet(frame_, e.getInt8(0), count * jit::kValueSize, llvm::MaybeAlign(16));
    }
    // for (i = 0; i < count; ++i) drop(frame[i]), as a loop (LLVM unrolls small frames).
    if (count > 0) {
      llvm::BasicBlock* before = b_.GetInsertBlock();
      llvm::BasicBlock* loop = block("free.loop");
      llvm::BasicBlock* done = block("free.done");
      b_.CreateBr(loop);
      b_.SetInsertPoint(loop);
      llvm::PHINode* i = b_.CreatePHI(i64_, 2, "i");
      i->addIncoming(b_.getInt64(0), before);
      llvm::Value* p =
          b_.CreateInBoundsGEP(i8_, frame_, b_.CreateMul(i, b_.getInt64(jit::kValueSize)));
      drop(p);
      llvm::Value* next = b_.CreateAdd(i, b_.getInt64(1));
      i->addIncoming(next, b_.GetInsertBlock());
      b_.CreateCondBr(b_.CreateICmpULT(next, b_.getInt64(count)), loop, done);
      b_.SetInsertPoint(done);
    }
    b_.CreateRetVoid();
  }

  const ir::ExprPool& pool_;
  const ir::RecordLayouts& layouts_;
  LlvmUnit& unit_;
  llvm::LLVMContext& c_;
  llvm::Module& m_;
  llvm::IRBuilder<> b_;
  llvm::Type *i1_, *i8_, *i32_, *i64_, *f64_, *void_;
  llvm::PointerType* ptr_;
  std::map<std::string, llvm::FunctionCallee, std::less<>> helpers_;
  ConstantFolder folder_;
  std::map<NodeId, uint32_t> folded_;
  llvm::Function* drop_ = nullptr;
  llvm::Function* copy_ = nullptr;

  // The function being generated.
  llvm::Function* fn_ = nullptr;
  llvm::Argument *result_ = nullptr, *inputs_ = nullptr, *ctx_ = nullptr;
  llvm::BasicBlock *entry_ = nullptr, *stop_ = nullptr, *exit_ = nullptr;
  llvm::Instruction* entryBranch_ = nullptr;
  llvm::Value *constants_ = nullptr, *layoutTable_ = nullptr;
  llvm::AllocaInst* frame_ = nullptr;
  llvm::AllocaInst* iterations_ = nullptr;
  std::vector<std::pair<llvm::AllocaInst*, bool>> builders_;
  std::vector<llvm::Value*> ptrs_;  // Loc::Ptr addresses
  std::vector<Loc> borrowedVars_;   // loop variables borrowing their elements right now
  uint32_t inputCount_ = 0, localCount_ = 0;
  uint32_t next_ = 0, high_ = 0;
};

}  // namespace

bool generateLlvm(const ir::ExprPool& pool, const std::vector<ir::LoweredExpr>& exprs,
                  const ir::RecordLayouts& layouts, const std::string& prefix, LlvmUnit& out,
                  std::string& whyNot, size_t largestCompiled) {
  out = LlvmUnit();
  out.context = std::make_unique<llvm::LLVMContext>();
  out.module = std::make_unique<llvm::Module>(prefix, *out.context);
  Generator gen(pool, layouts, out);
  for (size_t i = 0; i < exprs.size(); ++i) {
    std::string name = prefix + "_e" + std::to_string(i);
    try {
      if (jitInterprets(pool, exprs[i], largestCompiled)) {
        gen.interpreted(static_cast<uint32_t>(i), name);
        out.interpreted.push_back(static_cast<uint32_t>(i));
      } else {
        gen.function(exprs[i], name);
      }
    } catch (const Unsupported& u) {
      whyNot = "expression " + std::to_string(i) + ": " + u.what;
      return false;
    }
    llvm::Function* f = out.module->getFunction(name);
    std::string problems;
    llvm::raw_string_ostream os(problems);
    if (!f || llvm::verifyFunction(*f, &os)) {
      whyNot = "expression " + std::to_string(i) + ": invalid LLVM IR: " + os.str();
      return false;
    }
    out.functions.push_back(std::move(name));
  }
  return true;
}

std::string printLlvm(const LlvmUnit& unit) {
  std::string text;
  llvm::raw_string_ostream os(text);
  if (unit.module) unit.module->print(os, nullptr);
  return os.str();
}

}  // namespace journey::codegen
