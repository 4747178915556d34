#include "vm/interp/json_input.h"

#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <optional>
#include <vector>

#include "compiler/sema/suggest.h"
#include "vm/interp/recurring_strings.h"
#include "vm/value/json_error_text.h"
#include "vm/value/json_string.h"
#include "vm/value/record.h"
#include "vm/value/short_text.h"
#include "vm/value/value_convert.h"

namespace journey::interp {

using simdjson::dom::element;
using simdjson::dom::element_type;

std::string_view jsonKindName(const element& e) {
  switch (e.type()) {
    case element_type::ARRAY: return "an array";
    case element_type::OBJECT: return "an object";
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE: return "a number";
    case element_type::STRING: return "a string";
    case element_type::BOOL: return "a boolean";
    case element_type::NULL_VALUE: return "null";
  }
  return "a value";
}

std::string jsonFound(const element& e) {
  switch (e.type()) {
    case element_type::STRING: {
      // Enough of it to recognise, not a whole document pasted into a field.
      constexpr size_t kShown = 40;
      std::string_view s = e.get_string();
      std::string out = "the string ";
      if (s.size() <= kShown) {
        appendJsonString(out, s);
        return out;
      }
      appendJsonString(out, s.substr(0, utf8CharStart(s, kShown)));
      out.insert(out.size() - 1, "…");
      return out;
    }
    case element_type::INT64: return "the number " + std::to_string(int64_t(e.get_int64()));
    case element_type::UINT64: return "the number " + std::to_string(uint64_t(e.get_uint64()));
    case element_type::DOUBLE: return "the number " + formatDouble(double(e.get_double()));
    case element_type::BOOL: return bool(e.get_bool()) ? "true" : "false";
    default: return std::string(jsonKindName(e));
  }
}

namespace {

// Where a value sits below the root, as a chain of stack frames: the text is built only when
// an error names it, so valid input costs no string building.
struct Path {
  const std::string* root = nullptr;  // the root's name (set on the root only)
  const Path* parent = nullptr;
  std::string_view key = {};          // a field or map key
  size_t index = 0;                   // a list index, when `isIndex`
  bool isIndex = false;

  Path child(std::string_view k) const { return Path{nullptr, this, k, 0, false}; }
  Path item(size_t i) const { return Path{nullptr, this, {}, i, true}; }

  // `data.items[2].sku`; a map key that is not a name is quoted, so that the path reads one
  // way: `data.m["a.b"]`, `data.m[""]`.
  std::string text() const {
    if (root) return *root;
    std::string out = parent->text();
    if (isIndex) return out + "[" + std::to_string(index) + "]";
    auto nameChar = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    bool name = !key.empty() && !std::isdigit(static_cast<unsigned char>(key[0])) &&
                std::all_of(key.begin(), key.end(), nameChar);
    if (name) return out + "." + std::string(key);
    out += '[';
    appendJsonString(out, key);
    return out + "]";
  }
};

// The error paths are kept out of line, so that the converter's hot code stays small.
[[gnu::cold, gnu::noinline]] Value mismatch(const Path& path, std::string_view want,
                                            const element& found) {
  return Value::error(path.text() + ": expected " + std::string(want) + ", found " +
                      jsonFound(found));
}

[[gnu::cold, gnu::noinline]] Value failure(const Path& path, std::string_view why) {
  return Value::error(path.text() + ": " + std::string(why));
}

// A whole number that `want` (an int, a uint) cannot hold; one beyond 64 bits was read as a
// double, and is shown as one.
[[gnu::cold, gnu::noinline]] Value outOfRange(const Path& path, std::string_view want,
                                              const element& found) {
  std::string_view range = want == "a uint" ? "0 to 18446744073709551615"
                                            : "-9223372036854775808 to 9223372036854775807";
  return failure(path, "expected " + std::string(want) + ", found " + jsonFound(found) +
                           ", outside " + std::string(range));
}

// Prefixes an error from a conversion with the path it happened at.
Value at(const Path& path, Value v) {
  if (!v.isError()) return v;
  return failure(path, v.errorMessage());
}

// Which fields of a record the JSON gave: one word for the usual record, more for wide ones.
class FieldSet {
 public:
  explicit FieldSet(size_t fields) {
    if (fields > 64) more_.resize((fields + 63) / 64);
  }
  void insert(size_t i) { word(i) |= uint64_t{1} << (i % 64); }
  bool contains(size_t i) { return (word(i) >> (i % 64)) & 1; }
  // For records of up to 64 fields: whether every field of `mask` is in the set.
  bool containsAll(uint64_t mask) const { return more_.empty() && (first_ & mask) == mask; }

 private:
  uint64_t& word(size_t i) { return more_.empty() ? first_ : more_[i / 64]; }
  uint64_t first_ = 0;
  std::vector<uint64_t> more_;
};

// The JSON kinds a field of a record takes as they are, as bits (Memory::Field::takes).
enum TakesBit : uint8_t {
  kTakesString = 1,
  kTakesInt64 = 2,
  kTakesUint64 = 4,
  kTakesDouble = 8,
  kTakesBool = 16,
  kTakesNull = 32,
};

uint8_t takesBit(element_type t) {
  switch (t) {
    case element_type::STRING: return kTakesString;
    case element_type::INT64: return kTakesInt64;
    case element_type::UINT64: return kTakesUint64;
    case element_type::DOUBLE: return kTakesDouble;
    case element_type::BOOL: return kTakesBool;
    case element_type::NULL_VALUE: return kTakesNull;
    default: return 0;
  }
}

}  // namespace

// What a JsonConverter keeps from one value to the next, and what it needs of each field,
// copied from the type table into one place.
struct JsonConverter::Memory {
  struct Field {
    std::string_view name;
    sema::TypeId type = 0;
    bool optional = false;
    bool hasDefault = false;
    RecurringStrings::Site strings;
    bool defaultKnown = false;
    Value defaultValue;
    // The JSON kinds that are this field's value as they are (TakesBit); none for a field
    // whose value needs more than its kind checked (a list, a record, a timestamp).
    uint8_t takes = 0;
  };
  struct Record {
    std::vector<Field> fields;
    uint64_t required = 0;  // fields that must be given or defaulted, when there are up to 64
    uint64_t mustBeGiven = 0;  // of those, the ones without a default
  };

  Memory(const JsonInput& in, bool share) : records(in.layouts.size()), shareStrings(share) {
    for (size_t r = 0; r < records.size(); ++r) {
      const sema::RecordInfo& info = in.types.recordInfo(static_cast<sema::RecordId>(r));
      for (size_t i = 0; i < info.fields.size(); ++i) {
        const sema::RecordField& f = info.fields[i];
        Field& field = records[r].fields.emplace_back();
        field.name = f.name;
        field.type = f.type;
        field.optional = f.optional;
        field.hasDefault = f.hasDefault;
        field.takes = takesAsTheyAre(in.types, f.type);
        // An optional field with a default takes it when absent, as in a record literal.
        if ((!f.optional || f.hasDefault) && i < 64) records[r].required |= uint64_t{1} << i;
        if (!f.optional && !f.hasDefault && i < 64) records[r].mustBeGiven |= uint64_t{1} << i;
      }
    }
  }

  static uint8_t takesAsTheyAre(const sema::TypeTable& types, sema::TypeId type) {
    switch (types.kind(type)) {
      case sema::TypeKind::String: return kTakesString;  // valid UTF-8: see Converter::string
      case sema::TypeKind::Int: return kTakesInt64;
      case sema::TypeKind::Uint: return kTakesUint64;
      case sema::TypeKind::Double: return kTakesInt64 | kTakesUint64 | kTakesDouble;
      case sema::TypeKind::Bool: return kTakesBool;
      default: return 0;
    }
  }

  std::vector<Record> records;  // by record type
  bool shareStrings;
  RecurringStrings strings;
};

namespace {

using Memory = JsonConverter::Memory;
using StringSite = RecurringStrings::Site;

class Converter {
 public:
  Converter(const JsonInput& in, Memory& memory) : in_(in), types_(in.types), memory_(memory) {}

  // `partial`: a record here holds only the fields given (JsonInput::partial); `root`: this
  // is the root value, where JsonInput::suppliedField applies; `site`: the field the value is
  // read for (its strings may be shared), or null.
  Value convert(const element& e, sema::TypeId type, const Path& path, bool partial, bool root,
                StringSite* site = nullptr) {
    switch (types_.kind(type)) {
      case sema::TypeKind::Null:
        return e.is_null() ? Value::null() : mismatch(path, "null", e);
      case sema::TypeKind::Bool:
        if (e.type() != element_type::BOOL) return mismatch(path, "a boolean", e);
        return Value::boolean(bool(e.get_bool()));
      case sema::TypeKind::Int: return integer(e, false, path);
      case sema::TypeKind::Uint: return integer(e, true, path);
      case sema::TypeKind::Double:
        switch (e.type()) {
          case element_type::INT64: return Value::dbl(double(int64_t(e.get_int64())));
          case element_type::UINT64: return Value::dbl(double(uint64_t(e.get_uint64())));
          case element_type::DOUBLE: return Value::dbl(double(e.get_double()));
          default: return mismatch(path, "a number", e);
        }
      case sema::TypeKind::String: return string(e, path, site);
      case sema::TypeKind::Bytes: {
        if (e.type() != element_type::STRING) return mismatch(path, "a base64 string", e);
        auto raw = base64Decode(std::string_view(e.get_string()));
        if (!raw) return failure(path, "malformed base64");
        return Value::bytes(*raw);
      }
      case sema::TypeKind::Timestamp:
        if (e.type() != element_type::STRING) {
          return mismatch(path, "an RFC 3339 timestamp string", e);
        }
        return at(path, parseInputTimestamp(std::string_view(e.get_string())));
      case sema::TypeKind::Duration:
        if (e.type() != element_type::STRING) {
          return mismatch(path, "a duration string like \"90s\"", e);
        }
        return at(path, parseDuration(std::string_view(e.get_string())));
      case sema::TypeKind::List: return list(e, type, path, site);
      case sema::TypeKind::Map: return map(e, type, path);
      case sema::TypeKind::Optional: {
        if (e.is_null()) return Value::optionalNone();
        Value v = convert(e, types_.param(type, 0), path, false, false, site);
        return v.isError() ? v : Value::optional(std::move(v));
      }
      case sema::TypeKind::Record:
        return record(e, types_.get(type).record, path, partial, root, true);
      default: return dynamic(e, path);
    }
  }

 private:
  Value string(const element& e, const Path& path, StringSite* site = nullptr) {
    if (e.type() != element_type::STRING) return mismatch(path, "a string", e);
    // Valid UTF-8 already: simdjson checks the raw bytes (stage 1) and refuses escapes that
    // would make invalid text (lone surrogates) when it unescapes.
    std::string_view s = e.get_string();
    auto make = [&] { return Value::string(s); };
    return memory_.shareStrings ? memory_.strings.get(s, site, make) : make();
  }

  Value integer(const element& e, bool isUnsigned, const Path& path) {
    std::string_view want = isUnsigned ? "a uint" : "an int";
    switch (e.type()) {
      case element_type::INT64: {
        int64_t i = e.get_int64();
        if (!isUnsigned) return Value::integer(i);
        return i < 0 ? outOfRange(path, want, e) : Value::uinteger(static_cast<uint64_t>(i));
      }
      case element_type::UINT64: {
        uint64_t u = e.get_uint64();
        if (isUnsigned) return Value::uinteger(u);
        return u > uint64_t{INT64_MAX} ? outOfRange(path, want, e)
                                       : Value::integer(static_cast<int64_t>(u));
      }
      case element_type::DOUBLE: {
        double d = e.get_double();
        if (std::trunc(d) != d) {
          return failure(path, "expected " + std::string(want) + ", found " + jsonFound(e) +
                                   ", not a whole number");
        }
        Value v = isUnsigned ? doubleToUint(d) : doubleToInt(d);
        return v.isError() ? outOfRange(path, want, e) : v;
      }
      default: return mismatch(path, want, e);
    }
  }

  // Lists, maps and records are out of line: inlined, their frames would weigh on every
  // scalar's conversion.
  [[gnu::noinline]] Value list(const element& e, sema::TypeId type, const Path& path,
                               StringSite* site) {
    if (e.type() != element_type::ARRAY) return mismatch(path, "an array", e);
    simdjson::dom::array array = e.get_array();
    std::vector<Value> out;
    out.reserve(array.size());
    size_t i = 0;
    for (element item : array) {
      Value v = convert(item, types_.param(type, 0), path.item(i++), false, false, site);
      if (v.isError()) return v;
      out.push_back(std::move(v));
    }
    return Value::list(std::move(out));
  }

  [[gnu::noinline]] Value map(const element& e, sema::TypeId type, const Path& path) {
    if (e.type() != element_type::OBJECT) return mismatch(path, "an object", e);
    sema::TypeId keyType = types_.param(type, 0);
    simdjson::dom::object object = e.get_object();
    std::vector<MapEntry> out;
    out.reserve(object.size());
    for (auto [key, item] : object) {
      Path itemPath = path.child(key);
      Value k;
      switch (types_.kind(keyType)) {
        case sema::TypeKind::Int: k = parseInt(key); break;
        case sema::TypeKind::Uint: k = parseUint(key); break;
        case sema::TypeKind::Bool: k = parseBool(key); break;
        default: k = Value::string(key); break;
      }
      if (k.isError()) return at(itemPath, std::move(k));
      Value v = convert(item, types_.param(type, 1), itemPath, false, false);
      if (v.isError()) return v;
      out.push_back({std::move(k), std::move(v)});
    }
    return at(path, Value::map(std::move(out)));
  }

  // `build`: false only checks the record (an error value, or null), allocating nothing.
  [[gnu::noinline]] Value record(const element& e, sema::RecordId record, const Path& path,
                                 bool partial, bool root, bool build) {
    if (e.type() != element_type::OBJECT) return mismatch(path, "an object", e);
    if (record >= in_.layouts.size()) return failure(path, "unknown record type");
    const RecordLayout& layout = in_.layouts[record];
    Memory::Record& plan = memory_.records[record];
    std::vector<Memory::Field>& fields = plan.fields;
    const std::vector<bool>* kept = in_.kept ? &(*in_.kept)[record] : nullptr;
    int supplied = root ? in_.suppliedField : -1;
    std::optional<RecordBuilder> b;
    if (build) b.emplace(layout);
    FieldSet given(fields.size());
    size_t expected = 0;  // JSON usually lists fields in declaration order: try that first
    for (auto [key, item] : e.get_object()) {
      int index = expected < fields.size() && sameText(fields[expected].name, key)
                      ? static_cast<int>(expected)
                      : layout.find(key);
      Path fieldPath = path.child(key);
      if (index < 0) {
        std::string why = "`" + layout.name + "` has no such field";
        if (std::optional<std::string> meant = sema::closestName(key, layout.fieldNames)) {
          why += ": did you mean `" + *meant + "`?";
        }
        return failure(fieldPath, why);
      }
      if (index == supplied) return failure(fieldPath, in_.suppliedReason);
      size_t i = static_cast<size_t>(index);
      // JSON leaves a repeated key's meaning open (parsers keep the first, the last, or both):
      // refused, as at a record's top level and in maps.
      if (given.contains(i)) return failure(fieldPath, "duplicate key");
      given.insert(i);
      expected = i + 1;
      Memory::Field& field = fields[i];
      if (field.optional && item.is_null()) {
        if (partial && b) b->set(i, Value::null());  // a patch making the field absent
        continue;
      }
      if (!b || (kept && !(*kept)[i])) {
        if (Value error = check(item, field.type, fieldPath); error.isError()) return error;
        continue;
      }
      Value v = convert(item, field.type, fieldPath, partial, false, &field.strings);
      if (v.isError()) return v;
      b->set(i, std::move(v));
    }
    if (supplied >= 0 && b) {
      b->set(static_cast<size_t>(supplied), in_.suppliedValue);
      given.insert(static_cast<size_t>(supplied));
    }
    if (partial) return b ? b->build() : Value::null();
    if (!given.containsAll(plan.required)) {
      for (size_t i = 0; i < fields.size(); ++i) {
        const Memory::Field& field = fields[i];
        if (given.contains(i) || (field.optional && !field.hasDefault) ||
            static_cast<int>(i) == supplied) {
          continue;
        }
        if (field.hasDefault) {
          if (!in_.defaults || !b) continue;  // left absent: no defaults, or nothing built
          if (kept && !(*kept)[i]) continue;  // nobody reads it
          Value v = defaultOf(record, i);
          if (v.isError()) return at(path.child(field.name), std::move(v));
          b->set(i, std::move(v));
          continue;
        }
        return failure(path, "missing field `" + std::string(field.name) + "`");
      }
    }
    return b ? b->build() : Value::null();
  }

  // Whether `e` converts to `type`, without building what it would give where that costs
  // allocations (strings, lists, maps): an error value, or null.
  Value check(const element& e, sema::TypeId type, const Path& path) {
    switch (types_.kind(type)) {
      case sema::TypeKind::String:
        if (e.type() != element_type::STRING) return mismatch(path, "a string", e);
        return Value::null();  // valid UTF-8: see string()
      case sema::TypeKind::List: {
        if (e.type() != element_type::ARRAY) return mismatch(path, "an array", e);
        size_t i = 0;
        for (element item : e.get_array()) {
          Value error = check(item, types_.param(type, 0), path.item(i++));
          if (error.isError()) return error;
        }
        return Value::null();
      }
      case sema::TypeKind::Optional:
        if (e.is_null()) return Value::null();
        return check(e, types_.param(type, 0), path);
      case sema::TypeKind::Record: {
        sema::RecordId r = types_.get(type).record;
        if (valid(e, r, path)) return Value::null();
        return record(e, r, path, false, false, false);
      }
      // The usual scalars, answered from the JSON type alone; the rest (a double for an int,
      // an out-of-range number, a mismatch) as convert() decides.
      case sema::TypeKind::Bool:
        if (e.type() == element_type::BOOL) return Value::null();
        break;
      case sema::TypeKind::Int:
        if (e.type() == element_type::INT64) return Value::null();
        break;
      case sema::TypeKind::Uint:
        if (e.type() == element_type::UINT64) return Value::null();
        break;
      case sema::TypeKind::Double:
        if (e.is_number()) return Value::null();
        break;
      default:
        break;
    }
    // Other scalars build nothing; maps and dyn are rare enough to build.
    Value v = convert(e, type, path, false, false);
    return v.isError() ? v : Value::null();
  }

  // Whether `e` is certainly a valid `record` (not a patch, not the root), found by the
  // kinds of its fields alone where they decide: false leaves the answer, and the message, to
  // record(). The records of lists that nothing reads (a cart's items) are checked this way.
  bool valid(const element& e, sema::RecordId record, const Path& path) {
    if (e.type() != element_type::OBJECT || record >= in_.layouts.size()) return false;
    Memory::Record& plan = memory_.records[record];
    std::vector<Memory::Field>& fields = plan.fields;
    if (fields.size() > 64) return false;
    const RecordLayout& layout = in_.layouts[record];
    uint64_t given = 0;
    size_t expected = 0;
    for (auto [key, item] : e.get_object()) {
      int index = expected < fields.size() && sameText(fields[expected].name, key)
                      ? static_cast<int>(expected)
                      : layout.find(key);
      if (index < 0) return false;
      size_t i = static_cast<size_t>(index);
      if (given >> i & 1) return false;  // a key given twice: record() says so
      expected = i + 1;
      const Memory::Field& field = fields[i];
      uint8_t kind = takesBit(item.type());
      // simdjson calls a number that fits an int64 one: a uint field takes it when positive.
      if (kind == kTakesInt64 && field.takes == kTakesUint64 && int64_t(item.get_int64()) >= 0) {
        kind = kTakesUint64;
      }
      if (kind == kTakesNull) {
        if (!field.optional) return false;
        given |= uint64_t{1} << i;  // absent, but given: a second key is still a duplicate
        continue;
      }
      if (!(field.takes & kind)) {
        if (field.takes != 0) return false;  // a scalar field given another kind
        if (check(item, field.type, path.child(key)).isError()) return false;
      }
      given |= uint64_t{1} << i;
    }
    return (given & plan.mustBeGiven) == plan.mustBeGiven;
  }

  Value defaultOf(sema::RecordId record, size_t field) {
    Memory::Field& known = memory_.records[record].fields[field];
    if (!known.defaultKnown) {
      known.defaultValue = in_.defaults(record, field);
      known.defaultKnown = true;
    }
    return known.defaultValue;
  }

  [[gnu::noinline]] Value dynamic(const element& e, const Path& path) {
    switch (e.type()) {
      case element_type::NULL_VALUE: return Value::null();
      case element_type::BOOL: return Value::boolean(bool(e.get_bool()));
      case element_type::INT64: return Value::integer(int64_t(e.get_int64()));
      case element_type::UINT64: return Value::uinteger(uint64_t(e.get_uint64()));
      case element_type::DOUBLE: return Value::dbl(double(e.get_double()));
      case element_type::STRING: return string(e, path);
      case element_type::ARRAY: {
        std::vector<Value> out;
        size_t i = 0;
        for (element item : e.get_array()) {
          Value v = dynamic(item, path.item(i++));
          if (v.isError()) return v;
          out.push_back(std::move(v));
        }
        return Value::list(std::move(out));
      }
      case element_type::OBJECT: {
        std::vector<MapEntry> out;
        for (auto [key, item] : e.get_object()) {
          Value v = dynamic(item, path.child(key));
          if (v.isError()) return v;
          out.push_back({Value::string(key), std::move(v)});
        }
        return at(path, Value::map(std::move(out)));  // a key given twice, named by its path
      }
    }
    return failure(path, "unreadable JSON value");
  }

  const JsonInput& in_;
  const sema::TypeTable& types_;
  Memory& memory_;
};

}  // namespace

Value jsonToValue(const element& e, sema::TypeId type, const JsonInput& in,
                  const std::string& path) {
  Path root{&path};
  Memory memory(in, false);
  return Converter(in, memory).convert(e, type, root, in.partial, true);
}

JsonConverter::JsonConverter(const JsonInput& input, bool shareStrings)
    : input_(input), memory_(std::make_unique<Memory>(input, shareStrings)) {}

JsonConverter::~JsonConverter() = default;

Value JsonConverter::convert(const element& e, sema::TypeId type, const std::string& path) {
  Path root{&path};
  return Converter(input_, *memory_).convert(e, type, root, input_.partial, true);
}

std::optional<std::string> widenBigIntegers(std::string_view text) {
  std::string out;
  bool widened = false;
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    if (c == '"') {  // a string, its escapes included
      size_t end = i + 1;
      while (end < text.size() && text[end] != '"') end += text[end] == '\\' ? 2 : 1;
      end = std::min(end + 1, text.size());
      out.append(text, i, end - i);
      i = end;
      continue;
    }
    if (c != '-' && !std::isdigit(static_cast<unsigned char>(c))) {
      out += c;
      ++i;
      continue;
    }
    size_t end = i;
    while (end < text.size() && std::strchr("0123456789+-.eE", text[end]) != nullptr) ++end;
    std::string_view number = text.substr(i, end - i);
    out.append(number);
    std::string_view digits = number.substr(number.starts_with('-') ? 1 : 0);
    bool integer = !digits.empty() && digits.find_first_not_of("0123456789") == digits.npos;
    // Beyond uint64 (20 digits) or int64 (a negative one of 19): the parser's own bounds.
    std::string_view limit =
        number.starts_with('-') ? "9223372036854775808" : "18446744073709551615";
    if (integer && digits.size() > 1 && digits[0] != '0' &&
        (digits.size() > limit.size() || (digits.size() == limit.size() && digits > limit))) {
      out += "e0";
      widened = true;
    }
    i = end;
  }
  if (!widened) return std::nullopt;
  return out;
}

Value parseJsonAs(std::string_view text, sema::TypeId type, const JsonInput& input,
                  const std::string& path) {
  simdjson::dom::parser parser;
  // The first value of `json`, or the parser's error.
  auto first = [&](std::string_view json, element& root) {
    simdjson::padded_string padded(json);
    simdjson::dom::document_stream stream;
    size_t batch = std::max<size_t>(padded.size() + 64, size_t{1} << 20);
    if (auto error = parser.parse_many(padded, batch).get(stream)) return error;
    for (auto doc : stream) return doc.get(root);
    return simdjson::EMPTY;
  };
  element root;
  simdjson::error_code error = first(text, root);
  std::optional<std::string> widened;
  if (error == simdjson::NUMBER_ERROR && (widened = widenBigIntegers(text))) {
    error = first(*widened, root);
  }
  if (error) return Value::error("malformed JSON: " + jsonErrorText(error));
  return jsonToValue(root, type, input, path);
}

}  // namespace journey::interp
