#include "vm/value/json_error_text.h"

#include <simdjson.h>

namespace journey {

std::string jsonErrorText(int error) {
  switch (static_cast<simdjson::error_code>(error)) {
    case simdjson::TAPE_ERROR:
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
    case simdjson::TRAILING_CONTENT:
      return "a comma, a colon, a key or a bracket is missing or extra";
    case simdjson::STRING_ERROR:
      return "a string holds an invalid escape (an unknown `\\` escape, or a `\\u` of half a "
             "surrogate pair, such as `\\ud800` alone)";
    case simdjson::UNESCAPED_CHARS:
      return "a string holds a control character (below U+0020) that is not escaped";
    case simdjson::UNCLOSED_STRING: return "a string is not closed";
    case simdjson::UTF8_ERROR: return "the text is not valid UTF-8";
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR:
      return "a word that is not `true`, `false` or `null` (text is written in quotes)";
    case simdjson::EMPTY: return "no complete value found";
    default: return simdjson::error_message(static_cast<simdjson::error_code>(error));
  }
}

}  // namespace journey
