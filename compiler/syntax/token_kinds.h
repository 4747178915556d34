// Facts about token types shared by the token filter, the error messages and `--emit tokens`.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace journey::syntax {

// Identifiers, keywords, literals, `)`, `]` and `}`: what an operand can end with.
bool endsOperand(size_t type);
// Identifiers, keywords and literals.
bool startsWord(size_t type);
// CEL's reserved words (`if`, `as`, `for`, ...), never names.
bool isReservedWord(size_t type);
// Journey's keywords (`wait`, `entry`, ...), also usable as names.
bool isContextualKeyword(size_t type);
// Literal tokens (numbers, strings, `true`, `false`, `null`).
bool isLiteralToken(size_t type);
// Tokens an expression can start with.
bool isExpressionStart(size_t type);
// Binary operators, with `?`.
bool isBinaryOperator(size_t type);
// The first keyword of a step, a header clause, a declaration.
bool startsStep(size_t type);
bool startsClause(size_t type);
bool startsDeclaration(size_t type);

// Why an expression could not read `text` as a variable's name (a reserved word, a literal, a
// library namespace, not one name), or nothing when it can: for bindings made outside the
// language (the REPL's `let`, `journey eval --let`).
std::optional<std::string> whyNotVariableName(std::string_view text);

// The grammar's name of a token type: `IDENT`, `LBRACE`, `EOF`.
std::string tokenKindName(size_t type);
// How a message names a token type: "`{`", "`wait`", "a name", "a string", "end of line".
std::string describeTokenType(size_t type);
// A keyword's spelling (`retain`), or nothing for punctuation and other tokens.
std::string keywordSpelling(size_t type);
// Every token type that is a keyword, in the grammar's order.
const std::vector<size_t>& keywordTypes();

}  // namespace journey::syntax
