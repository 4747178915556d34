// Expressions that only read a field path of one input (`profile.email`, `cart.cartId`,
// `profile.consents.email`): a channel's address and consent, a journey's key or time zone.
// Where every field on the path is present, both engines give the field's value (it is their
// own fast path), so the runtime reads it directly instead of running an engine for each send
// or entry; anything else (an absent field's error, a map, an optional) is left to the engine.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "compiler/ir/expr_ir.h"
#include "compiler/ir/record_layouts.h"
#include "vm/value/record.h"

namespace journey::runtime {

struct FieldPath {
  struct Step {
    const RecordLayout* layout = nullptr;  // the record the step reads (compared by address)
    uint32_t field = 0;
  };
  uint32_t slot = 0;        // the input the path starts from
  std::vector<Step> steps;  // outermost first
};

// The path `e` reads, or nullopt when it is anything else.
std::optional<FieldPath> fieldPathOf(const ir::ExprPool& pool, const ir::LoweredExpr& e,
                                     const ir::RecordLayouts& layouts);
// The same for the node `id` of `e`; with `orInput`, an input itself is a path of no steps.
std::optional<FieldPath> fieldPathAt(const ir::ExprPool& pool, ir::NodeId id,
                                     const ir::LoweredExpr& e, const ir::RecordLayouts& layouts,
                                     bool orInput = false);

// The value at `path` from `base`, or null when a step does not find a present field of its
// record.
inline const Value* readFieldPath(const FieldPath& path, const Value& base) {
  const Value* v = &base;
  for (const FieldPath::Step& step : path.steps) {
    if (v->kind() != ValueKind::Record) return nullptr;
    RecordView record = v->asRecord();
    if (&record.layout() != step.layout || !record.has(step.field)) return nullptr;
    v = &record.field(step.field);
  }
  return v;
}

}  // namespace journey::runtime
