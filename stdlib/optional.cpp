// Optional values. `x.?f` and `m[?k]` are selections, typed by the checker, and `optMap` /
// `optFlatMap` are macros; these are the functions.
#include "stdlib/domains.h"

namespace journey::stdlib {

namespace {

// What optional.ofNonZeroValue treats as absent, following cel-go's zero values: null, false,
// 0, 0u, 0.0 (and -0.0), empty strings, bytes, lists and maps, the zero duration, the Unix
// epoch (the zero of google.protobuf.Timestamp) and a record with no field present. Optionals,
// types and errors have no zero value.
bool isZeroValue(const Value& v) noexcept {
  switch (v.kind()) {
    case ValueKind::Null: return true;
    case ValueKind::Bool: return !v.asBool();
    case ValueKind::Int: return v.asInt() == 0;
    case ValueKind::Uint: return v.asUint() == 0;
    case ValueKind::Double: return v.asDouble() == 0.0;
    case ValueKind::String:
    case ValueKind::Bytes: return v.asString().empty();
    case ValueKind::Timestamp: return v.asTimestamp() == Timestamp{};
    case ValueKind::Duration: return v.asDuration() == Duration{};
    case ValueKind::List: return v.asList().empty();
    case ValueKind::Map: return v.asMap().empty();
    case ValueKind::Record: {
      RecordView record = v.asRecord();
      for (size_t i = 0; i < record.fieldCount(); ++i) {
        if (record.has(i)) return false;
      }
      return true;
    }
    case ValueKind::Optional:
    case ValueKind::Type:
    case ValueKind::Error: return false;
  }
  return false;
}

Value optionalOf(const Value* a, CallContext&) { return Value::optional(a[0]); }
Value optionalOfNonZeroValue(const Value* a, CallContext&) {
  return isZeroValue(a[0]) ? Value::optionalNone() : Value::optional(a[0]);
}
Value optionalNone(const Value*, CallContext&) { return Value::optionalNone(); }
Value optionalHasValue(const Value* a, CallContext&) { return Value::boolean(a[0].hasValue()); }
Value optionalValue(const Value* a, CallContext&) {
  if (!a[0].hasValue()) return Value::error("`value()` of an empty optional (`optional.none()`)");
  return a[0].optionalValue();
}
Value optionalOrValue(const Value* a, CallContext&) {
  return a[0].hasValue() ? a[0].optionalValue() : a[1];
}
Value optionalOr(const Value* a, CallContext&) { return a[0].hasValue() ? a[0] : a[1]; }

}  // namespace

void declareOptional(std::vector<Overload>& out) {
  out.insert(out.end(), {
      {"optional.of", "optional_of", false, {"A"}, "optional<A>", &optionalOf},
      // An empty optional when the value is its type's zero value ("", 0, [], {}, false, null).
      {"optional.ofNonZeroValue", "optional_ofNonZeroValue", false, {"A"}, "optional<A>",
       &optionalOfNonZeroValue},
      {"optional.none", "optional_none", false, {}, "optional<A>", &optionalNone},
      {"hasValue", "optional_hasValue", true, {"optional<A>"}, "bool", &optionalHasValue},
      {"value", "optional_value", true, {"optional<A>"}, "A", &optionalValue},  // error when empty
      {"orValue", "optional_orValue_value", true, {"optional<A>", "A"}, "A", &optionalOrValue},
      {"or", "optional_or_optional", true, {"optional<A>", "optional<A>"}, "optional<A>",
       &optionalOr},
  });
}

}  // namespace journey::stdlib
