// Typed JSON: the value format of the CEL conformance cases (../shared/conformance/cel/README.md)
//
//   {"null": null}  {"bool": true}  {"int": "-12"}  {"uint": "12"}  {"double": 1.5}
//   {"double": "NaN"}  {"string": "a"}  {"bytes": "YWJj"}  {"list": [TYPED, ...]}
//   {"map": [[TYPED, TYPED], ...]}  {"timestamp": {"seconds": "…", "nanos": "…"}}
//   {"duration": {"seconds": "…", "nanos": "…"}}  {"type": "int"}
//
// and, beyond the conformance format so that every value prints: {"optional": TYPED} /
// {"optional": null}, {"record": {"type": "Name", "fields": {"f": TYPED, ...}}} (print only)
// and {"error": "message"}. Parsing accepts numbers where strings are shown (`{"int": 5}`).
#pragma once

#include <string>
#include <string_view>

#include "vm/value/value.h"

namespace simdjson::dom {
class element;
}

namespace journey {

// The value, or an Error value saying what is malformed.
Value parseTypedJson(std::string_view json);
// For callers that parsed a larger document (a conformance case line) themselves.
Value typedJsonToValue(const simdjson::dom::element& element);

// Compact, one line, `{"int": "42"}` style.
std::string toTypedJson(const Value& v);

// The conformance comparison: CEL equality, except that kinds must match at every level
// (an expected int is not met by 1u or 1.0) and NaN equals NaN. Errors match by message.
bool strictEquals(const Value& a, const Value& b);

}  // namespace journey
