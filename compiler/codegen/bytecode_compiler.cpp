#include "compiler/codegen/bytecode_compiler.h"

#include <map>
#include <optional>

#include "compiler/codegen/constant_folder.h"
#include "compiler/codegen/fast_ops.h"
#include "compiler/ir/expr_nodes.h"
#include "compiler/ir/static_overload.h"

namespace journey::codegen {

namespace {

using ir::Node;
using ir::NodeId;
using ir::NodeKind;

// Thrown when an expression needs more than 16 bits of registers.
struct TooManyRegisters {};

class Compiler {
 public:
  Compiler(const ir::ExprPool& pool, const ir::RecordLayouts& layouts)
      : pool_(pool), layouts_(layouts), folder_(pool) {}

  Chunk run(const ir::LoweredExpr& expr) {
    chunk_.inputSlots = ir::inputSlotsRead(pool_, expr.root, expr.inputCount);
    chunk_.firstLocalSlot = std::min(expr.inputCount, expr.slotCount);
    chunk_.slotCount = static_cast<uint32_t>(chunk_.inputSlots.size()) + expr.slotCount -
                       chunk_.firstLocalSlot;
    prepare(expr.root);
    next_ = chunk_.slotCount + static_cast<uint32_t>(chunk_.constants.size());
    high_ = next_;
    uint32_t result = alloc();
    compile(expr.root, result);
    emit(Op::Return, result);
    chunk_.registerCount = high_;
    return std::move(chunk_);
  }

 private:
  // ---- constants: gathered before code so that their registers precede the temporaries ----

  uint32_t internConstant(Value v) {
    chunk_.constants.push_back(std::move(v));
    return static_cast<uint32_t>(chunk_.constants.size() - 1);
  }


  // Registers the constants `id`'s subtree uses, folding what can be folded.
  void prepare(NodeId id) {
    if (id == ir::kNoNode) return;
    if (std::optional<Value> v = folder_.value(id)) {
      folded_[id] = internConstant(std::move(*v));
      return;
    }
    const Node& n = pool_[id];
    if (n.kind == NodeKind::Comprehension) {
      const ir::Comprehension& c = n.loop;
      for (NodeId k : {c.range, c.init, c.condition, c.filter, c.step, c.result}) prepare(k);
      return;
    }
    for (NodeId k : n.kids) prepare(k);
  }

  // ---- registers ---------------------------------------------------------------------------

  // The register of an IR slot: the inputs read first, then the locals (Chunk::registerOf).
  uint32_t slot(uint32_t s) const { return chunk_.registerOf(s); }

  uint32_t alloc() {
    uint32_t r = next_++;
    if (next_ > 0xFFFF) throw TooManyRegisters{};
    if (next_ > high_) high_ = next_;
    return r;
  }

  // The register holding `id`'s value: its slot, its constant, or a temporary it is computed
  // into.
  uint32_t operand(NodeId id) {
    const Node& n = pool_[id];
    if (n.kind == NodeKind::Variable) return slot(n.index);
    if (auto it = folded_.find(id); it != folded_.end()) return chunk_.constantRegister(it->second);
    uint32_t t = alloc();
    compile(id, t);
    return t;
  }

  // ---- emission ----------------------------------------------------------------------------

  size_t emit(Op op, uint32_t a = 0, uint32_t b = 0, uint32_t c = 0, uint32_t d = 0,
              uint8_t flags = 0) {
    if (a > 0xFFFF || b > 0xFFFF || c > 0xFFFF) throw TooManyRegisters{};
    chunk_.code.push_back(Instr{op, flags, static_cast<uint16_t>(a), static_cast<uint16_t>(b),
                                static_cast<uint16_t>(c), d});
    return chunk_.code.size() - 1;
  }
  uint32_t here() const { return static_cast<uint32_t>(chunk_.code.size()); }
  void patch(size_t at) { chunk_.code[at].d = here(); }

  uint32_t callSite(const Node& n) {
    chunk_.calls.push_back(CallSite{n.candidates, n.name});
    return static_cast<uint32_t>(chunk_.calls.size() - 1);
  }

  uint32_t fieldSite(const Node& n) {
    FieldSite site{n.name, nullptr, 0};
    if (n.record >= 0 && static_cast<size_t>(n.record) < layouts_.size()) {
      site.layout = &layouts_[n.record];
      site.index = n.index;
    }
    chunk_.fields.push_back(std::move(site));
    return static_cast<uint32_t>(chunk_.fields.size() - 1);
  }

  uint32_t maskSite(const std::vector<bool>& mask) {
    bool any = false;
    for (bool b : mask) any |= b;
    if (!any) return kNoIndex;
    chunk_.masks.push_back(mask);
    return static_cast<uint32_t>(chunk_.masks.size() - 1);
  }

  // Compiles the kids into consecutive registers; returns the first.
  uint32_t consecutive(const std::vector<NodeId>& kids) {
    uint32_t first = next_;
    std::vector<uint32_t> regs;
    for (size_t i = 0; i < kids.size(); ++i) regs.push_back(alloc());
    for (size_t i = 0; i < kids.size(); ++i) compile(kids[i], regs[i]);
    return first;
  }

  // ---- code --------------------------------------------------------------------------------

  void compile(NodeId id, uint32_t dst) {
    uint32_t mark = next_;
    compileNode(id, dst);
    next_ = mark;
  }

  void compileNode(NodeId id, uint32_t dst) {
    if (auto it = folded_.find(id); it != folded_.end()) {
      emit(Op::LoadConst, dst, 0, 0, it->second);
      return;
    }
    const Node& n = pool_[id];
    switch (n.kind) {
      case NodeKind::Constant:
      case NodeKind::Error: break;  // always folded
      case NodeKind::Variable:
        if (slot(n.index) != dst) emit(Op::Move, dst, slot(n.index));
        break;
      case NodeKind::Field:
      case NodeKind::OptionalField:
      case NodeKind::TestField: {
        Op op = n.kind == NodeKind::Field           ? Op::Field
                : n.kind == NodeKind::OptionalField ? Op::OptField
                                                    : Op::TestField;
        uint32_t x = operand(n.kids[0]);
        emit(op, dst, x, 0, fieldSite(n));
        break;
      }
      case NodeKind::Index:
      case NodeKind::OptionalIndex: {
        uint32_t x = operand(n.kids[0]);
        uint32_t y = operand(n.kids[1]);
        emit(n.kind == NodeKind::Index ? Op::Index : Op::OptIndex, dst, x, y);
        break;
      }
      case NodeKind::Call: compileCall(n, dst); break;
      case NodeKind::And:
      case NodeKind::Or: {
        bool isAnd = n.kind == NodeKind::And;
        compile(n.kids[0], dst);
        size_t skip = emit(isAnd ? Op::JumpIfFalse : Op::JumpIfTrue, 0, dst);
        uint32_t y = operand(n.kids[1]);
        emit(isAnd ? Op::AndJoin : Op::OrJoin, dst, dst, y);
        patch(skip);
        break;
      }
      case NodeKind::Conditional: {
        uint32_t c = operand(n.kids[0]);
        size_t notBool = emit(Op::CheckBool, dst, c);
        size_t toElse = emit(Op::JumpIfFalse, 0, c);
        compile(n.kids[1], dst);
        size_t toEnd = emit(Op::Jump);
        patch(toElse);
        compile(n.kids[2], dst);
        patch(toEnd);
        patch(notBool);
        break;
      }
      case NodeKind::NotStrictlyFalse: {
        uint32_t x = operand(n.kids[0]);
        emit(Op::NotStrictlyFalse, dst, x);
        break;
      }
      case NodeKind::List: {
        uint32_t first = consecutive(n.kids);
        emit(Op::MakeList, dst, first, static_cast<uint32_t>(n.kids.size()), maskSite(n.optionalMask));
        break;
      }
      case NodeKind::Map: {
        uint32_t first = consecutive(n.kids);
        emit(Op::MakeMap, dst, first, static_cast<uint32_t>(n.kids.size() / 2),
             maskSite(n.optionalMask));
        break;
      }
      case NodeKind::Record: {
        RecordSite site;
        if (n.record >= 0 && static_cast<size_t>(n.record) < layouts_.size()) site.layout = &layouts_[n.record];
        site.fields = n.fieldIndices;
        site.optional = n.optionalMask;
        site.optional.resize(site.fields.size(), false);
        // Its index is taken now: the fields compiled next may add sites of their own (a
        // record literal inside this one).
        auto siteIndex = static_cast<uint32_t>(chunk_.records.size());
        chunk_.records.push_back(std::move(site));
        uint32_t first = consecutive(n.kids);
        emit(Op::MakeRecord, dst, first, static_cast<uint32_t>(n.kids.size()), siteIndex);
        break;
      }
      case NodeKind::Comprehension: compileLoop(n.loop, dst); break;
      case NodeKind::Let:
        compile(n.kids[0], slot(n.index));
        compile(n.kids[1], dst);
        break;
    }
  }

  void compileCall(const Node& n, uint32_t dst) {
    if (std::string_view id = ir::staticOverloadId(n); !id.empty()) {
      if (n.kids.size() == 2) {
        ValueKind a = pool_[n.kids[0]].staticKind, b = pool_[n.kids[1]].staticKind;
        if (auto op = fastBinary(id, a, b)) {
          const Node& lhs = pool_[n.kids[0]];
          std::optional<Op> fused = withFieldOperand(*op);
          if (fused && lhs.kind == NodeKind::Field && lhs.record >= 0 &&
              static_cast<size_t>(lhs.record) < layouts_.size()) {
            uint32_t record = operand(lhs.kids[0]);
            uint32_t y = operand(n.kids[1]);
            uint32_t site = callSite(n);
            chunk_.calls[site].lhsField = fieldSite(lhs);
            emit(*fused, dst, record, y, site);
            return;
          }
          uint32_t x = operand(n.kids[0]);
          uint32_t y = operand(n.kids[1]);
          emit(*op, dst, x, y, callSite(n));
          return;
        }
      } else if (n.kids.size() == 1) {
        if (auto op = fastUnary(id)) {
          uint32_t x = operand(n.kids[0]);
          emit(*op, dst, x, 0, callSite(n));
          return;
        }
      }
    }
    uint32_t first = consecutive(n.kids);
    emit(Op::Call, dst, first, static_cast<uint32_t>(n.kids.size()), callSite(n));
  }

  void compileLoop(const ir::Comprehension& c, uint32_t dst) {
    uint32_t range = operand(c.range);
    uint32_t pos = alloc();
    size_t init = emit(Op::IterInit, pos, range, dst);
    uint8_t flags = c.iterVar2 != ir::kNoSlot ? kTwoVars : 0;
    if (flags && c.iterVar2 != c.iterVar + 1) throw TooManyRegisters{};  // lowering keeps them adjacent

    if (c.kind == ir::LoopKind::Fold) {
      compile(c.init, slot(c.accuVar));
      uint32_t loop = here();
      size_t next = emit(Op::IterNext, pos, range, slot(c.iterVar), 0, flags);
      size_t stop = SIZE_MAX;
      if (c.condition != ir::kNoNode) {
        uint32_t mark = next_;
        uint32_t cond = operand(c.condition);
        stop = emit(Op::JumpIfFalse, 0, cond);
        next_ = mark;
      }
      compile(c.step, slot(c.accuVar));
      emit(Op::Jump, 0, 0, 0, loop);
      patch(next);
      if (stop != SIZE_MAX) patch(stop);
      compile(c.result, dst);
      patch(init);
      return;
    }

    bool list = c.kind == ir::LoopKind::ListOf;
    uint32_t builder = list ? chunk_.listBuilders++ : chunk_.mapBuilders++;
    if (builder > 0xFFFF) throw TooManyRegisters{};
    emit(list ? Op::ListBegin : Op::MapBegin, builder);
    uint32_t loop = here();
    size_t next = emit(Op::IterNext, pos, range, slot(c.iterVar), 0, flags);
    std::vector<size_t> exits;
    uint32_t mark = next_;
    if (c.filter != ir::kNoNode) {
      uint32_t f = operand(c.filter);
      exits.push_back(emit(Op::CheckBool, dst, f));
      emit(Op::JumpIfFalse, 0, f, 0, loop);
      next_ = mark;
    }
    uint32_t v = operand(c.step);
    switch (c.kind) {
      case ir::LoopKind::ListOf: exits.push_back(emit(Op::ListPush, builder, v, dst)); break;
      case ir::LoopKind::MapOf:
        exits.push_back(emit(Op::ExitIfError, dst, v));
        emit(Op::MapPut, builder, slot(c.iterVar), v);
        break;
      default: exits.push_back(emit(Op::MapMerge, builder, v, dst)); break;
    }
    next_ = mark;
    emit(Op::Jump, 0, 0, 0, loop);
    patch(next);
    emit(list ? Op::ListEnd : Op::MapEnd, dst, builder);
    for (size_t e : exits) patch(e);
    patch(init);
  }

  const ir::ExprPool& pool_;
  const ir::RecordLayouts& layouts_;
  Chunk chunk_;
  std::map<NodeId, uint32_t> folded_;  // node -> constant index
  ConstantFolder folder_;
  uint32_t next_ = 0;
  uint32_t high_ = 0;
};

}  // namespace

Chunk compileExpr(const ir::ExprPool& pool, const ir::LoweredExpr& expr,
                  const ir::RecordLayouts& layouts) {
  try {
    return Compiler(pool, layouts).run(expr);
  } catch (const TooManyRegisters&) {
    Chunk chunk;
    chunk.tooLarge = true;
    chunk.constants.push_back(Value::error(std::string(kTooLargeToCompile)));
    chunk.registerCount = chunk.slotCount + 2;
    uint32_t result = chunk.slotCount + 1;
    chunk.code.push_back(Instr{Op::LoadConst, 0, static_cast<uint16_t>(result), 0, 0, 0});
    chunk.code.push_back(Instr{Op::Return, 0, static_cast<uint16_t>(result), 0, 0, 0});
    return chunk;
  }
}

bool tooLargeToCompile(const ir::ExprPool& pool, const ir::LoweredExpr& expr,
                       const ir::RecordLayouts& layouts) {
  constexpr size_t kRegisters = 0xFFFF;
  if (expr.root == ir::kNoNode) return false;
  size_t nodes = ir::visitedNodes(pool, expr.root, kRegisters);
  if (expr.slotCount + 2 * nodes + 8 < kRegisters) return false;
  return compileExpr(pool, expr, layouts).tooLarge;
}

}  // namespace journey::codegen
