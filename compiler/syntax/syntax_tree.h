// The parse tree as written, for tools that work on the text itself (`journey fmt`): every token
// the parser read, in source order, under the grammar rule that read it. Unlike the AST nothing
// is decoded, folded, reordered or dropped, and neither ANTLR nor its token types show through.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "compiler/source/source_manager.h"

namespace journey::syntax {

// One entry per rule of grammar/Journey.g4, named after it. A rule added to the grammar and not
// yet here arrives as `Other`, which tools lay out generically.
enum class SyntaxRule : uint8_t {
  File, ExprFile, Sep, Decl, ImportDecl, TypeDecl, SchemaDecl, EventDecl, ChannelDecl,
  AudienceDecl, CapDecl, ConstDecl, FnDecl, Param, ActionDecl, ActionItem, TypeRef, TypeAtom,
  QualifiedName, RecordBody, FieldDecls, FieldDecl, FieldSep, FieldBlock, FieldInits, FieldInit,
  JourneyDecl, JourneyItem, Clause, Schedule, TimeOfDay, Block, Stmt, ElseIf, Awaited, WaitBody,
  Handler, SplitBody, SplitArm, TestDecl, TestStmt, ExpectWord, Expr, Binary, Arithmetic, Operand, MemberSuffix, RecordInit,
  Primary, ExprList, ListElems, ListElem, MapEntries, MapEntry, Ident, Selector, Reserved,
  Other,
};

// What a layout needs to know of a token; the exact operator is in its text.
enum class SyntaxTokenKind : uint8_t {
  Word,       // identifiers, keywords, reserved words, `name` in backquotes
  Literal,    // numbers, durations, strings, bytes, true, false, null
  LParen, RParen, LBracket, RBracket, LBrace, RBrace,
  Dot, Comma, Colon, Semi, Question, Assign,
  Not,        // `!`
  Operator,   // the binary operators, `in` and `-` included
  Newline,    // a newline the token filter kept: it ends a statement, a declaration or a field
  End,        // the end of the file
};

struct SyntaxToken {
  SyntaxTokenKind kind = SyntaxTokenKind::Word;
  SourceRange range;  // empty for End
};

// A child is a token or a node, by index into the tree's vectors.
struct SyntaxChild {
  bool isToken = false;
  uint32_t index = 0;
};

struct SyntaxNode {
  SyntaxRule rule = SyntaxRule::Other;
  std::vector<SyntaxChild> children;  // in source order
};

struct SyntaxTree {
  std::vector<SyntaxToken> tokens;  // in source order, End last
  std::vector<SyntaxNode> nodes;    // nodes[0] is the root (`File`)
};

// The grammar's name of a rule (`fieldBlock`), for messages and tests.
std::string_view syntaxRuleName(SyntaxRule rule);

}  // namespace journey::syntax
