#include "vm/interp/interpreter.h"

#include <string>

#include "vm/interp/dispatch.h"
#include "vm/interp/literals.h"
#include "vm/interp/selection.h"
#include "vm/value/checked_arith.h"
#include "vm/value/equality.h"
#include "vm/value/record.h"

namespace journey::interp {

using codegen::Instr;
using codegen::Op;

Interpreter::Interpreter(const codegen::Chunk& chunk, Limits limits)
    : chunk_(chunk), limits_(limits), registers_(chunk.registerCount),
      lists_(chunk.listBuilders), maps_(chunk.mapBuilders) {
  for (size_t k = 0; k < chunk.constants.size(); ++k) {
    registers_[chunk.constantRegister(static_cast<uint32_t>(k))] = chunk.constants[k];
  }
}

Value Interpreter::stop(std::string_view what) {
  for (auto& l : lists_) l.clear();
  for (auto& m : maps_) m.clear();
  return Value::error("evaluation stopped: " + std::string(what));
}

bool Interpreter::tooLarge(const Value& v) const {
  switch (v.kind()) {
    case ValueKind::String:
    case ValueKind::Bytes: return v.asString().size() > limits_.maxTextBytes;
    case ValueKind::List: return v.asList().size() > limits_.maxCollectionSize;
    case ValueKind::Map: return v.asMap().size() > limits_.maxCollectionSize;
    default: return false;
  }
}

Value Interpreter::run(stdlib::CallContext& ctx) {
  Value* R = registers_.data();
  const Instr* code = chunk_.code.data();
  uint64_t iterations = 0;
  size_t pc = 0;

  // The general path of a fast-path instruction: the call its site describes.
  auto slowBinary = [&](const Instr& in) {
    const codegen::CallSite& site = chunk_.calls[in.d];
    const Value args[] = {R[in.b], R[in.c]};
    return callOverloads(site.candidates, site.function, args, 2, ctx);
  };
  // The general path of a fused field comparison: the field read by name, then the call.
  auto slowFieldBinary = [&](const Instr& in) {
    const codegen::CallSite& site = chunk_.calls[in.d];
    const codegen::FieldSite& field = chunk_.fields[site.lhsField];
    const Value& record = R[in.b];
    Value lhs = record.kind() == ValueKind::Record && &record.asRecord().layout() == field.layout
                    ? (record.asRecord().has(field.index) ? record.asRecord().field(field.index)
                                                          : noSuchField(field.name))
                    : selectField(record, field.name);
    const Value args[] = {std::move(lhs), R[in.c]};
    return callOverloads(site.candidates, site.function, args, 2, ctx);
  };
  auto slowUnary = [&](const Instr& in) {
    const codegen::CallSite& site = chunk_.calls[in.d];
    return callOverloads(site.candidates, site.function, &R[in.b], 1, ctx);
  };
  auto isBool = [](const Value& v, bool b) {
    return v.kind() == ValueKind::Bool && v.asBool() == b;
  };

#define JOURNEY_INT_ARITH(fn)                                                 \
  {                                                                           \
    const Value &x = R[in.b], &y = R[in.c];                                   \
    int64_t r;                                                                \
    if (x.kind() == ValueKind::Int && y.kind() == ValueKind::Int) [[likely]] { \
      if (fn(x.asInt(), y.asInt(), r)) {                                      \
        R[in.a] = Value::integer(r);                                          \
      } else {                                                                \
        R[in.a] = Value::error("integer overflow");                           \
      }                                                                       \
    } else {                                                                  \
      R[in.a] = slowBinary(in);                                               \
    }                                                                         \
    break;                                                                    \
  }
#define JOURNEY_COMPARE(kindName, getter, op)                                       \
  {                                                                                 \
    const Value &x = R[in.b], &y = R[in.c];                                         \
    if (x.kind() == ValueKind::kindName && y.kind() == ValueKind::kindName) [[likely]] \
      R[in.a] = Value::boolean(x.getter() op y.getter());                           \
    else                                                                            \
      R[in.a] = slowBinary(in);                                                     \
    break;                                                                          \
  }
#define JOURNEY_COMPARE_FIELD(kindName, getter, op)                                       \
  {                                                                                       \
    const codegen::FieldSite& field = chunk_.fields[chunk_.calls[in.d].lhsField];         \
    const Value &record = R[in.b], &y = R[in.c];                                          \
    if (record.kind() == ValueKind::Record && &record.asRecord().layout() == field.layout && \
        record.asRecord().has(field.index)) [[likely]] {                                  \
      const Value& x = record.asRecord().field(field.index);                              \
      if (x.kind() == ValueKind::kindName && y.kind() == ValueKind::kindName) [[likely]] { \
        R[in.a] = Value::boolean(x.getter() op y.getter());                               \
        break;                                                                            \
      }                                                                                   \
    }                                                                                     \
    R[in.a] = slowFieldBinary(in);                                                        \
    break;                                                                                \
  }
#define JOURNEY_DOUBLE_ARITH(op)                                                         \
  {                                                                                      \
    const Value &x = R[in.b], &y = R[in.c];                                              \
    if (x.kind() == ValueKind::Double && y.kind() == ValueKind::Double) [[likely]]       \
      R[in.a] = Value::dbl(x.asDouble() op y.asDouble());                                \
    else                                                                                 \
      R[in.a] = slowBinary(in);                                                          \
    break;                                                                               \
  }

  for (;;) {
    const Instr& in = code[pc++];
    switch (in.op) {
      case Op::LoadConst: R[in.a] = chunk_.constants[in.d]; break;
      case Op::Move:
        if (in.a != in.b) R[in.a] = R[in.b];
        break;

      case Op::Field: {
        const codegen::FieldSite& site = chunk_.fields[in.d];
        const Value& x = R[in.b];
        if (x.kind() == ValueKind::Record && site.layout && in.a != in.b &&
            &x.asRecord().layout() == site.layout && x.asRecord().has(site.index)) [[likely]] {
          // The record stays alive in R[b] while its field is copied out.
          R[in.a] = x.asRecord().field(site.index);
          break;
        }
        Value v = x.kind() == ValueKind::Record && site.layout && &x.asRecord().layout() == site.layout
                      ? (x.asRecord().has(site.index) ? x.asRecord().field(site.index)
                                                      : noSuchField(site.name))
                      : selectField(x, site.name);
        R[in.a] = std::move(v);
        break;
      }
      case Op::OptField: {
        Value v = selectOptionalField(R[in.b], chunk_.fields[in.d].name);
        R[in.a] = std::move(v);
        break;
      }
      case Op::TestField: {
        const codegen::FieldSite& site = chunk_.fields[in.d];
        const Value& x = R[in.b];
        if (x.kind() == ValueKind::Record && site.layout && &x.asRecord().layout() == site.layout) {
          R[in.a] = Value::boolean(x.asRecord().has(site.index));
        } else {
          Value v = testField(x, site.name);
          R[in.a] = std::move(v);
        }
        break;
      }
      case Op::Index: {
        Value v = indexValue(R[in.b], R[in.c]);
        R[in.a] = std::move(v);
        break;
      }
      case Op::OptIndex: {
        Value v = indexOptional(R[in.b], R[in.c]);
        R[in.a] = std::move(v);
        break;
      }

      case Op::Call: {
        const codegen::CallSite& site = chunk_.calls[in.d];
        Value v = callOverloads(site.candidates, site.function, &R[in.b], in.c, ctx);
        if (tooLarge(v)) return stop("a value built is larger than the limit");
        R[in.a] = std::move(v);
        break;
      }

      case Op::AddInt: JOURNEY_INT_ARITH(checkedAdd)
      case Op::SubInt: JOURNEY_INT_ARITH(checkedSub)
      case Op::MulInt: JOURNEY_INT_ARITH(checkedMul)
      case Op::LtInt: JOURNEY_COMPARE(Int, asInt, <)
      case Op::LeInt: JOURNEY_COMPARE(Int, asInt, <=)
      case Op::GtInt: JOURNEY_COMPARE(Int, asInt, >)
      case Op::GeInt: JOURNEY_COMPARE(Int, asInt, >=)
      case Op::EqInt: JOURNEY_COMPARE(Int, asInt, ==)
      case Op::NeInt: JOURNEY_COMPARE(Int, asInt, !=)
      case Op::AddDouble: JOURNEY_DOUBLE_ARITH(+)
      case Op::SubDouble: JOURNEY_DOUBLE_ARITH(-)
      case Op::MulDouble: JOURNEY_DOUBLE_ARITH(*)
      case Op::DivDouble: JOURNEY_DOUBLE_ARITH(/)
      case Op::LtDouble: JOURNEY_COMPARE(Double, asDouble, <)
      case Op::LeDouble: JOURNEY_COMPARE(Double, asDouble, <=)
      case Op::GtDouble: JOURNEY_COMPARE(Double, asDouble, >)
      case Op::GeDouble: JOURNEY_COMPARE(Double, asDouble, >=)
      case Op::EqDouble: JOURNEY_COMPARE(Double, asDouble, ==)
      case Op::NeDouble: JOURNEY_COMPARE(Double, asDouble, !=)
      case Op::EqString: JOURNEY_COMPARE(String, asString, ==)
      case Op::NeString: JOURNEY_COMPARE(String, asString, !=)
      case Op::EqBool: JOURNEY_COMPARE(Bool, asBool, ==)
      case Op::NeBool: JOURNEY_COMPARE(Bool, asBool, !=)
      case Op::LtIntField: JOURNEY_COMPARE_FIELD(Int, asInt, <)
      case Op::LeIntField: JOURNEY_COMPARE_FIELD(Int, asInt, <=)
      case Op::GtIntField: JOURNEY_COMPARE_FIELD(Int, asInt, >)
      case Op::GeIntField: JOURNEY_COMPARE_FIELD(Int, asInt, >=)
      case Op::EqIntField: JOURNEY_COMPARE_FIELD(Int, asInt, ==)
      case Op::NeIntField: JOURNEY_COMPARE_FIELD(Int, asInt, !=)
      case Op::LtDoubleField: JOURNEY_COMPARE_FIELD(Double, asDouble, <)
      case Op::LeDoubleField: JOURNEY_COMPARE_FIELD(Double, asDouble, <=)
      case Op::GtDoubleField: JOURNEY_COMPARE_FIELD(Double, asDouble, >)
      case Op::GeDoubleField: JOURNEY_COMPARE_FIELD(Double, asDouble, >=)
      case Op::EqDoubleField: JOURNEY_COMPARE_FIELD(Double, asDouble, ==)
      case Op::NeDoubleField: JOURNEY_COMPARE_FIELD(Double, asDouble, !=)
      case Op::EqStringField: JOURNEY_COMPARE_FIELD(String, asString, ==)
      case Op::NeStringField: JOURNEY_COMPARE_FIELD(String, asString, !=)
      case Op::EqBoolField: JOURNEY_COMPARE_FIELD(Bool, asBool, ==)
      case Op::NeBoolField: JOURNEY_COMPARE_FIELD(Bool, asBool, !=)
      case Op::Not: {
        const Value& x = R[in.b];
        if (x.kind() == ValueKind::Bool) [[likely]]
          R[in.a] = Value::boolean(!x.asBool());
        else
          R[in.a] = slowUnary(in);
        break;
      }
      case Op::NegInt: {
        const Value& x = R[in.b];
        if (x.kind() == ValueKind::Int) [[likely]]
          R[in.a] = negInt(x.asInt());
        else
          R[in.a] = slowUnary(in);
        break;
      }
      case Op::NegDouble: {
        const Value& x = R[in.b];
        if (x.kind() == ValueKind::Double) [[likely]]
          R[in.a] = Value::dbl(-x.asDouble());
        else
          R[in.a] = slowUnary(in);
        break;
      }

      case Op::AndJoin:
      case Op::OrJoin: {
        // The left side is not the deciding value (the jump before took care of that).
        bool deciding = in.op == Op::OrJoin;  // false decides &&, true decides ||
        const Value &x = R[in.b], &y = R[in.c];
        Value v;
        if (isBool(y, deciding)) {
          v = Value::boolean(deciding);
        } else if (isBool(x, !deciding) && isBool(y, !deciding)) {
          v = Value::boolean(!deciding);
        } else if (x.isError()) {
          v = x;
        } else if (y.isError()) {
          v = y;
        } else {
          const Value args[] = {x, y};
          v = noMatchingOverload(deciding ? "_||_" : "_&&_", args, 2);
        }
        R[in.a] = std::move(v);
        break;
      }
      case Op::NotStrictlyFalse: R[in.a] = Value::boolean(!isBool(R[in.b], false)); break;
      case Op::Jump: pc = in.d; break;
      case Op::JumpIfFalse:
        if (isBool(R[in.b], false)) pc = in.d;
        break;
      case Op::JumpIfTrue:
        if (isBool(R[in.b], true)) pc = in.d;
        break;
      case Op::CheckBool:
        if (R[in.b].kind() != ValueKind::Bool) {
          Value v = notBool(R[in.b], "the condition of `?:`");
          R[in.a] = std::move(v);
          pc = in.d;
        }
        break;
      case Op::ExitIfError:
        if (R[in.b].isError()) {
          if (in.a != in.b) R[in.a] = R[in.b];
          pc = in.d;
        }
        break;

      case Op::MakeList: {
        const std::vector<bool>* mask = in.d == codegen::kNoIndex ? nullptr : &chunk_.masks[in.d];
        Value v = makeList(&R[in.b], in.c, mask);
        if (tooLarge(v)) return stop("a list built is larger than the limit");
        R[in.a] = std::move(v);
        break;
      }
      case Op::MakeMap: {
        const std::vector<bool>* mask = in.d == codegen::kNoIndex ? nullptr : &chunk_.masks[in.d];
        Value v = makeMap(&R[in.b], in.c, mask);
        if (tooLarge(v)) return stop("a map built is larger than the limit");
        R[in.a] = std::move(v);
        break;
      }
      case Op::MakeRecord: {
        Value v = makeRecord(chunk_.records[in.d], &R[in.b], in.c);
        R[in.a] = std::move(v);
        break;
      }

      case Op::IterInit: {
        const Value& range = R[in.b];
        if (range.kind() == ValueKind::List || range.kind() == ValueKind::Map) {
          R[in.a] = Value::integer(0);
        } else {
          Value v = range.isError()
                        ? range
                        : Value::error("a comprehension needs a list or a map, found `" +
                                       std::string(shownTypeName(range)) + "`");
          R[in.c] = std::move(v);
          pc = in.d;
        }
        break;
      }
      case Op::IterNext: {
        const Value& range = R[in.b];
        uint64_t position = static_cast<uint64_t>(R[in.a].asInt());
        bool isList = range.kind() == ValueKind::List;
        size_t size = isList ? range.asList().size() : range.asMap().size();
        if (position >= size) {
          pc = in.d;
          break;
        }
        if (++iterations > limits_.maxIterations) {
          return stop("more than " + std::to_string(limits_.maxIterations) +
                       " comprehension iterations");
        }
        bool two = in.flags & codegen::kTwoVars;
        if (isList) {
          const Value& element = range.asList()[position];
          if (two) {
            R[in.c] = Value::integer(static_cast<int64_t>(position));
            R[in.c + 1] = element;
          } else {
            R[in.c] = element;
          }
        } else {
          const MapEntry& entry = range.asMap().entries()[position];
          R[in.c] = entry.key;
          if (two) R[in.c + 1] = entry.value;
        }
        R[in.a] = Value::integer(static_cast<int64_t>(position + 1));
        break;
      }
      case Op::ListBegin: lists_[in.a].clear(); break;
      case Op::ListPush: {
        const Value& v = R[in.b];
        if (v.isError()) {
          R[in.c] = v;
          pc = in.d;
          break;
        }
        lists_[in.a].push_back(v);
        if (lists_[in.a].size() > limits_.maxCollectionSize)
          return stop("a list built is larger than the limit");
        break;
      }
      case Op::ListEnd: {
        Value v = Value::list(std::move(lists_[in.b]));
        lists_[in.b].clear();
        R[in.a] = std::move(v);
        break;
      }
      case Op::MapBegin: maps_[in.a].clear(); break;
      case Op::MapPut:
        maps_[in.a].push_back({R[in.b], R[in.c]});
        if (maps_[in.a].size() > limits_.maxCollectionSize)
          return stop("a map built is larger than the limit");
        break;
      case Op::MapMerge: {
        const Value& v = R[in.b];
        if (v.kind() != ValueKind::Map) {
          Value error = v.isError() ? v
                                    : Value::error("`transformMapEntry` needs a map entry, found `" +
                                                   std::string(shownTypeName(v)) + "`");
          R[in.c] = std::move(error);
          pc = in.d;
          break;
        }
        for (const MapEntry& e : v.asMap().entries()) maps_[in.a].push_back(e);
        if (maps_[in.a].size() > limits_.maxCollectionSize)
          return stop("a map built is larger than the limit");
        break;
      }
      case Op::MapEnd: {
        Value v = Value::map(std::move(maps_[in.b]));
        maps_[in.b].clear();
        R[in.a] = std::move(v);
        break;
      }

      case Op::Return: return R[in.a];
    }
  }
#undef JOURNEY_INT_ARITH
#undef JOURNEY_COMPARE
#undef JOURNEY_DOUBLE_ARITH
#undef JOURNEY_COMPARE_FIELD
}

Value Interpreter::runWithInputs(const Value* inputs, stdlib::CallContext& ctx) {
  struct Lent {
    Value* registers;
    size_t count;
    ~Lent() {
      for (size_t r = 0; r < count; ++r) registers[r].unlend();
    }
  };
  // Held in locals: the registers' writes could otherwise alias the chunk's vector.
  const uint32_t* slots = chunk_.inputSlots.data();
  const size_t count = chunk_.inputSlots.size();
  Value* registers = registers_.data();
  for (size_t r = 0; r < count; ++r) registers[r].lend(inputs[slots[r]]);
  Lent lent{registers, count};
  return run(ctx);
}

Value evaluate(const codegen::Chunk& chunk, const std::vector<Value>& slots,
               stdlib::CallContext& ctx, Limits limits) {
  Interpreter interp(chunk, limits);
  for (uint32_t s : chunk.inputSlots) {
    if (s < slots.size()) interp.setSlot(s, slots[s]);
  }
  return interp.run(ctx);
}

}  // namespace journey::interp
