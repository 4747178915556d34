// Writing JSON strings: the one escaper every JSON output of the project uses (typed values,
// conformance results, runtime records), so they all escape alike.
#pragma once

#include <string>
#include <string_view>

namespace journey {

// Appends `s` as a JSON string literal: quotes, backslash and control characters escaped;
// other bytes (UTF-8 included) copied as they are.
void appendJsonString(std::string& out, std::string_view s);
// The same for text that may not be UTF-8 (a file's name, a message quoting one): each run of
// bytes that are not well-formed UTF-8 becomes U+FFFD, so the output stays JSON.
void appendJsonText(std::string& out, std::string_view s);
// Whether any byte of `s` needs an escape in a JSON string (else it is written as it is).
bool jsonStringNeedsEscape(std::string_view s);
// Appends a double as JSON: its shortest round-trip digits, with `.0` when they show neither a
// fraction nor an exponent (80.0 stays visibly a double); JSON has no NaN or infinities, so
// those are the strings "NaN", "Infinity" and "-Infinity".
void appendJsonDouble(std::string& out, double d);

}  // namespace journey
