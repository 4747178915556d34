// Field selection, qualified names (`a.b.c` bound as one name, `google.protobuf.Timestamp`),
// indexing and `has()`.
#include "compiler/ir/lower_impl.h"

namespace journey::ir {

std::optional<std::pair<int32_t, uint32_t>> Lowerer::Impl::recordField(
    ast::ExprId operand, std::string_view field) const {
  auto t = checkedType(operand);
  if (!t) return std::nullopt;
  sema::TypeId base = *t;
  if (types.kind(base) == sema::TypeKind::Optional) base = types.param(base, 0);
  if (types.kind(base) != sema::TypeKind::Record) return std::nullopt;
  sema::RecordId r = types.get(base).record;
  int index = types.recordInfo(r).find(field);
  if (index < 0 || r >= layouts.size()) return std::nullopt;
  return std::pair{static_cast<int32_t>(r), static_cast<uint32_t>(index)};
}

NodeId Lowerer::Impl::lowerSelect(const ast::Select& sel, ast::ExprId e, const LowerScope& scope) {
  if (!sel.optional) {
    auto [path, rooted] = ast::namePath(ast, e);
    if (!path.empty()) {
      // A name bound with dots (`a.b.c`) wins over selecting from a shorter one, as CEL
      // resolves qualified names longest first.
      uint32_t slot = scope.lookupQualified(path, rooted);
      if (slot != kNoSlot) return variable(slot, path, e);
    }
    if (!path.empty() && !rooted) {
      std::string root = path.substr(0, path.find('.'));
      if (!isValueName(root, scope) && !(root == "profile" && symbols.profile)) {
        if (auto type = typeValueNamed(path, e)) return constant(std::move(*type), e);
      }
    }
  }
  NodeId operand = lower(sel.operand, scope);
  Node n = make(sel.optional ? NodeKind::OptionalField : NodeKind::Field, e);
  n.name = sel.field.text;
  n.kids = {operand};
  if (auto field = recordField(sel.operand, sel.field.text)) {
    n.record = field->first;
    n.index = field->second;
  }
  return add(std::move(n));
}

NodeId Lowerer::Impl::lowerIndex(const ast::Index& index, ast::ExprId e, const LowerScope& scope) {
  Node n = make(index.optional ? NodeKind::OptionalIndex : NodeKind::Index, e);
  n.kids = {lower(index.operand, scope), lower(index.index, scope)};
  return add(std::move(n));
}

NodeId Lowerer::Impl::lowerHas(const ast::Macro& m, ast::ExprId e, const LowerScope& scope) {
  if (m.args.size() != 1) return errorNode("malformed `has()`", e);
  auto* sel = std::get_if<ast::Select>(&ast[m.args[0]].node);
  if (!sel || sel->optional) return errorNode("malformed `has()`", e);
  Node n = make(NodeKind::TestField, e);
  n.staticKind = ValueKind::Bool;
  n.name = sel->field.text;
  n.kids = {lower(sel->operand, scope)};
  if (auto field = recordField(sel->operand, sel->field.text)) {
    n.record = field->first;
    n.index = field->second;
  }
  return add(std::move(n));
}

}  // namespace journey::ir
