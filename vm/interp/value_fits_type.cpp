#include "vm/interp/value_fits_type.h"

namespace journey::interp {

namespace {

using sema::TypeKind;

// Where inside the value it does not fit (`[1].qty`, built on the way back: nothing is built
// for a value that fits), and why.
struct Misfit {
  std::string where;
  std::string why;
};

std::optional<Misfit> misfit(const Value& v, sema::TypeId t, const sema::TypeTable& types,
                             const ir::RecordLayouts& layouts) {
  auto expected = [&] {
    return std::optional<Misfit>(Misfit{
        "", "expected `" + types.print(t) + "`, found `" + std::string(shownTypeName(v)) + "`"});
  };
  auto inside = [](std::optional<Misfit> m, const std::string& step) {
    if (m) m->where = step + m->where;
    return m;
  };
  switch (types.kind(t)) {
    case TypeKind::Error:
    case TypeKind::Dyn:
    case TypeKind::Param:
    case TypeKind::Type: return std::nullopt;
    case TypeKind::Optional: return misfit(v, types.param(t, 0), types, layouts);
    case TypeKind::Null: return v.kind() == ValueKind::Null ? std::nullopt : expected();
    case TypeKind::Bool: return v.kind() == ValueKind::Bool ? std::nullopt : expected();
    case TypeKind::Int: return v.kind() == ValueKind::Int ? std::nullopt : expected();
    case TypeKind::Uint: return v.kind() == ValueKind::Uint ? std::nullopt : expected();
    case TypeKind::Double: return v.kind() == ValueKind::Double ? std::nullopt : expected();
    case TypeKind::String: return v.kind() == ValueKind::String ? std::nullopt : expected();
    case TypeKind::Bytes: return v.kind() == ValueKind::Bytes ? std::nullopt : expected();
    case TypeKind::Timestamp:
      return v.kind() == ValueKind::Timestamp ? std::nullopt : expected();
    case TypeKind::Duration:
      return v.kind() == ValueKind::Duration ? std::nullopt : expected();
    case TypeKind::List: {
      if (v.kind() != ValueKind::List) return expected();
      auto elements = v.asList();
      for (size_t i = 0; i < elements.size(); ++i) {
        if (auto m = misfit(elements[i], types.param(t, 0), types, layouts)) {
          return inside(std::move(m), "[" + std::to_string(i) + "]");
        }
      }
      return std::nullopt;
    }
    case TypeKind::Map: {
      if (v.kind() != ValueKind::Map) return expected();
      for (const MapEntry& e : v.asMap().entries()) {
        auto key = misfit(e.key, types.param(t, 0), types, layouts);
        auto value = key ? std::nullopt : misfit(e.value, types.param(t, 1), types, layouts);
        if (!key && !value) continue;
        std::string at = e.key.kind() == ValueKind::String
                             ? "[\"" + std::string(e.key.asString()) + "\"]"
                             : "[" + std::string(shownTypeName(e.key)) + " key]";
        if (key) key->why = "a key: " + key->why;
        return inside(key ? std::move(key) : std::move(value), at);
      }
      return std::nullopt;
    }
    case TypeKind::Record: {
      // A record of the type has its layout; its fields may still hold `dyn` values that a
      // record literal took (`Item{sku: m["k"]}`). Layouts keep the type's field order.
      sema::RecordId id = types.get(t).record;
      if (v.kind() != ValueKind::Record || &v.asRecord().layout() != &layouts[id]) {
        return expected();
      }
      RecordView r = v.asRecord();
      const sema::RecordInfo& info = types.recordInfo(id);
      for (size_t i = 0; i < info.fields.size(); ++i) {
        if (!r.has(i)) continue;
        if (auto m = misfit(r.field(i), info.fields[i].type, types, layouts)) {
          return inside(std::move(m), "." + info.fields[i].name);
        }
      }
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace

sema::TypeId typeAtPath(const sema::TypeTable& types, sema::TypeId root,
                        const std::vector<std::string>& path) {
  sema::TypeId t = root;
  for (const std::string& part : path) {
    if (types.kind(t) == TypeKind::Optional) t = types.param(t, 0);
    if (types.kind(t) == TypeKind::Map) {
      t = types.param(t, 1);
    } else if (types.kind(t) == TypeKind::Record) {
      const sema::RecordInfo& info = types.recordInfo(types.get(t).record);
      int field = info.find(part);
      if (field < 0) return types.dyn();
      t = info.fields[static_cast<size_t>(field)].type;
    } else {
      return types.dyn();
    }
  }
  return t;
}

std::optional<std::string> valueMisfit(const Value& value, sema::TypeId type,
                                       const sema::TypeTable& types,
                                       const ir::RecordLayouts& layouts) {
  std::optional<Misfit> m = misfit(value, type, types, layouts);
  if (!m) return std::nullopt;
  std::string where = m->where.starts_with(".") ? m->where.substr(1) : m->where;
  return where.empty() ? m->why : where + ": " + m->why;
}

}  // namespace journey::interp
