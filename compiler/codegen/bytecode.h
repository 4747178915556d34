// The interpreter's bytecode: register instructions over Values.
//
// A chunk's registers are laid out as [slots | constants | temporaries]: the IR's variable
// slots come first (inputs, then locals), then one register per constant of the pool (loaded
// once when an interpreter is set up for the chunk, never written by code, so an operand that
// is a constant costs no instruction), then the temporaries expressions need.
//
// Instructions are 12 bytes: an opcode, a flags byte, three 16-bit operands a, b, c (registers,
// counts, builder indices) and a 32-bit d (a jump target, or an index into one of the chunk's
// side tables: call sites, field sites, record sites, optional masks). By convention `a` is
// the destination.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vm/value/record.h"
#include "vm/value/value.h"

namespace journey::codegen {

enum class Op : uint8_t {
  LoadConst,  // a = constants[d]
  Move,       // a = b

  // Selection. d: field site. On a record of the site's layout the field is read by index
  // (the fast path); anything else (maps, dyn, optional chaining, errors) goes by name.
  Field,      // a = b.f; absent: error
  OptField,   // a = b.?f
  TestField,  // a = has(b.f)
  Index,      // a = b[c]
  OptIndex,   // a = b[?c]

  // Strict calls. d: call site (candidate overloads, function name). An error argument is the
  // result; otherwise the first candidate whose parameters accept the arguments' kinds runs.
  Call,  // a = f(b, b+1, ..., b+c-1)

  // Typed fast paths of single-overload calls: when the operands have the kinds named, the
  // operation runs inline (with CEL's overflow checks); otherwise it is the Call of site d.
  AddInt, SubInt, MulInt,
  LtInt, LeInt, GtInt, GeInt, EqInt, NeInt,
  AddDouble, SubDouble, MulDouble, DivDouble,
  LtDouble, LeDouble, GtDouble, GeDouble, EqDouble, NeDouble,
  EqString, NeString, EqBool, NeBool,
  // The comparisons again, fused with reading their left operand from a record field: the
  // left side is field `calls[d].lhsField` of the record in b (audience rules compare fields
  // with constants: `profile.age >= 30`).
  LtIntField, LeIntField, GtIntField, GeIntField, EqIntField, NeIntField,
  LtDoubleField, LeDoubleField, GtDoubleField, GeDoubleField, EqDoubleField, NeDoubleField,
  EqStringField, NeStringField, EqBoolField, NeBoolField,
  Not,  // a = !b   (unary fast paths: c unused)
  NegInt, NegDouble,

  // Logic and control flow. d: a jump target (an instruction index).
  AndJoin,           // a = b && c, given that b is not false: CEL's commutative error absorption
  OrJoin,            // a = b || c, given that b is not true
  NotStrictlyFalse,  // a = b is not the bool false
  Jump,              // goto d
  JumpIfFalse,       // if b is false: goto d
  JumpIfTrue,        // if b is true: goto d
  CheckBool,         // if b is not a bool: a = b (an error) or a no-matching-overload error; goto d
  ExitIfError,       // if b is an error: a = b; goto d

  // Literals. List and map literals of constants are folded into the constant pool.
  MakeList,    // a = [b, ..., b+c-1]; d: optional-mask index or kNoIndex
  MakeMap,     // a = {b: b+1, ...} of c pairs; d: optional-mask index (by pair) or kNoIndex
  MakeRecord,  // a = record site d from the c values b, ...

  // Comprehensions. The position register a counts elements; the range is in b.
  IterInit,   // a = 0; if b is not a list or map: c = error; goto d
  IterNext,   // if a == size(b): goto d; else set c (and c+1 when flags & kTwoVars), a += 1
  ListBegin,  // list builder a = []
  ListPush,   // list builder a += b; b an error: c = b, goto d
  ListEnd,    // a = list builder b
  MapBegin,   // map builder a = {}
  MapPut,     // map builder a += {b: c}
  MapMerge,   // map builder a += the entries of map b; b an error or not a map: c = error, goto d
  MapEnd,     // a = map builder b (a key given twice: error)

  Return,  // the value is a
};

inline constexpr uint8_t kTwoVars = 1;
inline constexpr uint32_t kNoIndex = UINT32_MAX;

struct Instr {
  Op op;
  uint8_t flags = 0;
  uint16_t a = 0, b = 0, c = 0;
  uint32_t d = 0;
};
static_assert(sizeof(Instr) == 12);

struct CallSite {
  std::vector<uint32_t> candidates;  // indices into stdlib::standardOverloads()
  std::string function;              // as called, for messages
  uint32_t lhsField = UINT32_MAX;    // the *Field comparisons: the field site of the left side
};

struct FieldSite {
  std::string name;
  const RecordLayout* layout = nullptr;  // the statically known record layout, if any
  uint32_t index = 0;                    // the field's index in `layout`
};

struct RecordSite {
  const RecordLayout* layout = nullptr;
  std::vector<uint32_t> fields;  // the field each value sets
  std::vector<bool> optional;    // `?f: v`: set only when the optional v has a value
};

// One compiled expression.
struct Chunk {
  std::vector<Instr> code;
  std::vector<Value> constants;
  std::vector<CallSite> calls;
  std::vector<FieldSite> fields;
  std::vector<RecordSite> records;
  std::vector<std::vector<bool>> masks;
  // The first registers are the expression's slots that it uses: the inputs it reads, register
  // i holding input slot inputSlots[i] (ascending), then its locals, slot s (from
  // firstLocalSlot on) in register inputSlots.size() + s - firstLocalSlot. Inputs it does not
  // read (a journey's frame, mostly) take no register.
  std::vector<uint32_t> inputSlots;
  uint32_t firstLocalSlot = 0;
  uint32_t slotCount = 0;     // registers [0, slotCount)
  uint32_t registerCount = 0;
  uint32_t listBuilders = 0;
  uint32_t mapBuilders = 0;
  bool tooLarge = false;  // it needed more registers than an instruction names: it fails

  // The register holding constant k.
  uint32_t constantRegister(uint32_t k) const { return slotCount + k; }
  // The register of slot `slot` (an input it reads, or a local).
  uint32_t registerOf(uint32_t slot) const {
    const auto inputs = static_cast<uint32_t>(inputSlots.size());
    if (slot >= firstLocalSlot) return inputs + slot - firstLocalSlot;
    return static_cast<uint32_t>(std::lower_bound(inputSlots.begin(), inputSlots.end(), slot) -
                                 inputSlots.begin());
  }
  // The slot register `r` (below slotCount) holds.
  uint32_t slotOf(uint32_t r) const {
    return r < inputSlots.size() ? inputSlots[r]
                                 : firstLocalSlot + r - static_cast<uint32_t>(inputSlots.size());
  }
};

std::string_view opName(Op op);

}  // namespace journey::codegen
