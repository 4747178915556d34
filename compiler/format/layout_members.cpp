// Member chains (`xs.filter(…).map(…).exists(…)`). A chain of two calls or more that does not
// fit breaks after the `.` of a call, as few times as it must, filling each line: a newline
// after `.` continues the expression, where one before it would end the statement. Its
// continuation lines are indented once more.
#include "compiler/format/layout.h"

namespace journey::format {

using syntax::SyntaxRule;
using syntax::SyntaxTokenKind;

// `.f(…)`, not `.?f(…)`, `.f` or `[i]`.
bool Layout::isPlainCall(const syntax::SyntaxChild& c) const {
  if (c.isToken || at(c.index).rule != SyntaxRule::MemberSuffix) return false;
  const std::vector<syntax::SyntaxChild>& parts = at(c.index).children;
  if (parts.size() < 2 || !parts[0].isToken || kindOf(parts[0].index) != SyntaxTokenKind::Dot) {
    return false;
  }
  if (parts[1].isToken && kindOf(parts[1].index) == SyntaxTokenKind::Question) return false;
  for (const syntax::SyntaxChild& p : parts) {
    if (p.isToken && kindOf(p.index) == SyntaxTokenKind::LParen) return true;
  }
  return false;
}

DocId Layout::memberChain(uint32_t n) {
  const syntax::SyntaxNode& self = at(n);
  std::vector<size_t> calls;
  for (size_t i = 0; i < self.children.size(); ++i) {
    if (isPlainCall(self.children[i])) calls.push_back(i);
  }
  if (calls.size() < 2) return sequence(n, 0, self.children.size());

  // Fill: the head, then per call its `.` ending the line when it breaks, and the call with
  // what follows it up to the next call (`.name`, `[i]`).
  std::vector<DocId> parts{sequence(n, 0, calls[0])};
  for (size_t k = 0; k < calls.size(); ++k) {
    uint32_t suffix = self.children[calls[k]].index;
    const std::vector<syntax::SyntaxChild>& tokens = at(suffix).children;
    uint32_t dot = tokens[0].index;
    uint32_t name = tokens[1].isToken ? tokens[1].index : firstToken(tokens[1].index);
    parts.push_back(docs_.concat({gap(dot, Sep::None), tokenText(dot),
                                  docs_.indent(kContinuation, gap(name, Sep::Soft))}));
    std::vector<DocId> call{sequence(suffix, 1, tokens.size())};
    size_t next = k + 1 < calls.size() ? calls[k + 1] : self.children.size();
    if (calls[k] + 1 < next) {
      const syntax::SyntaxChild& after = self.children[calls[k] + 1];
      uint32_t first = after.isToken ? after.index : firstToken(after.index);
      call.push_back(gap(first, pairSep(lastToken(suffix), first)));
      call.push_back(sequence(n, calls[k] + 1, next));
    }
    parts.push_back(docs_.indent(kContinuation, docs_.concat(std::move(call))));
  }
  return docs_.group(docs_.fill(std::move(parts)));
}

}  // namespace journey::format
