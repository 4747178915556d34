#include "vm/value/value_json.h"

#include <simdjson.h>

#include <cmath>
#include <vector>

#include "vm/value/equality.h"
#include "vm/value/json_error_text.h"
#include "vm/value/json_string.h"
#include "vm/value/record.h"
#include "vm/value/value_convert.h"

namespace journey {

namespace {

using simdjson::dom::element;

Value malformed(std::string_view what) {
  return Value::error("malformed typed value: " + std::string(what));
}

// A JSON string or integer holding a 64-bit integer.
Value readInt(const element& e) {
  std::string_view text;
  if (e.get_string().get(text) == simdjson::SUCCESS) return parseInt(text);
  int64_t i;
  if (e.get_int64().get(i) == simdjson::SUCCESS) return Value::integer(i);
  return malformed("`int` wants a decimal string");
}

Value readUint(const element& e) {
  std::string_view text;
  if (e.get_string().get(text) == simdjson::SUCCESS) return parseUint(text);
  uint64_t u;
  if (e.get_uint64().get(u) == simdjson::SUCCESS) return Value::uinteger(u);
  return malformed("`uint` wants a decimal string");
}

Value readDouble(const element& e) {
  std::string_view text;
  if (e.get_string().get(text) == simdjson::SUCCESS) {
    if (text == "NaN") return Value::dbl(std::nan(""));
    if (text == "Infinity") return Value::dbl(HUGE_VAL);
    if (text == "-Infinity") return Value::dbl(-HUGE_VAL);
    return parseDouble(text);
  }
  double d;  // get_double() also converts integers
  if (e.get_double().get(d) == simdjson::SUCCESS) return Value::dbl(d);
  return malformed("`double` wants a number or \"NaN\", \"Infinity\", \"-Infinity\"");
}

// {"seconds": S, "nanos": N}, either as strings or numbers; nanos optional.
bool readSecondsNanos(const element& e, int64_t& seconds, int64_t& nanos) {
  simdjson::dom::object object;
  if (e.get_object().get(object) != simdjson::SUCCESS) return false;
  seconds = 0;
  nanos = 0;
  for (auto field : object) {
    Value v = readInt(field.value);
    if (v.kind() != ValueKind::Int) return false;
    if (field.key == "seconds") {
      seconds = v.asInt();
    } else if (field.key == "nanos") {
      nanos = v.asInt();
    } else {
      return false;
    }
  }
  return true;
}

Value readTyped(const element& e) {
  simdjson::dom::object object;
  if (e.get_object().get(object) != simdjson::SUCCESS || object.size() != 1) {
    return malformed("expected an object with one key, like {\"int\": \"1\"}");
  }
  auto field = *object.begin();
  std::string_view tag = field.key;
  const element& payload = field.value;

  if (tag == "null") {
    if (!payload.is_null()) return malformed("`null` wants null");
    return Value::null();
  }
  if (tag == "bool") {
    bool b;
    if (payload.get_bool().get(b) != simdjson::SUCCESS) return malformed("`bool` wants a bool");
    return Value::boolean(b);
  }
  if (tag == "int") return readInt(payload);
  if (tag == "uint") return readUint(payload);
  if (tag == "double") return readDouble(payload);
  if (tag == "string" || tag == "bytes" || tag == "type" || tag == "error") {
    std::string_view text;
    if (payload.get_string().get(text) != simdjson::SUCCESS) {
      return malformed("`" + std::string(tag) + "` wants a string");
    }
    if (tag == "string") return Value::string(text);  // simdjson has checked the UTF-8
    if (tag == "type") return Value::type(text);
    if (tag == "error") return Value::error(text);
    std::optional<std::string> raw = base64Decode(text);
    if (!raw) return malformed("`bytes` wants base64");
    return Value::bytes(*raw);
  }
  if (tag == "list") {
    simdjson::dom::array array;
    if (payload.get_array().get(array) != simdjson::SUCCESS) {
      return malformed("`list` wants an array");
    }
    std::vector<Value> elements;
    for (element item : array) {
      Value v = readTyped(item);
      if (v.isError()) return v;
      elements.push_back(std::move(v));
    }
    return Value::list(std::move(elements));
  }
  if (tag == "map") {
    simdjson::dom::array array;
    if (payload.get_array().get(array) != simdjson::SUCCESS) {
      return malformed("`map` wants an array");
    }
    std::vector<MapEntry> entries;
    for (element item : array) {
      simdjson::dom::array pair;
      if (item.get_array().get(pair) != simdjson::SUCCESS || pair.size() != 2) {
        return malformed("`map` wants [key, value] pairs");
      }
      Value key = readTyped(pair.at(0).value_unsafe());
      if (key.isError()) return key;
      Value value = readTyped(pair.at(1).value_unsafe());
      if (value.isError()) return value;
      entries.push_back({std::move(key), std::move(value)});
    }
    return Value::map(std::move(entries));
  }
  if (tag == "timestamp" || tag == "duration") {
    std::string_view text;
    if (payload.get_string().get(text) == simdjson::SUCCESS) {
      return tag == "timestamp" ? parseTimestamp(text) : parseDuration(text);
    }
    int64_t seconds, nanos;
    if (!readSecondsNanos(payload, seconds, nanos)) {
      return malformed("`" + std::string(tag) + "` wants {\"seconds\": …, \"nanos\": …}");
    }
    return tag == "timestamp" ? Value::timestamp(seconds, nanos) : Value::duration(seconds, nanos);
  }
  if (tag == "optional") {
    if (payload.is_null()) return Value::optionalNone();
    Value inner = readTyped(payload);
    if (inner.isError()) return inner;
    return Value::optional(std::move(inner));
  }
  return malformed("unknown kind `" + std::string(tag) + "`");
}

// ---- printing ----------------------------------------------------------------------------

void appendSecondsNanos(std::string& out, int64_t seconds, int32_t nanos) {
  out += "{\"seconds\": \"" + std::to_string(seconds) + "\", \"nanos\": \"" +
         std::to_string(nanos) + "\"}";
}

void appendTyped(std::string& out, const Value& v) {
  switch (v.kind()) {
    case ValueKind::Null:
      out += "{\"null\": null}";
      return;
    case ValueKind::Bool:
      out += v.asBool() ? "{\"bool\": true}" : "{\"bool\": false}";
      return;
    case ValueKind::Int:
      out += "{\"int\": \"" + std::to_string(v.asInt()) + "\"}";
      return;
    case ValueKind::Uint:
      out += "{\"uint\": \"" + std::to_string(v.asUint()) + "\"}";
      return;
    case ValueKind::Double:
      out += "{\"double\": ";
      appendJsonDouble(out, v.asDouble());
      out += '}';
      return;
    case ValueKind::String:
      out += "{\"string\": ";
      appendJsonString(out, v.asString());
      out += '}';
      return;
    case ValueKind::Bytes:
      out += "{\"bytes\": \"" + base64Encode(v.asBytes()) + "\"}";
      return;
    case ValueKind::Timestamp:
      out += "{\"timestamp\": ";
      appendSecondsNanos(out, v.asTimestamp().seconds, v.asTimestamp().nanos);
      out += '}';
      return;
    case ValueKind::Duration:
      out += "{\"duration\": ";
      appendSecondsNanos(out, v.asDuration().seconds, v.asDuration().nanos);
      out += '}';
      return;
    case ValueKind::List: {
      out += "{\"list\": [";
      bool first = true;
      for (const Value& e : v.asList()) {
        if (!first) out += ", ";
        first = false;
        appendTyped(out, e);
      }
      out += "]}";
      return;
    }
    case ValueKind::Map: {
      out += "{\"map\": [";
      bool first = true;
      for (const MapEntry& e : v.asMap().entries()) {
        if (!first) out += ", ";
        first = false;
        out += '[';
        appendTyped(out, e.key);
        out += ", ";
        appendTyped(out, e.value);
        out += ']';
      }
      out += "]}";
      return;
    }
    case ValueKind::Record: {
      RecordView r = v.asRecord();
      out += "{\"record\": {\"type\": ";
      appendJsonString(out, r.layout().name);
      out += ", \"fields\": {";
      bool first = true;
      for (size_t i = 0; i < r.fieldCount(); ++i) {
        if (!r.has(i)) continue;
        if (!first) out += ", ";
        first = false;
        appendJsonString(out, r.layout().fieldNames[i]);
        out += ": ";
        appendTyped(out, r.field(i));
      }
      out += "}}}";
      return;
    }
    case ValueKind::Optional:
      if (!v.hasValue()) {
        out += "{\"optional\": null}";
        return;
      }
      out += "{\"optional\": ";
      appendTyped(out, v.optionalValue());
      out += '}';
      return;
    case ValueKind::Type:
      out += "{\"type\": ";
      appendJsonString(out, v.typeName());
      out += '}';
      return;
    case ValueKind::Error:
      out += "{\"error\": ";
      appendJsonString(out, v.errorMessage());
      out += '}';
      return;
  }
}

}  // namespace

Value typedJsonToValue(const simdjson::dom::element& element) { return readTyped(element); }

Value parseTypedJson(std::string_view json) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(json);
  simdjson::dom::element root;
  if (auto error = parser.parse(padded).get(root); error != simdjson::SUCCESS) {
    return Value::error("malformed JSON: " + jsonErrorText(error));
  }
  return readTyped(root);
}

std::string toTypedJson(const Value& v) {
  std::string out;
  appendTyped(out, v);
  return out;
}

bool strictEquals(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case ValueKind::Double:
      if (std::isnan(a.asDouble()) && std::isnan(b.asDouble())) return true;
      return a.asDouble() == b.asDouble();
    case ValueKind::List: {
      std::span<const Value> x = a.asList(), y = b.asList();
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i) {
        if (!strictEquals(x[i], y[i])) return false;
      }
      return true;
    }
    case ValueKind::Map: {
      MapView x = a.asMap(), y = b.asMap();
      if (x.size() != y.size()) return false;
      for (const MapEntry& e : x.entries()) {
        const MapEntry* other = y.findEntry(e.key);
        if (!other || !strictEquals(e.key, other->key) || !strictEquals(e.value, other->value)) {
          return false;
        }
      }
      return true;
    }
    case ValueKind::Record: {
      RecordView x = a.asRecord(), y = b.asRecord();
      if (x.layout().name != y.layout().name || x.fieldCount() != y.fieldCount()) return false;
      for (size_t i = 0; i < x.fieldCount(); ++i) {
        if (x.has(i) != y.has(i) || (x.has(i) && !strictEquals(x.field(i), y.field(i)))) {
          return false;
        }
      }
      return true;
    }
    case ValueKind::Optional:
      if (a.hasValue() != b.hasValue()) return false;
      return !a.hasValue() || strictEquals(a.optionalValue(), b.optionalValue());
    case ValueKind::Error:
      return a.errorMessage() == b.errorMessage();
    default:
      return equals(a, b);
  }
}

}  // namespace journey
