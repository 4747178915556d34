#include "vm/runtime/field_path.h"

#include <algorithm>

namespace journey::runtime {

std::optional<FieldPath> fieldPathOf(const ir::ExprPool& pool, const ir::LoweredExpr& e,
                                     const ir::RecordLayouts& layouts) {
  return fieldPathAt(pool, e.root, e, layouts);
}

std::optional<FieldPath> fieldPathAt(const ir::ExprPool& pool, ir::NodeId id,
                                     const ir::LoweredExpr& e, const ir::RecordLayouts& layouts,
                                     bool orInput) {
  FieldPath path;
  // From the node inwards: fields of statically known records, down to an input.
  while (id != ir::kNoNode && pool[id].kind == ir::NodeKind::Field) {
    const ir::Node& n = pool[id];
    if (n.record < 0 || static_cast<size_t>(n.record) >= layouts.size() || n.kids.size() != 1) {
      return std::nullopt;
    }
    path.steps.push_back({&layouts[static_cast<size_t>(n.record)], n.index});
    id = n.kids[0];
  }
  if ((path.steps.empty() && !orInput) || id == ir::kNoNode) return std::nullopt;
  const ir::Node& input = pool[id];
  if (input.kind != ir::NodeKind::Variable || input.index >= e.inputCount) return std::nullopt;
  path.slot = input.index;
  std::reverse(path.steps.begin(), path.steps.end());
  return path;
}

}  // namespace journey::runtime
