#include "compiler/format/spacing.h"

namespace journey::format {

using syntax::SyntaxRule;
using syntax::SyntaxTokenKind;

namespace {

bool isUnary(const TokenPlace& t) {
  return t.kind == SyntaxTokenKind::Not || (t.kind == SyntaxTokenKind::Operator && t.parent == SyntaxRule::Operand);
}

// `Item{a: 1}` and `{"k": v}` are CEL literals, written tight; declaration bodies and payloads
// (`{ a: int }`, `{ total: cart.total }`) take spaces inside.
bool isTightBrace(const TokenPlace& t) {
  return t.parent == SyntaxRule::RecordInit || t.parent == SyntaxRule::Primary;
}

bool isTypeBracket(const TokenPlace& t) {
  return t.kind == SyntaxTokenKind::Operator && t.parent == SyntaxRule::TypeAtom;  // `<` or `>` of `list<T>`
}

}  // namespace

bool spaceBetween(const TokenPlace& left, const TokenPlace& right) {
  const TokenPlace& a = left;
  const TokenPlace& b = right;
  if (b.kind == SyntaxTokenKind::End) return false;
  if (a.kind == SyntaxTokenKind::LParen || a.kind == SyntaxTokenKind::LBracket) return false;
  if (b.kind == SyntaxTokenKind::RParen || b.kind == SyntaxTokenKind::RBracket || b.kind == SyntaxTokenKind::Comma ||
      b.kind == SyntaxTokenKind::Semi) {
    return false;
  }
  if (a.kind == SyntaxTokenKind::Dot) return false;
  // A leading dot names the root scope (`.x`) and is spaced like a name; any other is a member.
  if (b.kind == SyntaxTokenKind::Dot && !(b.parent == SyntaxRule::Primary && b.firstInParent)) return false;
  if (a.kind == SyntaxTokenKind::LBrace) return b.kind != SyntaxTokenKind::RBrace && !isTightBrace(a);
  if (b.kind == SyntaxTokenKind::RBrace) return !isTightBrace(b);
  if (b.kind == SyntaxTokenKind::Question) {
    // `T?`, `.?f`, `[?i]` are tight; `c ? a : b` is spaced; `?f: v` and `[?x]` as other words.
    if (b.parent == SyntaxRule::TypeRef || b.parent == SyntaxRule::MemberSuffix) return false;
  }
  if (a.kind == SyntaxTokenKind::Question) return a.parent == SyntaxRule::Expr || a.parent == SyntaxRule::TypeRef;
  if (b.kind == SyntaxTokenKind::Colon) return b.parent == SyntaxRule::Expr;
  if (a.kind == SyntaxTokenKind::Colon) return a.parent != SyntaxRule::TimeOfDay;
  // A call's or a declaration's `(` follows its name; a parenthesised expression starts its rule.
  if (b.kind == SyntaxTokenKind::LParen && !b.firstInParent) return false;
  if (b.kind == SyntaxTokenKind::LBracket && b.parent == SyntaxRule::MemberSuffix) return false;
  if (b.kind == SyntaxTokenKind::LBrace && b.parent == SyntaxRule::RecordInit) return false;
  if (isUnary(a)) return false;
  if (isTypeBracket(b)) return false;
  if (isTypeBracket(a) && a.text == "<") return false;
  if (b.kind == SyntaxTokenKind::Operator && b.parent == SyntaxRule::SplitArm) return false;  // `50%`
  return true;
}

}  // namespace journey::format
