// The shortest text of a double that is a decimal with a few digits after its point (a price,
// a total: 28.31), written without the general shortest-round-trip search that
// std::to_chars runs for every double (about 600 instructions; this takes about a tenth).
#pragma once

namespace journey {

// Writes into `out` (room for 24 characters) what std::to_chars(out, end, d) writes, and
// returns the end; or returns null, having written nothing that counts, for a double this does
// not handle: below 1 in magnitude, a whole number, more than six decimals, more than 15
// significant digits, not finite. Callers then use std::to_chars.
char* shortDecimal(char* out, double d) noexcept;

}  // namespace journey
