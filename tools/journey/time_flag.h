// A flag that gives a time (`run --until`, `audience --at`): an RFC 3339 timestamp.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "vm/value/value.h"

namespace journey::cli {

// The time `text` names; when it names none, says why on stderr, with how to write one
// (timestampExample: `2026-03-10` gets `2026-03-10T00:00:00Z`), and returns nothing.
std::optional<Timestamp> parseTimeFlag(std::string_view flag, const std::string& text);

}  // namespace journey::cli
