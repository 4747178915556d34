#include "compiler/codegen/fast_ops.h"

namespace journey::codegen {

std::optional<Op> fastBinary(std::string_view id, ValueKind a, ValueKind b) {
  struct Entry {
    std::string_view id;
    Op op;
  };
  static constexpr Entry kTable[] = {
      {"add_int64", Op::AddInt},          {"subtract_int64", Op::SubInt},
      {"multiply_int64", Op::MulInt},     {"less_int64", Op::LtInt},
      {"less_equals_int64", Op::LeInt},   {"greater_int64", Op::GtInt},
      {"greater_equals_int64", Op::GeInt},
      {"add_double", Op::AddDouble},          {"subtract_double", Op::SubDouble},
      {"multiply_double", Op::MulDouble},     {"divide_double", Op::DivDouble},
      {"less_double", Op::LtDouble},          {"less_equals_double", Op::LeDouble},
      {"greater_double", Op::GtDouble},       {"greater_equals_double", Op::GeDouble},
  };
  for (const Entry& e : kTable) {
    if (e.id == id) return e.op;
  }
  if ((id == "equals" || id == "not_equals") && a == b) {
    bool eq = id == "equals";
    switch (a) {
      case ValueKind::Int: return eq ? Op::EqInt : Op::NeInt;
      case ValueKind::Double: return eq ? Op::EqDouble : Op::NeDouble;
      case ValueKind::String: return eq ? Op::EqString : Op::NeString;
      case ValueKind::Bool: return eq ? Op::EqBool : Op::NeBool;
      default: break;
    }
  }
  return std::nullopt;
}

std::optional<Op> fastUnary(std::string_view id) {
  if (id == "logical_not") return Op::Not;
  if (id == "negate_int64") return Op::NegInt;
  if (id == "negate_double") return Op::NegDouble;
  return std::nullopt;
}

std::optional<Op> withFieldOperand(Op op) {
  switch (op) {
    case Op::LtInt: return Op::LtIntField;
    case Op::LeInt: return Op::LeIntField;
    case Op::GtInt: return Op::GtIntField;
    case Op::GeInt: return Op::GeIntField;
    case Op::EqInt: return Op::EqIntField;
    case Op::NeInt: return Op::NeIntField;
    case Op::LtDouble: return Op::LtDoubleField;
    case Op::LeDouble: return Op::LeDoubleField;
    case Op::GtDouble: return Op::GtDoubleField;
    case Op::GeDouble: return Op::GeDoubleField;
    case Op::EqDouble: return Op::EqDoubleField;
    case Op::NeDouble: return Op::NeDoubleField;
    case Op::EqString: return Op::EqStringField;
    case Op::NeString: return Op::NeStringField;
    case Op::EqBool: return Op::EqBoolField;
    case Op::NeBool: return Op::NeBoolField;
    default: return std::nullopt;
  }
}

}  // namespace journey::codegen
