// Lists of items one per line: the file's declarations, and the `{ … }` bodies of journeys,
// actions, blocks, `wait for` handlers and split arms.
#include "compiler/format/layout.h"

namespace journey::format {

using syntax::SyntaxTokenKind;

DocId Layout::file(const std::vector<bool>& spansLines) {
  const syntax::SyntaxNode& root = at(0);
  std::vector<DocId> out;
  size_t declIndex = 0;
  uint32_t end = kNone;
  auto spans = [&](size_t k) { return k < spansLines.size() && spansLines[k]; };
  for (const syntax::SyntaxChild& c : root.children) {
    if (c.isToken) {
      if (kindOf(c.index) == SyntaxTokenKind::End) end = c.index;
      continue;
    }
    if (firstToken(c.index) == kNone) continue;  // a separator
    // A declaration of several lines stands apart; one-line ones keep the author's grouping.
    bool apart = declIndex > 0 && (spans(declIndex - 1) || spans(declIndex));
    out.push_back(gap(firstToken(c.index), Sep::Hard, Blanks{.keep = true, .force = apart}));
    auto mark = static_cast<uint32_t>(2 * declIndex);
    out.push_back(docs_.concat({docs_.mark(mark), node(c.index), docs_.mark(mark + 1)}));
    ++declIndex;
  }
  if (end != kNone) {
    // The comments after the last declaration; the break after them is the file's last newline.
    out.push_back(closerGap(end, Sep::Hard, Blanks{.keep = true, .noneAtEnd = true}).inside);
  }
  return docs_.concat(std::move(out));
}

bool Layout::isItemList(syntax::SyntaxRule rule) {
  switch (rule) {
    case syntax::SyntaxRule::JourneyDecl:
    case syntax::SyntaxRule::ActionDecl:
    case syntax::SyntaxRule::Block:
    case syntax::SyntaxRule::WaitBody:
    case syntax::SyntaxRule::SplitBody:
    case syntax::SyntaxRule::TestDecl:
      return true;
    default:
      return false;
  }
}

bool Layout::holdsItemList(uint32_t n) const {
  std::vector<uint32_t> pending{n};
  while (!pending.empty()) {
    uint32_t next = pending.back();
    pending.pop_back();
    if (next != n && isItemList(at(next).rule)) return true;
    for (const syntax::SyntaxChild& c : at(next).children) {
      if (!c.isToken) pending.push_back(c.index);
    }
  }
  return false;
}

DocId Layout::emptyBody(uint32_t open, uint32_t close) {
  if (gapBefore(close).comments.empty()) return docs_.concat({tokenText(open), tokenText(close)});
  Sep inside = kindOf(open) == SyntaxTokenKind::LBrace ? Sep::Line : Sep::Soft;
  CloserGap inner = closerGap(close, inside, Blanks{.keep = true, .noneAtStart = true, .noneAtEnd = true});
  return docs_.group(docs_.concat(
      {tokenText(open), docs_.indent(kIndent, inner.inside), inner.outside, tokenText(close)}));
}

DocId Layout::itemList(uint32_t n) {
  const syntax::SyntaxNode& self = at(n);
  size_t open = kNone;
  for (size_t i = 0; i < self.children.size(); ++i) {
    const syntax::SyntaxChild& c = self.children[i];
    if (c.isToken && kindOf(c.index) == SyntaxTokenKind::LBrace) {
      open = i;
      break;
    }
  }
  size_t close = self.children.size() - 1;
  if (open == kNone || !self.children[close].isToken) return sequence(n, 0, self.children.size());
  uint32_t openToken = self.children[open].index;
  uint32_t closeToken = self.children[close].index;

  // What comes before the braces: `journey Name`, `action name`.
  std::vector<DocId> out;
  if (open > 0) {
    out.push_back(sequence(n, 0, open));
    out.push_back(gap(openToken, Sep::Space));
  }

  std::vector<uint32_t> items;
  for (size_t i = open + 1; i < close; ++i) {
    const syntax::SyntaxChild& c = self.children[i];
    if (!c.isToken && firstToken(c.index) != kNone) items.push_back(c.index);
  }
  if (items.empty()) {
    out.push_back(emptyBody(openToken, closeToken));
    return docs_.concat(std::move(out));
  }

  std::vector<DocId> body;
  for (size_t k = 0; k < items.size(); ++k) {
    Blanks blanks{.keep = true, .noneAtStart = k == 0};
    body.push_back(gap(firstToken(items[k]), k == 0 ? Sep::Line : Sep::Hard, blanks));
    body.push_back(node(items[k]));
  }
  CloserGap end = closerGap(closeToken, Sep::Line, Blanks{.keep = true, .noneAtEnd = true});
  body.push_back(end.inside);
  // One item written on the line of its braces may stay there (`50% { send email "a" }`), unless
  // it has a body of its own and no allow comment covers the line (the body would leave it).
  const Gap& first = gapBefore(firstToken(items[0]));
  bool writtenOnLines = first.newlines() > 0;
  bool nested = items.size() == 1 && holdsItemList(items[0]) &&
                first.allowedJoin == Gap::AllowedJoin::None;
  out.push_back(docs_.group(
      docs_.concat({tokenText(openToken), docs_.indent(kIndent, docs_.concat(std::move(body))),
                    end.outside, tokenText(closeToken)}),
      writtenOnLines || nested));
  return docs_.concat(std::move(out));
}

}  // namespace journey::format
