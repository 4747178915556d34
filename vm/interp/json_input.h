// Plain JSON (profiles, events) to values of a declared type: the schema decides what each
// JSON value becomes.
//
//   int, uint        JSON integers (a double with an integral value is accepted too)
//   double           any JSON number
//   string, bool     strings, booleans
//   bytes            base64 strings
//   timestamp        RFC 3339 strings ("2026-03-02T10:00:00Z")
//   duration         duration strings ("90s", "1h30m")
//   list<T>          arrays;  map<string, V> objects (int/uint/bool keys are parsed from text)
//   records          objects: every declared field must be given unless it is optional (`T?`:
//                    absent, or null, leaves it absent) or has a default (applied); an unknown
//                    key is an error, so misspelt data is noticed
//   optional<T>      null is optional.none(), anything else optional.of(T)
//   dyn              null, bool, number (int when integral, else double), string, list, map
//
// Any mismatch is an Error value naming the path: "profile.loyalty.points: expected int,
// found a string". Paths are spelt out only for errors, so that reading valid input
// allocates nothing but the values themselves.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/ir/record_layouts.h"
#include "compiler/sema/types.h"
#include "vm/value/value.h"

namespace simdjson::dom {
class element;
}

namespace journey::interp {

// The value of a field's declared default (`timezone: string = "UTC"`).
using FieldDefault = std::function<Value(sema::RecordId record, size_t field)>;

struct JsonInput {
  const sema::TypeTable& types;
  const ir::RecordLayouts& layouts;  // indexed by sema::RecordId
  FieldDefault defaults;             // may be empty: defaulted fields are then left absent
  // A patch (`set` records): the root record, and records nested in it through fields, hold
  // only the fields given: no defaults, nothing missing. Records inside lists and maps stay
  // whole, since a patch replaces those. An optional field given null is present as null,
  // which tells the merge (runtime::mergeProfile) to make it absent. Unknown keys are still
  // errors.
  bool partial = false;
  // A field of the root record that the caller supplies (an event's implicit `time`, taken
  // from the line's "time"): it is set to `suppliedValue`, and JSON giving it is an error
  // whose text is `suppliedReason`.
  int suppliedField = -1;
  Value suppliedValue = Value::null();
  std::string_view suppliedReason = {};
  // When set, per record type (like `layouts`), the fields to build: the others are checked
  // against their type as usual (the same errors) but left out of the value, as if absent.
  // For readers that know which fields they will look at (ir/field_reads.h).
  const std::vector<std::vector<bool>>* kept = nullptr;
};

Value jsonToValue(const simdjson::dom::element& json, sema::TypeId type, const JsonInput& input,
                  const std::string& path);

// jsonToValue for many values read with one JsonInput (an input file's lines), remembering
// what repeats from one to the next: each field's default is asked of `input.defaults` once
// (defaults must not change), and with `shareStrings`, short strings that recur in a field
// (countries, tiers, tags) are shared between the values instead of allocated again. Strings
// are immutable, so only memory and time tell the difference: sharing saves memory where the
// values are kept together (profiles), but costs time where a string recurs far apart in a
// stream (an item's sku in events), since the shared copy has gone cold by then.
class JsonConverter {
 public:
  // `input` must outlive the converter; its supplied field and value are read at each convert.
  JsonConverter(const JsonInput& input, bool shareStrings);
  ~JsonConverter();
  JsonConverter(const JsonConverter&) = delete;
  JsonConverter& operator=(const JsonConverter&) = delete;

  Value convert(const simdjson::dom::element& json, sema::TypeId type, const std::string& path);

  struct Memory;  // what is remembered (json_input.cpp)

 private:
  const JsonInput& input_;
  std::unique_ptr<Memory> memory_;
};

// A JSON value's kind in words, for messages: "a string", "a number", "an array", "null".
std::string_view jsonKindName(const simdjson::dom::element& json);
// What a JSON value is, for "expected …, found …": a scalar with its value (`the string "12"`,
// a long one cut; `the number 3.5`, `true`), else its kind.
std::string jsonFound(const simdjson::dom::element& json);

// `text` with each integer literal beyond 64 bits (outside strings) given an exponent, `e0`,
// so that simdjson, which refuses such an integer (a NUMBER_ERROR), reads the double JSON
// means it to be; nothing when there is none. Parsing again is for that rare error only. A
// field of an integer type then refuses the value by its path.
std::optional<std::string> widenBigIntegers(std::string_view text);

// The first JSON value of `text` (a JSON document, or JSON lines), converted to `type`. An
// integer beyond 64 bits is the double it means (widenBigIntegers).
Value parseJsonAs(std::string_view text, sema::TypeId type, const JsonInput& input,
                  const std::string& path);

}  // namespace journey::interp
