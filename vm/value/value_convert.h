// Conversions between values and text, and between numeric kinds, with CEL's rules and range
// errors. The standard library's conversion functions (`int()`, `string()`, `timestamp()`,
// `duration()`, ...) and the input readers (RFC 3339 times, CEL duration strings) use these.
//
// Functions returning Value give the converted value or an Error value with the reason.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "vm/value/value.h"

namespace journey {

// ---- timestamps --------------------------------------------------------------------------

// RFC 3339: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, `T` and `Z` in either case. Digits of
// the fraction beyond nanoseconds are dropped. Outside 0001-01-01T00:00:00Z ..
// 9999-12-31T23:59:59.999999999Z: a range error.
Value parseTimestamp(std::string_view text);
// For a message about `written`, which parseTimestamp refused: the RFC 3339 time the writer
// likely meant (a date alone, `2026-03-10`: its start in UTC; a time of day alone, `11:00`, on
// `day` when one is given, `YYYY-MM-DD`), else a sample time; nothing when the time meant is
// refused too (`2026-03-02T24:00:00Z`, in the form but out of range).
std::optional<std::string> timestampExample(std::string_view written, std::string_view day = {});
// Whether parseTimestamp refused a time for its range (a year past 9999), not its form.
bool isTimestampRangeRefusal(const Value& refusal);
inline constexpr std::string_view kTimestampRange =
    "timestamps run from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z";
// parseTimestamp for a time in input data (a record's "time", a timestamp field): its error,
// if any, goes on to name the time the writer likely meant, or the range of timestamps.
Value parseInputTimestamp(std::string_view text);
// UTC with a `Z`, the fraction without trailing zeros (`2026-03-02T10:00:00Z`,
// `2026-03-02T10:00:00.5Z`) — what cel-go and cel-cpp print for string(timestamp).
std::string formatTimestamp(Timestamp t);
void appendTimestamp(std::string& out, Timestamp t);  // the same, appended

// ---- durations ---------------------------------------------------------------------------

// CEL duration strings (Go's syntax): an optional sign, then one or more decimal numbers
// (fractions allowed) each with a unit `h`, `m`, `s`, `ms`, `us` (or `µs`), `ns`; or `0`.
// `1h30m`, `1.5s`, `-3s`, `100ms`. Beyond ±2^63 nanoseconds: a range error.
Value parseDuration(std::string_view text);
// Seconds with the fraction trimmed: `3600s`, `1.5s`, `-0.000000001s`, `0s`.
std::string formatDuration(Duration d);

// ---- numbers -----------------------------------------------------------------------------

// string(double), as cel-go prints it (Go's `%g` with the shortest round-trip digits):
// `123.456`, `1`, `-0.0045`, `1e+06`, `1.5e-07`; `NaN`, `Infinity`, `-Infinity`.
std::string formatDouble(double d);

// int(double) and uint(double): truncate toward zero; NaN, infinities and values outside
// (-2^63, 2^63) resp. [0, 2^64) are range errors (as cel-go: uint(-0.5) is an error).
Value doubleToInt(double d);
Value doubleToUint(double d);
Value intToUint(int64_t i);   // negative: range error
Value uintToInt(uint64_t u);  // above INT64_MAX: range error

// int(string), uint(string), double(string), bool(string) with Go's (cel-go's) syntax:
// decimal integers with an optional sign (no sign for uint); decimal floats, `NaN`, `Inf`,
// `Infinity` (any case, signed); booleans `true`/`True`/`TRUE`/`t`/`T`/`1` and the false forms.
Value parseInt(std::string_view text);
Value parseUint(std::string_view text);
Value parseDouble(std::string_view text);
Value parseBool(std::string_view text);

// ---- strings and bytes -------------------------------------------------------------------

bool isValidUtf8(std::string_view bytes) noexcept;
// The start of the UTF-8 character the byte at `at` is part of (`at` itself when it starts one,
// or is past the end): where text is cut short without splitting a character.
size_t utf8CharStart(std::string_view text, size_t at) noexcept;
// `text` when it has at most `most` bytes, else its first whole characters within them and "…":
// a runaway value quoted in a message.
std::string cutShort(std::string_view text, size_t most);
// string(bytes): the bytes as a string, or an error when they are not valid UTF-8.
Value bytesToString(std::string_view bytes);
// The byte offset of code point `index` in valid UTF-8 (the size for index == code points).
size_t utf8ByteOffset(std::string_view utf8, uint64_t index) noexcept;

// Standard base64 with padding.
std::string base64Encode(std::string_view bytes);
// Standard alphabet, padding optional; nullopt when malformed.
std::optional<std::string> base64Decode(std::string_view text);

}  // namespace journey
