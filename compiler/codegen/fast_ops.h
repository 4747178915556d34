// Which calls both engines run inline instead of through the overload table: the bytecode
// compiler emits these operations, and the LLVM generator compiles the same choices, so that a
// call takes the same path (and gives the same value) on either engine.
#pragma once

#include <optional>
#include <string_view>

#include "compiler/codegen/bytecode.h"
#include "vm/value/value.h"

namespace journey::codegen {

// The inline form of a single-overload binary call `id`, when its operands' kinds are known.
std::optional<Op> fastBinary(std::string_view id, ValueKind a, ValueKind b);
// The inline form of a single-overload unary call `id`.
std::optional<Op> fastUnary(std::string_view id);
// The comparison `op` fused with a field read of its left operand; none for arithmetic.
std::optional<Op> withFieldOperand(Op op);

}  // namespace journey::codegen
