// Record literals: `Item{sku: "a", qty: 1}` with the declared defaults of the fields not given.
#include "compiler/ir/lower_impl.h"

namespace journey::ir {

std::optional<sema::RecordId> Lowerer::Impl::recordNamed(std::string_view name) const {
  if (auto it = symbols.recordTypes.find(name); it != symbols.recordTypes.end()) return it->second;
  if (auto it = symbols.events.find(name); it != symbols.events.end()) return it->second.record;
  if (symbols.profile && types.recordInfo(*symbols.profile).name == name) return *symbols.profile;
  return std::nullopt;
}

NodeId Lowerer::Impl::lowerRecordLit(const ast::RecordLit& lit, ast::ExprId e,
                                     const LowerScope& scope) {
  std::optional<sema::RecordId> record = recordNamed(lit.type.text);
  if (!record || *record >= layouts.size()) {
    return errorNode("unknown type `" + lit.type.text + "`", e);
  }
  const RecordLayout& layout = layouts[*record];
  Node n = make(NodeKind::Record, e);
  n.staticKind = ValueKind::Record;
  n.record = static_cast<int32_t>(*record);

  // Defaults first, for every defaulted field not given unconditionally; the given fields
  // then override them.
  std::vector<bool> given(layout.fieldCount(), false);
  for (const ast::FieldInit& f : lit.fields) {
    int index = layout.find(f.field.text);
    if (index < 0) return errorNode("no field `" + f.field.text + "` in `" + layout.name + "`", e);
    if (!f.optional) given[index] = true;
  }
  for (size_t i = 0; i < layout.fieldCount(); ++i) {
    ast::ExprId d = layouts.fieldDefault(*record, i);
    if (given[i] || d == ast::kNoExpr) continue;
    LowerScope pure;
    n.kids.push_back(lower(d, pure));
    n.fieldIndices.push_back(static_cast<uint32_t>(i));
    n.optionalMask.push_back(false);
    ++n.defaultCount;
  }
  for (const ast::FieldInit& f : lit.fields) {
    n.kids.push_back(lower(f.value, scope));
    n.fieldIndices.push_back(static_cast<uint32_t>(layout.find(f.field.text)));
    n.optionalMask.push_back(f.optional);
  }
  return add(std::move(n));
}

}  // namespace journey::ir
