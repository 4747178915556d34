// The overload a call node resolved to at compile time, for the compilers' fast paths.
#pragma once

#include <string_view>

#include "compiler/ir/expr_ir.h"
#include "stdlib/overloads.h"

namespace journey::ir {

// The id of the one overload `call` can select (`"add_int64"`), or "" when the choice is left
// to run time (several candidates).
inline std::string_view staticOverloadId(const Node& call) {
  const auto& all = stdlib::standardOverloads();
  if (call.candidates.size() != 1 || call.candidates[0] >= all.size()) return "";
  return all[call.candidates[0]].id;
}

}  // namespace journey::ir
