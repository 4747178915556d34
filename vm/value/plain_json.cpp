#include "vm/value/plain_json.h"

#include <algorithm>
#include <charconv>
#include <vector>

#include "vm/value/json_string.h"
#include "vm/value/printer.h"
#include "vm/value/record.h"
#include "vm/value/value_convert.h"

namespace journey {

namespace {

template <typename Integer>
void appendInteger(std::string& out, Integer i) {
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, i);
  out.append(buffer, end);
}

// JSON object keys are strings: map keys of other kinds are written in their string form.
void appendKey(std::string& out, const Value& key) {
  switch (key.kind()) {
    case ValueKind::String:
      appendJsonString(out, key.asString());
      return;
    case ValueKind::Int:
      out += '"';
      appendInteger(out, key.asInt());
      out += '"';
      return;
    case ValueKind::Uint:
      out += '"';
      appendInteger(out, key.asUint());
      out += '"';
      return;
    case ValueKind::Bool:
      out += key.asBool() ? "\"true\"" : "\"false\"";
      return;
    default: {  // maps hold no other keys; written as their JSON text, quoted
      std::string text;
      appendPlainJson(text, key);
      appendJsonString(out, text);
      return;
    }
  }
}

}  // namespace

void appendPlainJson(std::string& out, const Value& v) {
  switch (v.kind()) {
    case ValueKind::Null:
      out += "null";
      return;
    case ValueKind::Bool:
      out += v.asBool() ? "true" : "false";
      return;
    case ValueKind::Int:
      appendInteger(out, v.asInt());
      return;
    case ValueKind::Uint:
      appendInteger(out, v.asUint());
      return;
    case ValueKind::Double:
      appendJsonDouble(out, v.asDouble());
      return;
    case ValueKind::String:
      appendJsonString(out, v.asString());
      return;
    case ValueKind::Bytes:
      out += '"';
      out += base64Encode(v.asBytes());  // the alphabet and padding need no escaping
      out += '"';
      return;
    case ValueKind::Timestamp:
      out += '"';
      appendTimestamp(out, v.asTimestamp());
      out += '"';
      return;
    case ValueKind::Duration:
      out += '"';
      out += formatDuration(v.asDuration());
      out += '"';
      return;
    case ValueKind::List: {
      out += '[';
      bool first = true;
      for (const Value& e : v.asList()) {
        if (!first) out += ", ";
        first = false;
        appendPlainJson(out, e);
      }
      out += ']';
      return;
    }
    case ValueKind::Map: {
      out += '{';
      bool first = true;
      for (const MapEntry& e : v.asMap().entries()) {
        if (!first) out += ", ";
        first = false;
        appendKey(out, e.key);
        out += ": ";
        appendPlainJson(out, e.value);
      }
      out += '}';
      return;
    }
    case ValueKind::Record: {
      RecordView r = v.asRecord();
      out += '{';
      bool first = true;
      for (size_t i = 0; i < r.fieldCount(); ++i) {
        if (!r.has(i)) continue;
        if (!first) out += ", ";
        first = false;
        appendJsonString(out, r.layout().fieldNames[i]);
        out += ": ";
        appendPlainJson(out, r.field(i));
      }
      out += '}';
      return;
    }
    case ValueKind::Optional:
      if (v.hasValue()) {
        appendPlainJson(out, v.optionalValue());
      } else {
        out += "null";
      }
      return;
    case ValueKind::Type:
      appendJsonString(out, v.typeName());
      return;
    case ValueKind::Error:
      out += "{\"error\": ";
      appendJsonString(out, v.errorMessage());
      out += '}';
      return;
  }
}

std::optional<std::string> jsonKeyClashInside(const Value& v) {
  switch (v.kind()) {
    case ValueKind::List:
      for (const Value& item : v.asList()) {
        if (auto clash = jsonKeyClash(item)) return clash;
      }
      return std::nullopt;
    case ValueKind::Record: {
      RecordView r = v.asRecord();
      for (size_t i = 0; i < r.fieldCount(); ++i) {
        if (!r.has(i)) continue;
        if (auto clash = jsonKeyClash(r.field(i))) return clash;
      }
      return std::nullopt;
    }
    case ValueKind::Optional:
      return v.hasValue() ? jsonKeyClash(v.optionalValue()) : std::nullopt;
    case ValueKind::Map:
      break;
    default:
      return std::nullopt;
  }
  std::span<const MapEntry> entries = v.asMap().entries();
  // Keys of one kind are distinct, and so are the JSON keys they write.
  bool mixed = std::any_of(entries.begin(), entries.end(), [&](const MapEntry& e) {
    return e.key.kind() != entries.front().key.kind();
  });
  if (mixed) {
    std::vector<std::pair<std::string, const Value*>> written;
    for (const MapEntry& e : entries) {
      std::string key;
      appendKey(key, e.key);
      written.emplace_back(std::move(key), &e.key);
    }
    std::stable_sort(written.begin(), written.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (size_t i = 1; i < written.size(); ++i) {
      if (written[i].first != written[i - 1].first) continue;
      return "the map keys " + toCelLiteral(*written[i - 1].second) + " and " +
             toCelLiteral(*written[i].second) + " would both be written as the JSON key " +
             written[i].first;
    }
  }
  for (const MapEntry& e : entries) {
    if (auto clash = jsonKeyClash(e.value)) return clash;
  }
  return std::nullopt;
}

}  // namespace journey
