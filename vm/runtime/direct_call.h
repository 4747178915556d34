// Expressions that are one call of the standard library on field paths of inputs, constants
// and `has()` tests of field paths: `!profile.consents.email`, `cart.total > 50.0`,
// `profile.loyalty.tier == "gold"`, `!has(profile.email)` (an `exit when`, an entry's `when`, an
// audience). Where every field on the paths is present, the runtime reads the arguments itself
// and calls the overloads as the interpreter's own call does (interp::callOverloads), instead of
// running an engine; anything else (an absent field, a map on the path, another shape of
// expression) is left to the engine, so the result cannot differ from it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ir/expr_ir.h"
#include "compiler/ir/record_layouts.h"
#include "stdlib/function.h"
#include "vm/runtime/field_path.h"

namespace journey::runtime {

struct DirectCall {
  static constexpr size_t kMaxArgs = 3;
  struct Arg {
    enum class Kind : uint8_t { Field, Constant, Has };
    Kind kind = Kind::Constant;
    FieldPath path;                   // Field: the value there; Has: the record tested
    const RecordLayout* layout = nullptr;  // Has: the record's layout and the field tested
    uint32_t field = 0;
    Value constant;                   // Constant
  };
  // The calls computed here when their arguments have the kind the overload names (those the
  // interpreter computes inline too): `!b`, and comparisons of two ints, uints, doubles or
  // strings (equality also of two bools). Any other call goes to interp::callOverloads.
  enum class Inline : uint8_t { None, Not, Eq, Ne, Lt, Le, Gt, Ge };
  Inline op = Inline::None;
  ValueKind operands = ValueKind::Error;  // a comparison's kind; Error: any (equality)
  std::vector<uint32_t> candidates;       // as the IR's call
  std::string function;
  std::vector<Arg> args;
};

// The call `e` is, or nullopt when it is anything else.
std::optional<DirectCall> directCallOf(const ir::ExprPool& pool, const ir::LoweredExpr& e,
                                       const ir::RecordLayouts& layouts);

// The call's value with `inputs` (the profile read for slot 0 when `profile` is given), or
// nullopt where the engine must decide: an argument's path does not reach a present field, or
// a has() test a record of the layout it was checked against.
std::optional<Value> callDirectly(const DirectCall& call, const Value* inputs,
                                  const Value* profile, stdlib::CallContext& ctx);

}  // namespace journey::runtime
