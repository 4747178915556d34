// Which expression nodes are constants: a constant, an error node, or a list or map literal of
// those (an erroneous literal folds to its first error, which is what evaluating it gives).
// Shared by the bytecode compiler and the LLVM code generator, so both fold the same nodes.
#pragma once

#include <map>
#include <optional>

#include "compiler/ir/expr_ir.h"
#include "vm/value/value.h"

namespace journey::codegen {

class ConstantFolder {
 public:
  // `pool` must outlive the folder.
  explicit ConstantFolder(const ir::ExprPool& pool) : pool_(pool) {}

  // The value `id` folds to, or nothing. Remembered per node.
  std::optional<Value> value(ir::NodeId id);

 private:
  const ir::ExprPool& pool_;
  std::map<ir::NodeId, std::optional<Value>> memo_;
};

}  // namespace journey::codegen
