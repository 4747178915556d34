// Operator chains (`a && b || c`) and conditionals (`c ? a : b`). A chain breaks first at its
// loosest operators, after the operator (a newline before one would end the statement), as few
// times as it must, and its continuation lines are indented once more; tighter sub-chains break
// only if still too long.
#include "compiler/format/layout.h"

namespace journey::format {

using syntax::SyntaxTokenKind;

namespace {

// CEL's binary precedence, higher binds tighter.
int bindingStrength(std::string_view op) {
  if (op == "||") return 1;
  if (op == "&&") return 2;
  if (op == "+" || op == "-") return 4;
  if (op == "*" || op == "/" || op == "%") return 5;
  return 3;  // relations and `in`
}

}  // namespace

DocId Layout::operatorChain(uint32_t n) {
  std::vector<uint32_t> operands;
  std::vector<uint32_t> operators;
  for (const syntax::SyntaxChild& c : at(n).children) {
    (c.isToken ? operators : operands).push_back(c.index);
  }
  if (operands.size() != operators.size() + 1) return sequence(n, 0, at(n).children.size());
  return chainPart(operands, operators, 0, operands.size() - 1);
}

// Operands lo..hi (inclusive) and the operators between them.
DocId Layout::chainPart(const std::vector<uint32_t>& operands, const std::vector<uint32_t>& operators,
                        size_t lo, size_t hi) {
  if (lo == hi) return node(operands[lo]);
  auto strength = [&](size_t op) { return bindingStrength(places_[operators[op]].text); };
  int loosest = strength(lo);
  for (size_t op = lo; op < hi; ++op) loosest = std::min(loosest, strength(op));

  // Split at every operator of the loosest strength; each segment is a tighter chain. The
  // segments fill lines: each goes on a continuation line only when it does not fit.
  std::vector<DocId> parts;
  size_t segmentStart = lo;
  for (size_t op = lo; op <= hi; ++op) {
    if (op < hi && strength(op) != loosest) continue;
    std::vector<DocId> content{chainPart(operands, operators, segmentStart, op)};
    if (op < hi) {
      content.push_back(gap(operators[op], Sep::Space));
      content.push_back(tokenText(operators[op]));
    }
    if (parts.empty()) {
      parts.push_back(docs_.concat(std::move(content)));
    } else {
      parts.push_back(docs_.indent(kContinuation, gap(firstToken(operands[segmentStart]), Sep::Line)));
      parts.push_back(docs_.indent(kContinuation, docs_.concat(std::move(content))));
    }
    segmentStart = op + 1;
  }
  return docs_.group(docs_.fill(std::move(parts)));
}

DocId Layout::conditional(uint32_t n) {
  const syntax::SyntaxNode& self = at(n);
  if (self.children.size() != 5) return sequence(n, 0, self.children.size());
  // cond `?` then `:` otherwise
  uint32_t cond = self.children[0].index;
  uint32_t question = self.children[1].index;
  uint32_t then = self.children[2].index;
  uint32_t colon = self.children[3].index;
  uint32_t otherwise = self.children[4].index;
  DocId rest = docs_.concat({gap(question, Sep::Space), tokenText(question),
                             gap(firstToken(then), Sep::Line), node(then),
                             gap(colon, Sep::Space), tokenText(colon),
                             gap(firstToken(otherwise), Sep::Line), node(otherwise)});
  return docs_.group(docs_.concat({node(cond), docs_.indent(kContinuation, rest)}));
}

}  // namespace journey::format
