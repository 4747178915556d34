// Values printed in CEL literal syntax, so that printed output reads back as the same value:
//
//   null  true  -5  5u  1.0  1.5  1e+100  double("NaN")  double("Infinity")
//   "a\"b\n"  b"\x00ab"  [1, 2]  {"a": 1, 2: true}  timestamp("2026-03-02T10:00:00Z")
//   duration("3600s")  optional.of(1)  optional.none()  int  google.protobuf.Timestamp
//   Purchase{total: 80.0, items: []}
//
// Doubles use the shortest digits that round-trip and always show a `.` or an exponent so
// they read back as doubles. Maps keep insertion order; records print their present fields
// in declaration order. An error prints as `<error: message>` (it has no literal form).
#pragma once

#include <string>
#include <string_view>

#include "vm/value/value.h"

namespace journey {

std::string toCelLiteral(const Value& v);
void appendCelLiteral(std::string& out, const Value& v);

// `1.0`, `-0.0`, `1e+100`, `double("NaN")`: the shortest digits that read back as `d`, with `.0`
// when they show neither a fraction nor an exponent.
std::string formatDoubleLiteral(double d);
void appendDoubleLiteral(std::string& out, double d);
// A double-quoted CEL string literal: `\\`, `\"`, `\n`... and `\xHH` / `\uHHHH` for other
// control characters; other characters as they are.
std::string quoteCelString(std::string_view utf8);
// `b"..."`: printable ASCII as is, other bytes as `\xHH`.
std::string quoteCelBytes(std::string_view raw);

}  // namespace journey
