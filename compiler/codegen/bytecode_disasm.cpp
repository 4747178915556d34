#include "compiler/codegen/bytecode_disasm.h"

#include <fmt/format.h>

#include "stdlib/overloads.h"
#include "vm/value/printer.h"

namespace journey::codegen {

std::string_view opName(Op op) {
  switch (op) {
    case Op::LoadConst: return "load";
    case Op::Move: return "move";
    case Op::Field: return "field";
    case Op::OptField: return "opt.field";
    case Op::TestField: return "has";
    case Op::Index: return "index";
    case Op::OptIndex: return "opt.index";
    case Op::Call: return "call";
    case Op::AddInt: return "add.int";
    case Op::SubInt: return "sub.int";
    case Op::MulInt: return "mul.int";
    case Op::LtInt: return "lt.int";
    case Op::LeInt: return "le.int";
    case Op::GtInt: return "gt.int";
    case Op::GeInt: return "ge.int";
    case Op::EqInt: return "eq.int";
    case Op::NeInt: return "ne.int";
    case Op::AddDouble: return "add.double";
    case Op::SubDouble: return "sub.double";
    case Op::MulDouble: return "mul.double";
    case Op::DivDouble: return "div.double";
    case Op::LtDouble: return "lt.double";
    case Op::LeDouble: return "le.double";
    case Op::GtDouble: return "gt.double";
    case Op::GeDouble: return "ge.double";
    case Op::EqDouble: return "eq.double";
    case Op::NeDouble: return "ne.double";
    case Op::EqString: return "eq.string";
    case Op::NeString: return "ne.string";
    case Op::EqBool: return "eq.bool";
    case Op::NeBool: return "ne.bool";
    case Op::LtIntField: return "lt.int.field";
    case Op::LeIntField: return "le.int.field";
    case Op::GtIntField: return "gt.int.field";
    case Op::GeIntField: return "ge.int.field";
    case Op::EqIntField: return "eq.int.field";
    case Op::NeIntField: return "ne.int.field";
    case Op::LtDoubleField: return "lt.double.field";
    case Op::LeDoubleField: return "le.double.field";
    case Op::GtDoubleField: return "gt.double.field";
    case Op::GeDoubleField: return "ge.double.field";
    case Op::EqDoubleField: return "eq.double.field";
    case Op::NeDoubleField: return "ne.double.field";
    case Op::EqStringField: return "eq.string.field";
    case Op::NeStringField: return "ne.string.field";
    case Op::EqBoolField: return "eq.bool.field";
    case Op::NeBoolField: return "ne.bool.field";
    case Op::Not: return "not";
    case Op::NegInt: return "neg.int";
    case Op::NegDouble: return "neg.double";
    case Op::AndJoin: return "and";
    case Op::OrJoin: return "or";
    case Op::NotStrictlyFalse: return "not.strictly.false";
    case Op::Jump: return "jump";
    case Op::JumpIfFalse: return "jump.false";
    case Op::JumpIfTrue: return "jump.true";
    case Op::CheckBool: return "check.bool";
    case Op::ExitIfError: return "exit.error";
    case Op::MakeList: return "list";
    case Op::MakeMap: return "map";
    case Op::MakeRecord: return "record";
    case Op::IterInit: return "iter.init";
    case Op::IterNext: return "iter.next";
    case Op::ListBegin: return "list.begin";
    case Op::ListPush: return "list.push";
    case Op::ListEnd: return "list.end";
    case Op::MapBegin: return "map.begin";
    case Op::MapPut: return "map.put";
    case Op::MapMerge: return "map.merge";
    case Op::MapEnd: return "map.end";
    case Op::Return: return "return";
  }
  return "?";
}

namespace {

class Disassembler {
 public:
  explicit Disassembler(const Chunk& chunk) : c_(chunk) {}

  std::string run() {
    std::string out;
    if (!c_.constants.empty()) {
      out += "constants:\n";
      for (size_t k = 0; k < c_.constants.size(); ++k)
        out += fmt::format("  k{} = {}\n", k, toCelLiteral(c_.constants[k]));
    }
    out += fmt::format("registers: {} ({} slots, {} constants)\n", c_.registerCount, c_.slotCount,
                       c_.constants.size());
    out += "code:\n";
    for (size_t pc = 0; pc < c_.code.size(); ++pc) {
      const Instr& i = c_.code[pc];
      out += fmt::format("  {:04}  {:<18} {}\n", pc, opName(i.op), operands(i));
    }
    return out;
  }

 private:
  std::string reg(uint32_t r) const {
    if (r < c_.slotCount) return fmt::format("${}", c_.slotOf(r));  // as the IR names it
    if (r < c_.slotCount + c_.constants.size()) return fmt::format("k{}", r - c_.slotCount);
    return fmt::format("r{}", r);
  }
  // `count` consecutive registers from `first`: `(r3..r5)`, `(r3)`, `()`.
  std::string span(uint32_t first, uint32_t count) const {
    if (count == 0) return "()";
    if (count == 1) return "(" + reg(first) + ")";
    return "(" + reg(first) + ".." + reg(first + count - 1) + ")";
  }
  std::string target(uint32_t d) const { return fmt::format("-> {:04}", d); }
  std::string call(uint32_t site) const {
    if (site >= c_.calls.size()) return "?";
    const CallSite& s = c_.calls[site];
    const auto& all = stdlib::standardOverloads();
    std::string ids;
    for (size_t i = 0; i < s.candidates.size(); ++i) {
      if (i) ids += ", ";
      ids += s.candidates[i] < all.size() ? std::string(all[s.candidates[i]].id) : "?";
    }
    return s.function + " [" + ids + "]";
  }
  std::string field(uint32_t site) const {
    if (site >= c_.fields.size()) return "?";
    const FieldSite& f = c_.fields[site];
    std::string s = "." + f.name;
    if (f.layout) s += fmt::format(" #{} of {}", f.index, f.layout->name);
    return s;
  }
  std::string mask(uint32_t m) const {
    if (m == kNoIndex || m >= c_.masks.size()) return "";
    std::string s = ", optional:";
    for (size_t i = 0; i < c_.masks[m].size(); ++i) {
      if (c_.masks[m][i]) s += fmt::format(" {}", i);
    }
    return s;
  }

  std::string operands(const Instr& i) const {
    switch (i.op) {
      case Op::LoadConst:
        return fmt::format("{}, k{}", reg(i.a), i.d);
      case Op::Move:
      case Op::NotStrictlyFalse: return fmt::format("{}, {}", reg(i.a), reg(i.b));
      case Op::Field:
      case Op::OptField:
      case Op::TestField: return fmt::format("{}, {}, {}", reg(i.a), reg(i.b), field(i.d));
      case Op::Index:
      case Op::OptIndex:
      case Op::AndJoin:
      case Op::OrJoin: return fmt::format("{}, {}, {}", reg(i.a), reg(i.b), reg(i.c));
      case Op::Call: return fmt::format("{}, {}, {}", reg(i.a), span(i.b, i.c), call(i.d));
      case Op::LtIntField:
      case Op::LeIntField:
      case Op::GtIntField:
      case Op::GeIntField:
      case Op::EqIntField:
      case Op::NeIntField:
      case Op::LtDoubleField:
      case Op::LeDoubleField:
      case Op::GtDoubleField:
      case Op::GeDoubleField:
      case Op::EqDoubleField:
      case Op::NeDoubleField:
      case Op::EqStringField:
      case Op::NeStringField:
      case Op::EqBoolField:
      case Op::NeBoolField: {
        uint32_t f = i.d < c_.calls.size() ? c_.calls[i.d].lhsField : kNoIndex;
        return fmt::format("{}, {}{}, {}", reg(i.a), reg(i.b), field(f), reg(i.c));
      }
      case Op::Not:
      case Op::NegInt:
      case Op::NegDouble: return fmt::format("{}, {}", reg(i.a), reg(i.b));
      case Op::Jump: return target(i.d);
      case Op::JumpIfFalse:
      case Op::JumpIfTrue: return fmt::format("{}, {}", reg(i.b), target(i.d));
      case Op::CheckBool:
      case Op::ExitIfError: return fmt::format("{}, {}, {}", reg(i.a), reg(i.b), target(i.d));
      case Op::MakeList:
      case Op::MakeMap:
        return fmt::format("{}, {}{}", reg(i.a), span(i.b, (i.op == Op::MakeMap ? 2 : 1) * i.c),
                           mask(i.d));
      case Op::MakeRecord: {
        std::string name = i.d < c_.records.size() && c_.records[i.d].layout
                               ? c_.records[i.d].layout->name
                               : "?";
        return fmt::format("{}, {}, {}", reg(i.a), span(i.b, i.c), name);
      }
      case Op::IterInit:
        return fmt::format("{}, {}, error {}, {}", reg(i.a), reg(i.b), reg(i.c), target(i.d));
      case Op::IterNext:
        return fmt::format("{}, {}, {}{}, {}", reg(i.a), reg(i.b), reg(i.c),
                           i.flags & kTwoVars ? ", " + reg(i.c + 1u) : "", target(i.d));
      case Op::ListBegin:
      case Op::MapBegin: return fmt::format("b{}", i.a);
      case Op::ListPush:
      case Op::MapMerge:
        return fmt::format("b{}, {}, error {}, {}", i.a, reg(i.b), reg(i.c), target(i.d));
      case Op::MapPut: return fmt::format("b{}, {}, {}", i.a, reg(i.b), reg(i.c));
      case Op::ListEnd:
      case Op::MapEnd: return fmt::format("{}, b{}", reg(i.a), i.b);
      case Op::Return: return reg(i.a);
      default:  // binary fast paths
        return fmt::format("{}, {}, {}", reg(i.a), reg(i.b), reg(i.c));
    }
  }

  const Chunk& c_;
};

}  // namespace

std::string disassemble(const Chunk& chunk) { return Disassembler(chunk).run(); }

}  // namespace journey::codegen
