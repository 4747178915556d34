#include "vm/interp/literals.h"

#include <string>

#include "vm/value/record.h"

namespace journey::interp {

Value makeList(const Value* values, size_t count, const std::vector<bool>* mask) {
  std::vector<Value> elements;
  elements.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    const Value& v = values[i];
    if (v.isError()) return v;
    if (mask && (*mask)[i]) {
      if (v.kind() != ValueKind::Optional) {
        return Value::error("an optional element `[?x]` needs an optional value, found `" +
                            std::string(shownTypeName(v)) + "`");
      }
      if (v.hasValue()) elements.push_back(v.optionalValue());
      continue;
    }
    elements.push_back(v);
  }
  return Value::list(std::move(elements));
}

Value makeMap(const Value* values, size_t pairs, const std::vector<bool>* mask) {
  std::vector<MapEntry> entries;
  entries.reserve(pairs);
  for (size_t i = 0; i < pairs; ++i) {
    const Value& k = values[2 * i];
    const Value& v = values[2 * i + 1];
    if (k.isError()) return k;
    if (v.isError()) return v;
    if (mask && (*mask)[i]) {
      if (v.kind() != ValueKind::Optional) {
        return Value::error("an optional entry `?k: v` needs an optional value, found `" +
                            std::string(shownTypeName(v)) + "`");
      }
      if (v.hasValue()) entries.push_back({k, v.optionalValue()});
      continue;
    }
    entries.push_back({k, v});
  }
  return Value::map(std::move(entries));
}

Value makeRecord(const codegen::RecordSite& site, const Value* values, size_t count) {
  if (!site.layout) return Value::error("unknown record type");
  for (size_t i = 0; i < count; ++i) {
    if (values[i].isError()) return values[i];
  }
  RecordBuilder b(*site.layout);
  for (size_t i = 0; i < count && i < site.fields.size(); ++i) {
    const Value& v = values[i];
    if (site.optional[i]) {
      if (v.kind() != ValueKind::Optional) {
        return Value::error("an optional field `?f: v` needs an optional value, found `" +
                            std::string(shownTypeName(v)) + "`");
      }
      if (v.hasValue()) b.set(site.fields[i], v.optionalValue());
      continue;
    }
    b.set(site.fields[i], v);
  }
  return b.build();
}

Value notBool(const Value& v, std::string_view what) {
  if (v.isError()) return v;
  return Value::error(std::string(what) + " is `" + std::string(shownTypeName(v)) +
                      "`, not `bool`");
}

}  // namespace journey::interp
