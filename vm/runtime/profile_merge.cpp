#include "vm/runtime/profile_merge.h"

#include <iterator>

#include "vm/runtime/expression_engine.h"
#include "vm/value/record.h"

namespace journey::runtime {

std::vector<Value> evaluateFieldDefaults(const ir::ProgramIr& program, ExpressionEngine& engine) {
  std::vector<Value> out;
  stdlib::CallContext context;
  for (const auto& [field, expr] : program.fieldDefaults) {
    out.push_back(engine.evaluate(expr, nullptr, context));
  }
  return out;
}

Value fieldDefaultIn(const ir::ProgramIr& program, const std::vector<Value>& evaluated,
                     sema::RecordId record, size_t field) {
  auto it = program.fieldDefaults.find({record, field});
  if (it == program.fieldDefaults.end()) return Value();
  return evaluated[static_cast<size_t>(std::distance(program.fieldDefaults.begin(), it))];
}

namespace {

// The record type a field holds (directly or as an optional), if it holds one.
std::optional<sema::RecordId> recordOf(const sema::TypeTable& types, sema::TypeId type) {
  if (types.kind(type) == sema::TypeKind::Optional) type = types.param(type, 0);
  if (types.kind(type) != sema::TypeKind::Record) return std::nullopt;
  return types.get(type).record;
}

// `patch` merged into `base`, both records of type `record` (when `schema` is given) and of one
// layout. A present null in the patch is an optional field made absent (JsonInput::partial).
// `fresh`: `base` holds only defaults, being made by this patch (a new profile, a record the
// patch creates): a record the patch gives there starts from its type's defaults, as on a
// profile line, not from the field's default value.
Value mergeRecords(Value base, const Value& patch, const MergeSchema* schema,
                   sema::RecordId record, bool fresh) {
  RecordView p = patch.asRecord();
  for (size_t i = 0; i < p.fieldCount(); ++i) {
    if (!p.has(i)) continue;
    const Value& given = p.field(i);
    if (given.isNull() && p.layout().fieldOptional[i]) {
      base = withoutField(std::move(base), i);
      continue;
    }
    if (given.kind() == ValueKind::Record) {
      std::optional<sema::RecordId> inner;
      if (schema) {
        const auto& types = schema->program.types;
        inner = recordOf(types, types.recordInfo(record).fields[i].type);
      }
      RecordView b = base.asRecord();
      bool existing = !fresh && b.has(i) && b.field(i).kind() == ValueKind::Record;
      Value into = existing ? b.field(i)
                   : inner  ? defaultRecord(schema->program, schema->defaults, *inner)
                            : RecordBuilder(given.asRecord().layout()).build();
      // Drop `base`'s reference, so that `into` is updated in place when no one else holds it.
      if (b.has(i)) base = withoutField(std::move(base), i);
      base = withField(std::move(base), i,
                       mergeRecords(std::move(into), given, schema, inner.value_or(0), !existing));
      continue;
    }
    base = withField(std::move(base), i, given);
  }
  return base;
}

// The rest of the message (`.address: missing field `city``), built only on the way back from
// a field found missing: a set that is whole, the usual case, allocates nothing.
std::optional<std::string> missingIn(const sema::TypeTable& types, sema::RecordId record,
                                     const Value* base, const Value& patch,
                                     const ir::FieldReads* built) {
  const sema::RecordInfo& info = types.recordInfo(record);
  RecordView p = patch.asRecord();
  auto inside = [&](size_t i, const Value* under) -> std::optional<std::string> {
    std::optional<sema::RecordId> inner = recordOf(types, info.fields[i].type);
    if (!inner) return std::nullopt;
    std::optional<std::string> missing = missingIn(types, *inner, under, p.field(i), built);
    if (missing) return "." + info.fields[i].name + *missing;
    return std::nullopt;
  };
  if (base && base->kind() == ValueKind::Record) {
    // A record the profile has was whole when it came: only the records the patch gives
    // inside it can lack a field. (One the profile was built without, as nothing reads it, was
    // checked when it came, and is taken as it came.)
    RecordView b = base->asRecord();
    for (size_t i = 0; i < p.fieldCount(); ++i) {
      if (!p.has(i) || p.field(i).kind() != ValueKind::Record) continue;
      if (built && !(*built)[record][i]) continue;
      if (auto missing = inside(i, b.has(i) ? &b.field(i) : nullptr)) return missing;
    }
    return std::nullopt;
  }
  // A record the patch creates: every field it requires is given, or has a default.
  for (size_t i = 0; i < info.fields.size() && i < p.fieldCount(); ++i) {
    const sema::RecordField& field = info.fields[i];
    bool given = p.has(i) && !(p.field(i).isNull() && field.optional);
    if (given && p.field(i).kind() == ValueKind::Record) {
      if (auto missing = inside(i, nullptr)) return missing;
      continue;
    }
    if (given || field.optional || field.hasDefault) continue;
    return ": missing field `" + field.name + "`";
  }
  return std::nullopt;
}

}  // namespace

Value defaultRecord(const ir::ProgramIr& program, const FieldDefaults& defaults,
                    sema::RecordId record) {
  const sema::RecordInfo& info = program.types.recordInfo(record);
  RecordBuilder b(program.layouts[record]);
  for (size_t i = 0; i < info.fields.size(); ++i) {
    if (!info.fields[i].hasDefault || !defaults) continue;
    Value v = defaults(record, i);
    if (!v.isError()) b.set(i, std::move(v));
  }
  return b.build();
}

Value mergeProfile(Value profile, const Value& patch, const MergeSchema* schema, bool created) {
  if (profile.kind() != ValueKind::Record || patch.kind() != ValueKind::Record) return profile;
  if (schema && !schema->program.profileRecord) schema = nullptr;
  sema::RecordId record = schema ? *schema->program.profileRecord : 0;
  return mergeRecords(std::move(profile), patch, schema, record, created);
}

std::optional<std::string> missingAfterMerge(const ir::ProgramIr& program, const Value* profile,
                                             const Value& patch, const ir::FieldReads* built) {
  if (!program.profileRecord || patch.kind() != ValueKind::Record) return std::nullopt;
  std::optional<std::string> missing =
      missingIn(program.types, *program.profileRecord, profile, patch, built);
  if (missing) return "set" + *missing;
  return std::nullopt;
}

}  // namespace journey::runtime
