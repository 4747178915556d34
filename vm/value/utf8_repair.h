// Text from outside that may not be UTF-8 (`bytes` printed with `%s`, a file's name in JSON):
// made well-formed by replacing what is not.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace journey {

// The length of the well-formed UTF-8 sequence at the start of `s`, or 0 when it is not one
// (overlong forms, surrogates and code points above U+10FFFF are not).
size_t wellFormedLength(std::string_view s);
// Appends `bytes` as UTF-8: each run of bytes that are not well-formed becomes one U+FFFD.
void appendAsUtf8(std::string& out, std::string_view bytes);

}  // namespace journey
