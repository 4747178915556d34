// Timestamps and durations written as text in tests, which must be valid.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "vm/value/printer.h"
#include "vm/value/value.h"
#include "vm/value/value_convert.h"

namespace journey::test {

inline Timestamp timestampOf(std::string_view text) {
  Value v = parseTimestamp(text);
  REQUIRE_MESSAGE(v.kind() == ValueKind::Timestamp, (std::string(text) + ": " + toCelLiteral(v)));
  return v.asTimestamp();
}

inline Duration durationOf(std::string_view text) {
  Value v = parseDuration(text);
  REQUIRE_MESSAGE(v.kind() == ValueKind::Duration, (std::string(text) + ": " + toCelLiteral(v)));
  return v.asDuration();
}

}  // namespace journey::test
