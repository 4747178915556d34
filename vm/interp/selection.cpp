#include "vm/interp/selection.h"

#include <cmath>
#include <optional>
#include <string>

#include "vm/interp/dispatch.h"
#include "vm/value/printer.h"
#include "vm/value/record.h"
#include "vm/value/value_convert.h"

namespace journey::interp {

namespace {

Value noSuchKey(const Value& key) {
  std::string text;
  switch (key.kind()) {
    case ValueKind::String: text = toCelLiteral(key); break;
    case ValueKind::Int: text = std::to_string(key.asInt()); break;
    case ValueKind::Uint: text = std::to_string(key.asUint()) + "u"; break;
    case ValueKind::Bool: text = key.asBool() ? "true" : "false"; break;
    case ValueKind::Double: text = formatDouble(key.asDouble()); break;
    default: text = std::string(shownTypeName(key)); break;
  }
  return Value::error("no such key: " + text);
}

Value noFields(const Value& operand, std::string_view field) {
  return Value::error("type `" + std::string(shownTypeName(operand)) +
                      "` does not support field selection (`." + std::string(field) + "`)");
}

// The field of a record by name: its value, nothing when absent, or an error when the record
// type has no such field.
std::optional<Value> recordField(const Value& record, std::string_view field, Value& error) {
  RecordView r = record.asRecord();
  int index = r.layout().find(field);
  if (index < 0) {
    error = Value::error("no such field `" + std::string(field) + "` in `" + r.layout().name + "`");
    return std::nullopt;
  }
  if (!r.has(static_cast<size_t>(index))) return std::nullopt;
  return r.field(static_cast<size_t>(index));
}

// A list position from an index value: ints, uints and doubles with an integral value; one past
// INT64_MAX either way is clamped to it (it is out of range all the same).
std::optional<int64_t> listPosition(const Value& index) {
  switch (index.kind()) {
    case ValueKind::Int: return index.asInt();
    case ValueKind::Uint:
      if (index.asUint() > static_cast<uint64_t>(INT64_MAX)) return INT64_MAX;
      return static_cast<int64_t>(index.asUint());
    case ValueKind::Double: {
      double d = index.asDouble();
      if (std::trunc(d) != d) return std::nullopt;  // NaN too
      if (!(std::fabs(d) < 9.2e18)) return d < 0 ? INT64_MIN : INT64_MAX;
      return static_cast<int64_t>(d);
    }
    default: return std::nullopt;
  }
}

// Why `index` names no position of `list` (`op` is `_[_]` or `_[?_]`).
Value noListPosition(const Value& list, const Value& index, const char* op) {
  if (index.kind() == ValueKind::Double) {
    return Value::error("invalid list index " + formatDouble(index.asDouble()) +
                        ": not a whole number");
  }
  const Value args[] = {list, index};
  return noMatchingOverload(op, args, 2);
}

}  // namespace

Value noSuchField(std::string_view field) {
  return Value::error("no such field: `" + std::string(field) +
                      "` is absent, test it with `has()` first");
}

Value selectField(const Value& operand, std::string_view field) {
  switch (operand.kind()) {
    case ValueKind::Error: return operand;
    case ValueKind::Record: {
      Value error;
      std::optional<Value> v = recordField(operand, field, error);
      if (error.isError()) return error;
      return v ? std::move(*v) : noSuchField(field);
    }
    case ValueKind::Map: {
      const Value* v = operand.asMap().find(Value::string(field));
      return v ? *v : noSuchKey(Value::string(field));
    }
    case ValueKind::Optional:
      if (!operand.hasValue()) return operand;
      return selectOptionalField(operand.optionalValue(), field);
    default: return noFields(operand, field);
  }
}

Value selectOptionalField(const Value& operand, std::string_view field) {
  switch (operand.kind()) {
    case ValueKind::Error: return operand;
    case ValueKind::Record: {
      Value error;
      std::optional<Value> v = recordField(operand, field, error);
      if (error.isError()) return error;
      return v ? Value::optional(std::move(*v)) : Value::optionalNone();
    }
    case ValueKind::Map: {
      const Value* v = operand.asMap().find(Value::string(field));
      return v ? Value::optional(*v) : Value::optionalNone();
    }
    case ValueKind::Optional:
      if (!operand.hasValue()) return operand;
      return selectOptionalField(operand.optionalValue(), field);
    default: return noFields(operand, field);
  }
}

Value testField(const Value& operand, std::string_view field) {
  switch (operand.kind()) {
    case ValueKind::Error: return operand;
    case ValueKind::Record: {
      Value error;
      std::optional<Value> v = recordField(operand, field, error);
      if (error.isError()) return error;
      return Value::boolean(v.has_value());
    }
    case ValueKind::Map: return Value::boolean(operand.asMap().find(Value::string(field)) != nullptr);
    case ValueKind::Optional:
      if (!operand.hasValue()) return Value::boolean(false);
      return testField(operand.optionalValue(), field);
    default: return noFields(operand, field);
  }
}

Value indexValue(const Value& operand, const Value& index) {
  if (operand.isError()) return operand;
  if (index.isError()) return index;
  switch (operand.kind()) {
    case ValueKind::List: {
      std::optional<int64_t> i = listPosition(index);
      if (!i) return noListPosition(operand, index, "_[_]");
      auto elements = operand.asList();
      if (*i < 0 || static_cast<uint64_t>(*i) >= elements.size()) {
        // The index as given: a uint or double past INT64_MAX was clamped for the comparison.
        std::string given = index.kind() == ValueKind::Uint     ? std::to_string(index.asUint())
                            : index.kind() == ValueKind::Double ? formatDouble(index.asDouble())
                                                                : std::to_string(*i);
        return Value::error("index out of range: " + given + " in a list of size " +
                            std::to_string(elements.size()));
      }
      return elements[static_cast<size_t>(*i)];
    }
    case ValueKind::Map: {
      ValueKind k = index.kind();
      if (k != ValueKind::Int && k != ValueKind::Uint && k != ValueKind::Double &&
          k != ValueKind::Bool && k != ValueKind::String) {
        return Value::error("unsupported key type `" + std::string(shownTypeName(index)) + "`");
      }
      const Value* v = operand.asMap().find(index);
      return v ? *v : noSuchKey(index);
    }
    case ValueKind::Optional:
      if (!operand.hasValue()) return operand;
      return indexOptional(operand.optionalValue(), index);
    default: {
      const Value args[] = {operand, index};
      return noMatchingOverload("_[_]", args, 2);
    }
  }
}

Value indexOptional(const Value& operand, const Value& index) {
  if (operand.isError()) return operand;
  if (index.isError()) return index;
  switch (operand.kind()) {
    case ValueKind::List: {
      std::optional<int64_t> i = listPosition(index);
      if (!i) return noListPosition(operand, index, "_[?_]");
      auto elements = operand.asList();
      if (*i < 0 || static_cast<uint64_t>(*i) >= elements.size()) return Value::optionalNone();
      return Value::optional(elements[static_cast<size_t>(*i)]);
    }
    case ValueKind::Map: {
      const Value* v = operand.asMap().find(index);
      return v ? Value::optional(*v) : Value::optionalNone();
    }
    case ValueKind::Optional:
      if (!operand.hasValue()) return operand;
      return indexOptional(operand.optionalValue(), index);
    default: {
      const Value args[] = {operand, index};
      return noMatchingOverload("_[?_]", args, 2);
    }
  }
}

}  // namespace journey::interp
