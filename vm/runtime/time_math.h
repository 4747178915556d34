// Deadline arithmetic for the runtime: a timestamp plus or minus a duration, clamped to the
// timestamp range instead of failing (a `timeout 10000y` simply never fires).
#pragma once

#include <string>

#include "vm/value/value.h"

namespace journey::runtime {

Timestamp plusDuration(Timestamp t, Duration d);
Timestamp minusDuration(Timestamp t, Duration d);
// As a journey author writes it: `7d`, `1h30m`, `45s` (fractions of a second: CEL's `1.5s`).
std::string authorDuration(Duration d);

}  // namespace journey::runtime
