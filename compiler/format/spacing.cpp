#include "compiler/format/spacing.h"

namespace journey::format {

using syntax::SyntaxRule;
using Kind = syntax::SyntaxTokenKind;

namespace {

bool isUnary(const TokenPlace& t) {
  return t.kind == Kind::Not || (t.kind == Kind::Operator && t.parent == SyntaxRule::Operand);
}

// `Item{a: 1}` and `{"k": v}` are CEL literals, written tight; declaration bodies and payloads
// (`{ a: int }`, `{ total: cart.total }`) take spaces inside.
bool isTightBrace(const TokenPlace& t) {
  return t.parent == SyntaxRule::RecordInit || t.parent == SyntaxRule::Primary;
}

bool isTypeBracket(const TokenPlace& t) {
  return t.kind == Kind::Operator && t.parent == SyntaxRule::TypeAtom;  // `<` or `>` of `list<T>`
}

}  // namespace

bool spaceBetween(const TokenPlace& left, const TokenPlace& right) {
  const TokenPlace& a = left;
  const TokenPlace& b = right;
  if (b.kind == Kind::End) return false;
  if (a.kind == Kind::LParen || a.kind == Kind::LBracket) return false;
  if (b.kind == Kind::RParen || b.kind == Kind::RBracket || b.kind == Kind::Comma ||
      b.kind == Kind::Semi) {
    return false;
  }
  if (a.kind == Kind::Dot) return false;
  // A leading dot names the root scope (`.x`) and is spaced like a name; any other is a member.
  if (b.kind == Kind::Dot && !(b.parent == SyntaxRule::Primary && b.firstInParent)) return false;
  if (a.kind == Kind::LBrace) return b.kind != Kind::RBrace && !isTightBrace(a);
  if (b.kind == Kind::RBrace) return !isTightBrace(b);
  if (b.kind == Kind::Question) {
    // `T?`, `.?f`, `[?i]` are tight; `c ? a : b` is spaced; `?f: v` and `[?x]` as other words.
    if (b.parent == SyntaxRule::TypeRef || b.parent == SyntaxRule::MemberSuffix) return false;
  }
  if (a.kind == Kind::Question) return a.parent == SyntaxRule::Expr || a.parent == SyntaxRule::TypeRef;
  if (b.kind == Kind::Colon) return b.parent == SyntaxRule::Expr;
  if (a.kind == Kind::Colon) return a.parent != SyntaxRule::TimeOfDay;
  // A call's or a declaration's `(` follows its name; a parenthesised expression starts its rule.
  if (b.kind == Kind::LParen && !b.firstInParent) return false;
  if (b.kind == Kind::LBracket && b.parent == SyntaxRule::MemberSuffix) return false;
  if (b.kind == Kind::LBrace && b.parent == SyntaxRule::RecordInit) return false;
  if (isUnary(a)) return false;
  if (isTypeBracket(b)) return false;
  if (isTypeBracket(a) && a.text == "<") return false;
  if (b.kind == Kind::Operator && b.parent == SyntaxRule::SplitArm) return false;  // `50%`
  return true;
}

}  // namespace journey::format
