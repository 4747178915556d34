// Decoding literal tokens into values: strings and bytes (quotes, prefixes, escapes), integers,
// unsigned integers, doubles and durations. Pure functions over the token's text; a problem is
// returned with its byte span inside that text so the caller can point at it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "compiler/diagnostics/diagnostic.h"

namespace journey::syntax {

struct LiteralProblem {
  DiagKind kind;
  std::string message;
  uint32_t begin = 0;  // byte span within the literal's text
  uint32_t end = 0;
};

// The shape of a string or bytes token: `[rR]?[bB]?` prefix (either order) and quotes.
struct QuotedLiteral {
  bool bytes = false;
  bool raw = false;
  uint32_t openLength = 0;   // prefix and opening quotes
  uint32_t closeLength = 0;  // 0 when the closing quotes are missing
};
QuotedLiteral analyzeQuoted(std::string_view text);

// Decodes a string (UTF-8) or bytes literal. A missing closing quote is not reported here: the
// token filter reports it.
std::optional<LiteralProblem> decodeQuoted(std::string_view text, std::string& out);

// `42`, `0x2A`: `negated` when a unary minus was folded in, so that -9223372036854775808 fits.
std::optional<LiteralProblem> decodeInt(std::string_view text, bool negated, int64_t& out);
// `42u`, `0x2Au`.
std::optional<LiteralProblem> decodeUint(std::string_view text, uint64_t& out);
// `1.5`, `.5`, `1e3`.
std::optional<LiteralProblem> decodeDouble(std::string_view text, double& out);
// `90s`, `1h30m`, `500ms`: nanoseconds.
std::optional<LiteralProblem> decodeDuration(std::string_view text, int64_t& nanos);

// Appends the UTF-8 encoding of a code point.
void appendUtf8(std::string& out, uint32_t codePoint);

}  // namespace journey::syntax
