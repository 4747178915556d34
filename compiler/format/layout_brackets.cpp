// Bracketed lists: call arguments and parameters, list, map and record literals, declaration
// bodies and payloads. Flat when they fit, otherwise one item per line, one level further in.
#include "compiler/format/layout.h"

namespace journey::format {

using syntax::SyntaxRule;
using syntax::SyntaxTokenKind;

namespace {

bool isOpener(SyntaxTokenKind k) {
  return k == SyntaxTokenKind::LParen || k == SyntaxTokenKind::LBracket || k == SyntaxTokenKind::LBrace;
}

bool isCloser(SyntaxTokenKind k) {
  return k == SyntaxTokenKind::RParen || k == SyntaxTokenKind::RBracket || k == SyntaxTokenKind::RBrace;
}

// Rules that only hold the items of a bracketed list and their separators.
bool isItemContainer(SyntaxRule r) {
  return r == SyntaxRule::FieldDecls || r == SyntaxRule::FieldInits || r == SyntaxRule::ExprList ||
         r == SyntaxRule::ListElems || r == SyntaxRule::MapEntries;
}

// Rules whose bracketed items are a list even when there is a single one.
bool isListItem(SyntaxRule r) { return r == SyntaxRule::FieldInit || r == SyntaxRule::Param; }

}  // namespace

size_t Layout::matchingBracket(const syntax::SyntaxNode& node, size_t open) const {
  const syntax::SyntaxChild& c = node.children[open];
  if (!c.isToken || !isOpener(kindOf(c.index))) return kNone;
  int depth = 0;
  for (size_t i = open; i < node.children.size(); ++i) {
    const syntax::SyntaxChild& d = node.children[i];
    if (!d.isToken) continue;
    if (isOpener(kindOf(d.index))) ++depth;
    if (isCloser(kindOf(d.index)) && --depth == 0) return i;
  }
  return kNone;
}

DocId Layout::bracketed(uint32_t n, size_t open, size_t close) {
  const syntax::SyntaxNode& self = at(n);
  uint32_t openToken = self.children[open].index;
  uint32_t closeToken = self.children[close].index;

  // The items, each with the commas after it and whether a newline or `;` separated it from
  // the next (fields need no comma).
  struct Item {
    uint32_t node;
    std::vector<uint32_t> commas;
    bool separatedByLine = false;
  };
  std::vector<Item> items;
  bool list = false;
  auto see = [&](const syntax::SyntaxChild& c, auto& self_) -> void {
    if (c.isToken) {
      if (kindOf(c.index) == SyntaxTokenKind::Comma) {
        list = true;
        if (!items.empty()) items.back().commas.push_back(c.index);
      } else if (isSeparator(c.index)) {
        if (!items.empty()) items.back().separatedByLine = true;
      }
      return;
    }
    SyntaxRule rule = at(c.index).rule;
    if (isItemContainer(rule) || rule == SyntaxRule::FieldSep) {
      list = list || isItemContainer(rule);
      for (const syntax::SyntaxChild& d : at(c.index).children) self_(d, self_);
      return;
    }
    list = list || isListItem(rule);
    items.push_back(Item{c.index, {}, false});
  };
  for (size_t i = open + 1; i < close; ++i) see(self.children[i], see);

  if (open + 1 == close) return emptyBody(openToken, closeToken);
  if (!list) {
    // `(a + b)`, `m[k]`: the brackets hug their expression, which breaks on its own.
    const syntax::SyntaxChild& first = self.children[open + 1];
    uint32_t firstInside = first.isToken ? first.index : firstToken(first.index);
    return docs_.concat({tokenText(openToken), gap(firstInside, Sep::None), sequence(n, open + 1, close),
                         gap(closeToken, Sep::None), tokenText(closeToken)});
  }

  bool brace = kindOf(openToken) == SyntaxTokenKind::LBrace;
  Sep inner = brace && spaceBetween(places_[openToken], places_[firstToken(items[0].node)]) ? Sep::Line
                                                                                         : Sep::Soft;
  // Braces keep the author's choice of several lines, and lines without commas need them.
  bool breaks = brace && gapBefore(firstToken(items[0].node)).newlines() > 0;
  std::vector<DocId> body;
  for (size_t k = 0; k < items.size(); ++k) {
    const Item& item = items[k];
    Blanks blanks{.keep = brace, .noneAtStart = k == 0};
    body.push_back(gap(firstToken(item.node), k == 0 ? inner : Sep::Line, blanks));
    body.push_back(node(item.node));
    for (uint32_t comma : item.commas) {
      body.push_back(gap(comma, Sep::None));
      body.push_back(tokenText(comma));
    }
    if (k + 1 < items.size() && item.commas.empty() &&
        (item.separatedByLine || gapBefore(firstToken(items[k + 1].node)).newlines() > 0)) {
      breaks = true;
    }
  }
  CloserGap end = closerGap(closeToken, inner, Blanks{.keep = brace, .noneAtEnd = true});
  body.push_back(end.inside);
  return docs_.group(docs_.concat({tokenText(openToken), docs_.indent(kIndent, docs_.concat(std::move(body))),
                                   end.outside, tokenText(closeToken)}),
                     breaks);
}

}  // namespace journey::format
