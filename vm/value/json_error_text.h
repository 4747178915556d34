// What simdjson found wrong in a line, said in the terms of the JSON a person wrote ("a string is
// not closed"), for rejected input records and values parsed from text.
#pragma once

#include <string>

namespace journey {

// `error` is a simdjson::error_code (an enum that cannot be declared without its header).
std::string jsonErrorText(int error);

}  // namespace journey
