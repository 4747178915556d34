#include "compiler/codegen/llvm_columns.h"

#include <llvm/IR/BasicBlock.h>
#include <llvm/IR/Constants.h>
#include <llvm/IR/DerivedTypes.h>
#include <llvm/IR/Function.h>
#include <llvm/IR/GlobalVariable.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>
#include <llvm/IR/Verifier.h>
#include <llvm/Support/raw_ostream.h>

#include <map>
#include <set>
#include <stdexcept>

#include "compiler/ir/static_overload.h"
#include "vm/audience/column_batch.h"

namespace journey::codegen {

namespace {

using ir::ColumnKind;
using ir::Node;
using ir::NodeId;
using ir::NodeKind;

// Offsets in the ABI's structs (vm/audience/column_batch.h).
constexpr uint64_t kValues = offsetof(audience::ColumnData, values);
constexpr uint64_t kPresent = offsetof(audience::ColumnData, present);
constexpr uint64_t kOffsets = offsetof(audience::ColumnData, offsets);
constexpr uint64_t kColumnSize = sizeof(audience::ColumnData);
constexpr uint64_t kStringData = offsetof(audience::StringRef, data);
constexpr uint64_t kStringSize = offsetof(audience::StringRef, size);
constexpr uint64_t kStringRefSize = sizeof(audience::StringRef);

// A node's value in one row. `error` is an i1; a bool's `v` is an i1 that is false when
// `error` is set. A string is `v` (its bytes) and `size`.
struct Val {
  ValueKind kind = ValueKind::Bool;
  llvm::Value* v = nullptr;
  llvm::Value* size = nullptr;
  llvm::Value* error = nullptr;
};

class KernelGenerator {
 public:
  KernelGenerator(const ir::ExprPool& pool, const ir::ColumnPlan& plan, LlvmUnit& unit)
      : pool_(pool), plan_(plan), c_(*unit.context), m_(*unit.module), b_(c_) {
    i1_ = llvm::Type::getInt1Ty(c_);
    i8_ = llvm::Type::getInt8Ty(c_);
    i32_ = llvm::Type::getInt32Ty(c_);
    i64_ = llvm::Type::getInt64Ty(c_);
    f64_ = llvm::Type::getDoubleTy(c_);
    ptr_ = llvm::PointerType::getUnqual(c_);
  }

  // Rows go by blocks of 64, a word of each presence bitmap: when every column the rule reads
  // is present in all 64 rows (the common case), the block runs a copy of the loop compiled
  // with every presence known, which LLVM reduces to the comparisons alone.
  void kernel(NodeId root, const std::string& name) {
    auto* type = llvm::FunctionType::get(llvm::Type::getVoidTy(c_), {ptr_, i64_, ptr_}, false);
    f_ = llvm::Function::Create(type, llvm::Function::ExternalLinkage, name, m_);
    for (unsigned a : {0u, 2u}) f_->addParamAttr(a, llvm::Attribute::NoAlias);
    columns_ = f_->getArg(0);
    llvm::Value* rows = f_->getArg(1);
    verdicts_ = f_->getArg(2);
    root_ = root;
    columnPointers_.clear();
    presenceRead_.clear();
    llvm::BasicBlock* entry = block("entry");
    llvm::BasicBlock* head = block("block");
    llvm::BasicBlock* next = block("block.next");
    llvm::BasicBlock* done = block("done");
    b_.SetInsertPoint(entry);
    llvm::Value* blocks = b_.CreateLShr(b_.CreateAdd(rows, b_.getInt64(63)), b_.getInt64(6));
    b_.CreateCondBr(b_.CreateICmpEQ(rows, b_.getInt64(0)), done, head);
    entryEnd_ = entry;

    // The block's rows: [64 b, min(64 b + 64, rows)).
    b_.SetInsertPoint(head);
    llvm::PHINode* blockIndex = b_.CreatePHI(i64_, 2, "b");
    blockIndex->addIncoming(b_.getInt64(0), entry);
    block_ = blockIndex;
    llvm::Value* first = b_.CreateShl(blockIndex, b_.getInt64(6));
    llvm::Value* last = b_.CreateAdd(first, b_.getInt64(64));
    last = b_.CreateSelect(b_.CreateICmpULT(last, rows), last, rows);
    llvm::BasicBlock* headEnd = b_.GetInsertBlock();
    llvm::BasicBlock* general = block("rows");
    llvm::BasicBlock* allPresent = block("rows.present");
    b_.SetInsertPoint(general);
    rowLoop(first, last, false, next);
    b_.SetInsertPoint(allPresent);
    rowLoop(first, last, true, next);
    // Only now is it known which presence bitmaps the rule reads.
    b_.SetInsertPoint(headEnd);
    llvm::Value* word = b_.getInt64(~uint64_t{0});
    for (uint32_t c : presenceRead_) word = b_.CreateAnd(word, presenceWord(c));
    llvm::Value* full = b_.CreateAnd(b_.CreateICmpEQ(word, b_.getInt64(~uint64_t{0})),
                                     b_.CreateICmpEQ(b_.CreateSub(last, first), b_.getInt64(64)));
    b_.CreateCondBr(full, allPresent, general);

    b_.SetInsertPoint(next);
    llvm::Value* after = b_.CreateAdd(blockIndex, b_.getInt64(1));
    blockIndex->addIncoming(after, next);
    b_.CreateCondBr(b_.CreateICmpULT(after, blocks), head, done);
    b_.SetInsertPoint(done);
    b_.CreateRetVoid();
  }

  // A loop over rows [first, last) (not empty) writing each row's verdict, then to `exit`.
  void rowLoop(llvm::Value* first, llvm::Value* last, bool assumePresent, llvm::BasicBlock* exit) {
    assumePresent_ = assumePresent;
    llvm::BasicBlock* from = b_.GetInsertBlock();
    llvm::BasicBlock* loop = block(assumePresent ? "row.present" : "row");
    b_.CreateBr(loop);
    b_.SetInsertPoint(loop);
    llvm::PHINode* row = b_.CreatePHI(i64_, 2, "row");
    row->addIncoming(first, from);
    row_ = row;
    Val r = node(root_);
    llvm::Value* verdict = b_.CreateOr(b_.CreateZExt(r.v, i8_),
                                       b_.CreateShl(b_.CreateZExt(r.error, i8_), 1));
    b_.CreateStore(verdict, b_.CreateInBoundsGEP(i8_, verdicts_, row));
    llvm::Value* next = b_.CreateAdd(row, b_.getInt64(1));
    row->addIncoming(next, b_.GetInsertBlock());
    b_.CreateCondBr(b_.CreateICmpULT(next, last), loop, exit);
  }

 private:
  llvm::BasicBlock* block(const char* name) { return llvm::BasicBlock::Create(c_, name, f_); }

  llvm::Value* at(llvm::Value* base, uint64_t offset) {
    return offset == 0 ? base : b_.CreateInBoundsGEP(i8_, base, b_.getInt64(offset));
  }

  // A pointer of column `c`'s ABI struct, loaded once in the entry block.
  llvm::Value* columnPointer(uint32_t c, uint64_t field) {
    auto key = std::make_pair(c, field);
    auto found = columnPointers_.find(key);
    if (found != columnPointers_.end()) return found->second;
    llvm::IRBuilderBase::InsertPointGuard guard(b_);
    b_.SetInsertPoint(entryEnd_->getTerminator());
    llvm::Value* p = b_.CreateLoad(ptr_, at(columns_, c * kColumnSize + field));
    columnPointers_[key] = p;
    return p;
  }

  // Whether column `c`'s path is present in the row.
  llvm::Value* present(uint32_t c) {
    presenceRead_.insert(c);
    if (assumePresent_) return b_.getTrue();
    llvm::Value* words = columnPointer(c, kPresent);
    llvm::Value* word = b_.CreateLoad(
        i64_, b_.CreateInBoundsGEP(i64_, words, b_.CreateLShr(row_, b_.getInt64(6))));
    llvm::Value* bit = b_.CreateLShr(word, b_.CreateAnd(row_, b_.getInt64(63)));
    return b_.CreateTrunc(bit, i1_);
  }

  // Column `c`'s presence bits for the current block of 64 rows.
  llvm::Value* presenceWord(uint32_t c) {
    llvm::Value* words = columnPointer(c, kPresent);
    return b_.CreateLoad(i64_, b_.CreateInBoundsGEP(i64_, words, block_));
  }

  Val stringAt(llvm::Value* refs, llvm::Value* index) {
    llvm::Value* ref = b_.CreateInBoundsGEP(i8_, refs, b_.CreateMul(index, b_.getInt64(kStringRefSize)));
    Val s;
    s.kind = ValueKind::String;
    s.v = b_.CreateLoad(ptr_, at(ref, kStringData));
    s.size = b_.CreateLoad(i64_, at(ref, kStringSize));
    s.error = b_.getFalse();
    return s;
  }

  uint32_t columnOf(NodeId id) const { return plan_.column.at(id); }

  Val boolean(llvm::Value* v, llvm::Value* error) {
    return Val{ValueKind::Bool, b_.CreateAnd(v, b_.CreateNot(error)), nullptr, error};
  }

  Val node(NodeId id) {
    const Node& n = pool_[id];
    switch (n.kind) {
      case NodeKind::Constant: return constant(pool_.constants[n.index]);
      case NodeKind::Variable: return loopVars_.at(n.index);
      case NodeKind::Field: return field(id, n.staticKind);
      case NodeKind::TestField: {
        llvm::Value* error = b_.getFalse();
        auto parent = plan_.parentColumn.find(id);
        if (parent != plan_.parentColumn.end()) error = b_.CreateNot(present(parent->second));
        return boolean(present(columnOf(id)), error);
      }
      case NodeKind::And:
      case NodeKind::Or: return logic(n);
      case NodeKind::Call: return call(n);
      case NodeKind::Comprehension: return comprehension(n.loop);
      default: throw std::logic_error("a node kind the column plan does not accept");
    }
  }

  Val constant(const Value& v) {
    Val out;
    out.kind = v.kind();
    out.error = b_.getFalse();
    switch (v.kind()) {
      case ValueKind::Bool: out.v = b_.getInt1(v.asBool()); break;
      case ValueKind::Int: out.v = b_.getInt64(static_cast<uint64_t>(v.asInt())); break;
      case ValueKind::Double: out.v = llvm::ConstantFP::get(f64_, v.asDouble()); break;
      case ValueKind::String:
        out.v = text(v.asString());
        out.size = b_.getInt64(v.asString().size());
        break;
      default: throw std::logic_error("a constant kind the column plan does not accept");
    }
    return out;
  }

  // A private constant of the module holding `s` (one per distinct text).
  llvm::Constant* text(std::string_view s) {
    auto found = texts_.find(std::string(s));
    if (found != texts_.end()) return found->second;
    llvm::Constant* data =
        llvm::ConstantDataArray::getString(c_, llvm::StringRef(s.data(), s.size()), false);
    auto* global = new llvm::GlobalVariable(m_, data->getType(), true,
                                            llvm::GlobalValue::PrivateLinkage, data, "text");
    global->setUnnamedAddr(llvm::GlobalValue::UnnamedAddr::Global);
    texts_[std::string(s)] = global;
    return global;
  }

  Val field(NodeId id, ValueKind kind) {
    uint32_t c = columnOf(id);
    llvm::Value* error = b_.CreateNot(present(c));
    llvm::Value* values = columnPointer(c, kValues);
    Val out;
    out.kind = kind;
    out.error = error;
    switch (kind) {
      case ValueKind::Bool:
        out.v = b_.CreateAnd(
            b_.CreateICmpNE(b_.CreateLoad(i8_, b_.CreateInBoundsGEP(i8_, values, row_)),
                            b_.getInt8(0)),
            b_.CreateNot(error));
        break;
      case ValueKind::Int: out.v = b_.CreateLoad(i64_, b_.CreateInBoundsGEP(i64_, values, row_)); break;
      case ValueKind::Double:
        out.v = b_.CreateLoad(f64_, b_.CreateInBoundsGEP(f64_, values, row_));
        break;
      case ValueKind::String: {
        Val s = stringAt(values, row_);
        out.v = s.v;
        out.size = s.size;
        break;
      }
      default: throw std::logic_error("a field kind the column plan does not accept");
    }
    return out;
  }

  // CEL's && and ||: a definite operand (false for &&, true for ||) decides, errors or not;
  // otherwise an error in either operand is the result. The right operand is evaluated only
  // when the left one does not decide and it runs a loop; cheaper ones are evaluated always,
  // which saves the branch.
  Val logic(const Node& n) {
    bool isAnd = n.kind == NodeKind::And;
    Val a = node(n.kids[0]);
    auto combine = [&](const Val& x, const Val& y) {
      if (isAnd) {
        llvm::Value* xFalse = b_.CreateNot(b_.CreateOr(x.v, x.error));
        llvm::Value* yFalse = b_.CreateNot(b_.CreateOr(y.v, y.error));
        llvm::Value* decided = b_.CreateOr(xFalse, yFalse);
        llvm::Value* error = b_.CreateAnd(b_.CreateNot(decided), b_.CreateOr(x.error, y.error));
        return Val{ValueKind::Bool, b_.CreateAnd(x.v, y.v), nullptr, error};
      }
      llvm::Value* v = b_.CreateOr(x.v, y.v);
      return Val{ValueKind::Bool, v, nullptr,
                 b_.CreateAnd(b_.CreateNot(v), b_.CreateOr(x.error, y.error))};
    };
    if (!runsLoop(n.kids[1])) return combine(a, node(n.kids[1]));
    llvm::Value* decides = isAnd ? b_.CreateNot(b_.CreateOr(a.v, a.error)) : a.v;
    llvm::BasicBlock* from = b_.GetInsertBlock();
    llvm::BasicBlock* right = block("logic.right");
    llvm::BasicBlock* done = block("logic.done");
    b_.CreateCondBr(decides, done, right);
    b_.SetInsertPoint(right);
    Val both = combine(a, node(n.kids[1]));
    llvm::BasicBlock* rightEnd = b_.GetInsertBlock();
    b_.CreateBr(done);
    b_.SetInsertPoint(done);
    llvm::PHINode* v = b_.CreatePHI(i1_, 2);
    v->addIncoming(b_.getInt1(!isAnd), from);
    v->addIncoming(both.v, rightEnd);
    llvm::PHINode* error = b_.CreatePHI(i1_, 2);
    error->addIncoming(b_.getFalse(), from);
    error->addIncoming(both.error, rightEnd);
    return Val{ValueKind::Bool, v, nullptr, error};
  }

  bool runsLoop(NodeId id) const {
    const Node& n = pool_[id];
    if (n.kind == NodeKind::Comprehension) return true;
    if (n.kind == NodeKind::Call && ir::staticOverloadId(n) == "in_list" &&
        pool_[n.kids[1]].kind == NodeKind::Field) {
      return true;
    }
    for (NodeId kid : n.kids) {
      if (runsLoop(kid)) return true;
    }
    return false;
  }

  Val call(const Node& n) {
    std::string_view id = ir::staticOverloadId(n);
    if (id == "logical_not") {
      Val a = node(n.kids[0]);
      return boolean(b_.CreateNot(a.v), a.error);
    }
    if (id == "in_list") return inList(n);
    Val a = node(n.kids[0]);
    if (id == "starts_with_string" || id == "ends_with_string" || id == "contains_string") {
      std::string_view affix = pool_.constants[pool_[n.kids[1]].index].asString();
      return boolean(hasAffix(a, affix, id), a.error);
    }
    Val y = node(n.kids[1]);
    llvm::Value* error = b_.CreateOr(a.error, y.error);
    if (id == "equals") return boolean(equal(a, y), error);
    if (id == "not_equals") {
      llvm::Value* ne = a.kind == ValueKind::Double ? b_.CreateFCmpUNE(a.v, y.v)
                                                    : b_.CreateNot(equal(a, y));
      return boolean(ne, error);
    }
    return boolean(order(id, a, y), error);
  }

  llvm::Value* order(std::string_view id, const Val& a, const Val& y) {
    bool isInt = id.ends_with("_int64");
    std::string_view op = id.substr(0, id.rfind('_'));
    if (op == "less") return isInt ? b_.CreateICmpSLT(a.v, y.v) : b_.CreateFCmpOLT(a.v, y.v);
    if (op == "less_equals") return isInt ? b_.CreateICmpSLE(a.v, y.v) : b_.CreateFCmpOLE(a.v, y.v);
    if (op == "greater") return isInt ? b_.CreateICmpSGT(a.v, y.v) : b_.CreateFCmpOGT(a.v, y.v);
    return isInt ? b_.CreateICmpSGE(a.v, y.v) : b_.CreateFCmpOGE(a.v, y.v);
  }

  llvm::Value* equal(const Val& a, const Val& y) {
    switch (a.kind) {
      case ValueKind::Double: return b_.CreateFCmpOEQ(a.v, y.v);
      case ValueKind::String: return equalStrings(a, y);
      default: return b_.CreateICmpEQ(a.v, y.v);
    }
  }

  // The same size, then the same bytes. Against a constant, the bytes are compared at a known
  // length (a few loads once LLVM expands the memcmp), from the constant itself when the sizes
  // differ, so no row reads past its string.
  llvm::Value* equalStrings(const Val& a, const Val& y) {
    llvm::Value* sameSize = b_.CreateICmpEQ(a.size, y.size);
    const Val* known = llvm::isa<llvm::Constant>(y.size) ? &y : llvm::isa<llvm::Constant>(a.size) ? &a : nullptr;
    if (known) {
      const Val& other = known == &y ? a : y;
      uint64_t n = llvm::cast<llvm::ConstantInt>(known->size)->getZExtValue();
      if (n == 0) return sameSize;
      llvm::Value* from = b_.CreateSelect(sameSize, other.v, known->v);
      return b_.CreateAnd(sameSize, bytesEqual(from, known->v, b_.getInt64(n)));
    }
    llvm::Value* n = b_.CreateSelect(sameSize, a.size, b_.getInt64(0));
    return b_.CreateAnd(sameSize, bytesEqual(a.v, y.v, n));
  }

  llvm::Value* bytesEqual(llvm::Value* x, llvm::Value* y, llvm::Value* n) {
    llvm::FunctionCallee memcmp =
        m_.getOrInsertFunction("memcmp", llvm::FunctionType::get(i32_, {ptr_, ptr_, i64_}, false));
    return b_.CreateICmpEQ(b_.CreateCall(memcmp, {x, y, n}), b_.getInt32(0));
  }

  // startsWith, endsWith and contains with a constant argument.
  llvm::Value* hasAffix(const Val& s, std::string_view affix, std::string_view id) {
    if (affix.empty()) return b_.getTrue();
    llvm::Constant* known = text(affix);
    llvm::Value* n = b_.getInt64(affix.size());
    if (id == "contains_string") {
      llvm::FunctionCallee memmem = m_.getOrInsertFunction(
          "memmem", llvm::FunctionType::get(ptr_, {ptr_, i64_, ptr_, i64_}, false));
      llvm::Value* found = b_.CreateCall(memmem, {s.v, s.size, known, n});
      return b_.CreateICmpNE(found, llvm::ConstantPointerNull::get(ptr_));
    }
    llvm::Value* fits = b_.CreateICmpUGE(s.size, n);
    llvm::Value* start =
        id == "starts_with_string" ? s.v : b_.CreateInBoundsGEP(i8_, s.v, b_.CreateSub(s.size, n));
    llvm::Value* from = b_.CreateSelect(fits, start, known);
    return b_.CreateAnd(fits, bytesEqual(from, known, n));
  }

  Val inList(const Node& n) {
    Val x = node(n.kids[0]);
    const Node& list = pool_[n.kids[1]];
    if (list.kind == NodeKind::Field) {
      uint32_t c = columnOf(n.kids[1]);
      llvm::Value* error = b_.CreateOr(x.error, b_.CreateNot(present(c)));
      llvm::Value* found = anyElement(c, [&](const Val& item) { return equalStrings(x, item); });
      return boolean(found, error);
    }
    std::vector<Val> items;
    if (list.kind == NodeKind::Constant) {
      for (const Value& v : pool_.constants[list.index].asList()) items.push_back(constant(v));
    } else {
      for (NodeId kid : list.kids) items.push_back(node(kid));
    }
    llvm::Value* found = b_.getFalse();
    for (const Val& item : items) found = b_.CreateOr(found, equal(x, item));
    return boolean(found, x.error);
  }

  // Whether `test` holds for some element of the row's list in StringList column `c` (none
  // when the list is absent): a loop that stops at the first.
  template <typename Test>
  llvm::Value* anyElement(uint32_t c, Test test) {
    llvm::Value* begin;
    llvm::Value* end;
    elements(c, begin, end);
    llvm::BasicBlock* from = b_.GetInsertBlock();
    llvm::BasicBlock* body = block("any.item");
    llvm::BasicBlock* done = block("any.done");
    b_.CreateCondBr(b_.CreateICmpULT(begin, end), body, done);
    b_.SetInsertPoint(body);
    llvm::PHINode* i = b_.CreatePHI(i64_, 2);
    i->addIncoming(begin, from);
    llvm::Value* hit = test(stringAt(columnPointer(c, kValues), i));
    llvm::Value* next = b_.CreateAdd(i, b_.getInt64(1));
    llvm::BasicBlock* bodyEnd = b_.GetInsertBlock();
    i->addIncoming(next, bodyEnd);
    b_.CreateCondBr(b_.CreateOr(hit, b_.CreateICmpUGE(next, end)), done, body);
    b_.SetInsertPoint(done);
    llvm::PHINode* found = b_.CreatePHI(i1_, 2);
    found->addIncoming(b_.getFalse(), from);
    found->addIncoming(hit, bodyEnd);
    return found;
  }

  // The row's elements of StringList column `c`: [begin, end) (empty when absent).
  void elements(uint32_t c, llvm::Value*& begin, llvm::Value*& end) {
    llvm::Value* offsets = columnPointer(c, kOffsets);
    begin = b_.CreateZExt(b_.CreateLoad(i32_, b_.CreateInBoundsGEP(i32_, offsets, row_)), i64_);
    llvm::Value* after = b_.CreateAdd(row_, b_.getInt64(1));
    end = b_.CreateZExt(b_.CreateLoad(i32_, b_.CreateInBoundsGEP(i32_, offsets, after)), i64_);
  }

  // exists and all (as column_plan.cpp recognises them): the accumulator starts false (exists)
  // or true (all), the loop runs while it is not decided, and each element's predicate joins it
  // by || or &&. An absent list is an error.
  Val comprehension(const ir::Comprehension& loop) {
    bool all = pool_.constants[pool_[loop.init].index].asBool();
    uint32_t c = columnOf(loop.range);
    llvm::Value* rangeError = b_.CreateNot(present(c));
    llvm::Value* begin;
    llvm::Value* end;
    elements(c, begin, end);
    llvm::BasicBlock* from = b_.GetInsertBlock();
    llvm::BasicBlock* body = block("fold.item");
    llvm::BasicBlock* done = block("fold.done");
    b_.CreateCondBr(b_.CreateICmpULT(begin, end), body, done);
    b_.SetInsertPoint(body);
    llvm::PHINode* i = b_.CreatePHI(i64_, 2);
    llvm::PHINode* accuV = b_.CreatePHI(i1_, 2);
    llvm::PHINode* accuError = b_.CreatePHI(i1_, 2);
    i->addIncoming(begin, from);
    accuV->addIncoming(b_.getInt1(all), from);
    accuError->addIncoming(b_.getFalse(), from);
    loopVars_[loop.iterVar] = stringAt(columnPointer(c, kValues), i);
    const Node& step = pool_[loop.step];
    loopVars_[loop.accuVar] = Val{ValueKind::Bool, accuV, nullptr, accuError};
    Val next = logic(step);
    loopVars_.erase(loop.iterVar);
    loopVars_.erase(loop.accuVar);
    llvm::Value* after = b_.CreateAdd(i, b_.getInt64(1));
    llvm::BasicBlock* bodyEnd = b_.GetInsertBlock();
    i->addIncoming(after, bodyEnd);
    accuV->addIncoming(next.v, bodyEnd);
    accuError->addIncoming(next.error, bodyEnd);
    // Decided: true for exists, false for all (an error keeps the loop going).
    llvm::Value* decided =
        all ? b_.CreateNot(b_.CreateOr(next.v, next.error)) : next.v;
    b_.CreateCondBr(b_.CreateOr(decided, b_.CreateICmpUGE(after, end)), done, body);
    b_.SetInsertPoint(done);
    llvm::PHINode* v = b_.CreatePHI(i1_, 2);
    v->addIncoming(b_.getInt1(all), from);
    v->addIncoming(next.v, bodyEnd);
    llvm::PHINode* error = b_.CreatePHI(i1_, 2);
    error->addIncoming(b_.getFalse(), from);
    error->addIncoming(next.error, bodyEnd);
    // An absent range is the result's error whatever the loop gave (it gave nothing).
    return Val{ValueKind::Bool, b_.CreateAnd(v, b_.CreateNot(rangeError)), nullptr,
               b_.CreateOr(error, rangeError)};
  }

  const ir::ExprPool& pool_;
  const ir::ColumnPlan& plan_;
  llvm::LLVMContext& c_;
  llvm::Module& m_;
  llvm::IRBuilder<> b_;
  llvm::Type *i1_, *i8_, *i32_, *i64_, *f64_;
  llvm::PointerType* ptr_;
  llvm::Function* f_ = nullptr;
  llvm::Value* columns_ = nullptr;
  llvm::Value* verdicts_ = nullptr;
  NodeId root_ = ir::kNoNode;
  llvm::Value* block_ = nullptr;  // the index of the block of 64 rows
  llvm::Value* row_ = nullptr;
  bool assumePresent_ = false;    // generating the loop for blocks where every path is present
  std::set<uint32_t> presenceRead_;
  llvm::BasicBlock* entryEnd_ = nullptr;
  std::map<std::pair<uint32_t, uint64_t>, llvm::Value*> columnPointers_;
  std::map<std::string, llvm::Constant*> texts_;
  std::map<uint32_t, Val> loopVars_;  // by slot: the element and the accumulator of each loop
};

}  // namespace

bool generateColumnKernels(const ir::ExprPool& pool, const std::vector<ir::LoweredExpr>& exprs,
                           const ir::ColumnPlan& plan, const std::string& prefix, LlvmUnit& unit,
                           std::string& whyNot, size_t largestCompiled) {
  const std::vector<ir::ExprIndex>& which = plan.exprs;
  unit.kernels.assign(which.size(), std::string());
  KernelGenerator gen(pool, plan, unit);
  for (size_t k = 0; k < which.size(); ++k) {
    if (k >= plan.kernel.size() || !plan.kernel[k]) continue;
    // Too large to compile (jit_policy.h): its rows are evaluated one at a time, as for an
    // expression the plan did not accept.
    if (jitInterprets(pool, exprs[which[k]], largestCompiled)) continue;
    std::string name = prefix + "_k" + std::to_string(k);
    try {
      gen.kernel(exprs[which[k]].root, name);
    } catch (const std::exception& e) {
      whyNot = "column kernel " + std::to_string(k) + ": " + e.what();
      return false;
    }
    llvm::Function* f = unit.module->getFunction(name);
    std::string problems;
    llvm::raw_string_ostream os(problems);
    if (!f || llvm::verifyFunction(*f, &os)) {
      whyNot = "column kernel " + std::to_string(k) + ": invalid LLVM IR: " + os.str();
      return false;
    }
    unit.kernels[k] = std::move(name);
  }
  return true;
}

}  // namespace journey::codegen
