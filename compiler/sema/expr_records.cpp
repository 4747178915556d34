// Record literals: `Item{sku: "a", qty: 1}` builds a value of a declared type, event or schema.
#include <set>

#include "compiler/sema/expr_checker_impl.h"
#include "compiler/sema/optional_field.h"
#include "compiler/sema/suggest.h"

namespace journey::sema {

std::string ExprChecker::Impl::describeRecord(RecordId r) const {
  const RecordInfo& info = types.recordInfo(r);
  switch (info.origin) {
    case RecordOrigin::Type: return "type `" + info.name + "`";
    case RecordOrigin::Schema: return "schema `" + info.name + "`";
    case RecordOrigin::Event: return "event `" + info.name + "`";
    case RecordOrigin::ActionResponse: return "the response of `" + info.name + "`";
    case RecordOrigin::Inline: return "`" + info.name + "`";
  }
  return "`" + info.name + "`";
}

TypeId ExprChecker::Impl::checkRecordLit(ast::ExprId e, const ast::RecordLit& lit,
                                         const Scope& scope) {
  const ProgramSymbols& symbols = ctx.symbols;
  const std::string& typeName = lit.type.text;
  SourceRange nameRange = lit.type.range.valid() ? lit.type.range : ast[e].range;
  std::optional<RecordId> record;
  if (auto it = symbols.recordTypes.find(typeName); it != symbols.recordTypes.end()) {
    record = it->second;
  } else if (auto ev = symbols.events.find(typeName); ev != symbols.events.end()) {
    record = ev->second.record;
  } else if (symbols.profile && types.recordInfo(*symbols.profile).name == typeName) {
    record = *symbols.profile;
  }

  // The values are checked in any case, so their own mistakes are reported.
  std::vector<TypeId> values;
  for (const ast::FieldInit& f : lit.fields) values.push_back(check(f.value, scope));

  if (!record) {
    Diagnostic& d = report(DiagKind::UnknownType, nameRange, "unknown type `" + typeName + "`");
    std::vector<std::string> names;
    for (const auto& [n, r] : symbols.recordTypes) names.push_back(n);
    for (const auto& [n, ev] : symbols.events) names.push_back(n);
    if (symbols.profile) names.push_back(types.recordInfo(*symbols.profile).name);
    if (auto close = closestName(typeName, names))
      d.helps.push_back("did you mean `" + *close + "`?");
    return types.error();
  }

  const RecordInfo& info = types.recordInfo(*record);
  std::string what = describeRecord(*record);
  std::map<std::string, SourceRange> given;
  size_t next = 0;  // see RecordInfo::find
  for (size_t i = 0; i < lit.fields.size(); ++i) {
    const ast::FieldInit& init = lit.fields[i];
    SourceRange fieldRange = init.field.range.valid() ? init.field.range : init.range;
    int index = info.find(init.field.text, next);
    if (index >= 0) next = static_cast<size_t>(index) + 1;
    if (index < 0) {
      Diagnostic& d = report(DiagKind::UnknownField, fieldRange,
                             what + " has no field `" + init.field.text + "`");
      std::vector<std::string> names;
      for (const RecordField& f : info.fields) names.push_back(f.name);
      if (auto close = closestName(init.field.text, names)) {
        d.helps.push_back("did you mean `" + *close + "`?");
      }
      continue;
    }
    auto [first, fresh] = given.emplace(init.field.text, fieldRange);
    if (!fresh) {
      Diagnostic& d = report(DiagKind::DuplicateField, fieldRange,
                             "field `" + init.field.text + "` is given twice");
      d.secondary.push_back({first->second, "first given here"});
      continue;
    }
    const RecordField& field = info.fields[static_cast<size_t>(index)];
    TypeId value = values[i];
    if (isError(value)) {
      continue;
    }
    if (init.optional) {  // `T{?f: o}`: the field is set only when the optional has a value
      if (types.kind(value) == TypeKind::Optional) {
        value = types.param(value, 0);
      } else if (!isDyn(value)) {
        report(DiagKind::OptionalExpected, ast[init.value].range,
               optionalFieldNeedsOptional(init.field.text, types.print(value)));
        continue;
      }
      if (!field.optional && !field.hasDefault) {
        reportRequiredSetOptionally(ctx.diags, fieldRange, field, what, types);
        continue;
      }
    }
    requireType(init.value, value, field.type, "field `" + field.name + "` of " + what);
  }

  std::vector<std::string> missing;
  for (const RecordField& f : info.fields) {
    if (f.optional || f.hasDefault || given.count(f.name)) continue;
    if (info.origin == RecordOrigin::Event && f.name == "time") continue;  // set when raised
    missing.push_back("`" + f.name + "`");
  }
  if (!missing.empty()) {
    std::string list;
    for (size_t i = 0; i < missing.size(); ++i) {
      list += (i == 0 ? "" : i + 1 == missing.size() ? " and " : ", ") + missing[i];
    }
    Diagnostic& d = report(DiagKind::MissingField, nameRange,
                           std::string(missing.size() == 1 ? "missing field " : "missing fields ") +
                               list + " in " + what);
    d.notes.push_back("every field that is not optional (`T?`) and has no default must be given");
  }
  // The literal's type is known even when a field is wrong, so nothing cascades from it.
  return types.record(*record);
}

}  // namespace journey::sema
