#include "vm/value/value_depth.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "vm/value/value.h"

namespace journey {

namespace {

bool holdsValues(const Value& v) {
  ValueKind k = v.kind();
  return k == ValueKind::List || k == ValueKind::Map || k == ValueKind::Record ||
         k == ValueKind::Optional;
}

}  // namespace

bool nestsDeeperThan(const Value& v, size_t levels) {
  // The usual values, a scalar or a list of scalars (a profile's tags), need no walk.
  if (!holdsValues(v)) return false;
  if (v.kind() == ValueKind::List && levels >= 1 &&
      std::none_of(v.asList().begin(), v.asList().end(), holdsValues)) {
    return false;
  }
  std::vector<std::pair<const Value*, size_t>> pending = {{&v, 0}};  // a value and its depth
  while (!pending.empty()) {
    auto [value, depth] = pending.back();
    pending.pop_back();
    auto inside = [&](const Value& child) {
      if (depth + 1 > levels) return false;
      pending.emplace_back(&child, depth + 1);
      return true;
    };
    switch (value->kind()) {
      case ValueKind::List:
        for (const Value& e : value->asList()) {
          if (!inside(e)) return true;
        }
        break;
      case ValueKind::Map:
        for (const MapEntry& e : value->asMap().entries()) {
          if (!inside(e.value)) return true;
        }
        break;
      case ValueKind::Record: {
        RecordView r = value->asRecord();
        for (size_t i = 0; i < r.fieldCount(); ++i) {
          if (r.has(i) && !inside(r.field(i))) return true;
        }
        break;
      }
      case ValueKind::Optional:
        if (value->hasValue() && !inside(value->optionalValue())) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

}  // namespace journey
