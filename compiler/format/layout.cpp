#include "compiler/format/layout.h"

namespace journey::format {

using syntax::SyntaxRule;
using syntax::SyntaxTokenKind;

std::vector<uint32_t> Layout::printedTokens(const syntax::SyntaxTree& tree) {
  std::vector<uint32_t> printed;
  for (uint32_t t = 0; t < tree.tokens.size(); ++t) {
    SyntaxTokenKind k = tree.tokens[t].kind;
    if (k != SyntaxTokenKind::Newline && k != SyntaxTokenKind::Semi) printed.push_back(t);
  }
  return printed;
}

Layout::Layout(const syntax::SyntaxTree& tree, std::string_view text, const std::vector<Gap>& gaps,
               Docs& docs)
    : tree_(tree), text_(text), gaps_(gaps), docs_(docs) {
  printedIndex_.assign(tree.tokens.size(), kNone);
  previous_.assign(tree.tokens.size(), kNone);
  uint32_t count = 0;
  uint32_t previous = kNone;
  for (uint32_t t = 0; t < tree.tokens.size(); ++t) {
    previous_[t] = previous;
    SyntaxTokenKind k = tree.tokens[t].kind;
    if (k == SyntaxTokenKind::Newline || k == SyntaxTokenKind::Semi) continue;
    printedIndex_[t] = count++;
    previous = t;
  }

  places_.resize(tree.tokens.size());
  for (const syntax::SyntaxNode& node : tree.nodes) {
    for (size_t i = 0; i < node.children.size(); ++i) {
      const syntax::SyntaxChild& c = node.children[i];
      if (!c.isToken) continue;
      const syntax::SyntaxToken& token = tree.tokens[c.index];
      places_[c.index] = TokenPlace{token.kind, node.rule, i == 0,
                                    text.substr(token.range.begin, token.range.end - token.range.begin)};
    }
  }

  // Children have larger indexes than their parent (the tree is numbered depth first), so one
  // pass from the end sees every child before its parent.
  first_.assign(tree.nodes.size(), kNone);
  last_.assign(tree.nodes.size(), kNone);
  for (size_t n = tree.nodes.size(); n-- > 0;) {
    for (const syntax::SyntaxChild& c : tree.nodes[n].children) {
      uint32_t f = c.isToken ? (printedIndex_[c.index] == kNone ? kNone : c.index) : first_[c.index];
      uint32_t l = c.isToken ? f : last_[c.index];
      if (f == kNone) continue;
      if (first_[n] == kNone) first_[n] = f;
      last_[n] = l;
    }
  }
}

DocId Layout::node(uint32_t n) {
  if (isItemList(at(n).rule)) return itemList(n);
  switch (at(n).rule) {
    case SyntaxRule::Binary:
    case SyntaxRule::Arithmetic:
      return operatorChain(n);
    case SyntaxRule::Expr:
      return conditional(n);
    case SyntaxRule::Operand:
      return memberChain(n);
    default:
      return sequence(n, 0, at(n).children.size());
  }
}

DocId Layout::tokenText(uint32_t token) {
  const SourceRange& r = tree_.tokens[token].range;
  return docs_.text(std::string(text_.substr(r.begin, r.end - r.begin)));
}

Sep Layout::pairSep(uint32_t left, uint32_t right) const {
  if (left == kNone) return Sep::None;
  return spaceBetween(places_[left], places_[right]) ? Sep::Space : Sep::None;
}

DocId Layout::sequence(uint32_t n, size_t from, size_t to) {
  // The pieces: tokens, child rules and bracketed lists, each with its first and last token.
  struct Piece {
    DocId doc;
    uint32_t first;
    uint32_t last;
    bool comma;
  };
  const syntax::SyntaxNode& self = at(n);
  std::vector<Piece> pieces;
  for (size_t i = from; i < to; ++i) {
    const syntax::SyntaxChild& c = self.children[i];
    if (c.isToken) {
      if (isSeparator(c.index)) continue;
      size_t close = matchingBracket(self, i);
      if (close != kNone && close < to) {
        pieces.push_back({bracketed(n, i, close), c.index, self.children[close].index, false});
        i = close;
        continue;
      }
      pieces.push_back({tokenText(c.index), c.index, c.index, kindOf(c.index) == SyntaxTokenKind::Comma});
    } else if (firstToken(c.index) != kNone) {
      pieces.push_back({node(c.index), firstToken(c.index), lastToken(c.index), false});
    }
  }
  if (pieces.empty()) return docs_.empty();

  // Commas at this level (`wait for A as a, B as b within 2d`) may break the line after them:
  // the run from the item before the first comma to the item after the last is one group,
  // continued one level further in.
  size_t runStart = kNone;
  size_t runEnd = kNone;
  for (size_t k = 0; k < pieces.size(); ++k) {
    if (!pieces[k].comma) continue;
    if (runStart == kNone) runStart = k == 0 ? 0 : k - 1;
    runEnd = std::min(k + 1, pieces.size() - 1);
  }

  std::vector<DocId> out{pieces[0].doc};
  std::vector<DocId> run;
  for (size_t k = 1; k < pieces.size(); ++k) {
    bool afterComma = pieces[k - 1].comma && runStart != kNone;
    Sep sep = afterComma ? Sep::Line : pairSep(pieces[k - 1].last, pieces[k].first);
    DocId joined = docs_.concat({gap(pieces[k].first, sep), pieces[k].doc});
    if (runStart != kNone && k > runStart && k <= runEnd) {
      run.push_back(joined);
      if (k == runEnd) {
        DocId head = out.back();
        out.pop_back();
        out.push_back(docs_.group(docs_.concat({head, docs_.indent(kContinuation, docs_.concat(run))})));
      }
    } else {
      out.push_back(joined);
    }
  }
  return docs_.concat(std::move(out));
}

namespace {

bool opensBracket(SyntaxTokenKind k) {
  return k == SyntaxTokenKind::LParen || k == SyntaxTokenKind::LBracket;
}

}  // namespace

size_t Layout::trailingComments(uint32_t token, std::vector<DocId>& out) {
  const std::vector<Comment>& comments = gapBefore(token).comments;
  uint32_t previous = previous_[token];
  size_t i = 0;
  for (; i < comments.size() && comments[i].newlinesBefore == 0; ++i) {
    const Comment& c = comments[i];
    if (c.isLine) {
      out.push_back(docs_.trailingComment(c.text));
    } else {
      bool tight = i == 0 && previous != kNone && opensBracket(kindOf(previous));
      out.push_back(docs_.text(tight ? c.text : " " + c.text));
    }
  }
  return i;
}

DocId Layout::gap(uint32_t token, Sep sep, Blanks blanks) {
  const Gap& g = gapBefore(token);
  const std::vector<Comment>& comments = g.comments;
  bool atFileStart = printedIndex_[token] == 0;
  std::vector<DocId> out;

  size_t i = atFileStart ? 0 : trailingComments(token, out);
  bool lineCommentEnds = i > 0 && comments[i - 1].isLine;
  // A break where the layout has none continues the line one level further in; `else` starts
  // its own line at the level of its `if`.
  const TokenPlace& place = places_[token];
  bool isElse = place.kind == SyntaxTokenKind::Word && place.text == "else";
  bool continued = (sep == Sep::None || sep == Sep::Space) && !isElse;
  auto lineBreak = [&](bool blank) { return blank ? docs_.blankLine() : docs_.hardLine(); };

  if (i == comments.size() && !lineCommentEnds) {
    // No line break needed: the separator itself, after any block comment.
    bool blank = blanks.force || (blanks.keep && !blanks.noneAtStart && !blanks.noneAtEnd &&
                                  g.newlinesAfter >= 2);
    switch (sep) {
      case Sep::None:
        if (i > 0 && !atFileStart) {
          SyntaxTokenKind k = kindOf(token);
          bool closes = k == SyntaxTokenKind::RParen || k == SyntaxTokenKind::RBracket ||
                        k == SyntaxTokenKind::Comma || k == SyntaxTokenKind::End;
          if (!closes) out.push_back(docs_.text(" "));
        }
        break;
      case Sep::Space: out.push_back(docs_.text(" ")); break;
      case Sep::Soft: out.push_back(i > 0 ? docs_.line() : docs_.softLine()); break;  // `(/* c */ x`
      case Sep::Line: out.push_back(docs_.line()); break;
      case Sep::Hard:
        // What an allow comment covers stays on its line: statements joined by `;`, blocks.
        if (g.allowedJoin == Gap::AllowedJoin::Semicolon) {
          out.push_back(docs_.text("; "));
        } else if (g.allowedJoin == Gap::AllowedJoin::Space) {
          out.push_back(docs_.text(" "));
        } else if (!atFileStart) {
          out.push_back(lineBreak(blank));
        }
        break;
    }
    return docs_.concat(std::move(out));
  }

  // The rest of the gap is on lines of its own: its first break, the comments, the last break.
  std::vector<DocId> lines;
  bool blankFirst = blanks.force ||
                    (blanks.keep && !blanks.noneAtStart &&
                     (i < comments.size() ? comments[i].newlinesBefore : g.newlinesAfter) >= 2);
  if (!atFileStart) lines.push_back(lineBreak(blankFirst));
  for (size_t k = i; k < comments.size(); ++k) {
    const Comment& c = comments[k];
    bool last = k + 1 == comments.size();
    uint32_t after = last ? g.newlinesAfter : comments[k + 1].newlinesBefore;
    lines.push_back(docs_.text(c.text));
    if (c.isLine || after > 0) {
      lines.push_back(lineBreak(blanks.keep && after >= 2 && !(last && blanks.noneAtEnd)));
    } else {
      lines.push_back(docs_.text(" "));  // a block comment followed on its line
    }
  }
  DocId rest = docs_.concat(std::move(lines));
  out.push_back(continued ? docs_.indent(kContinuation, rest) : rest);
  return docs_.concat(std::move(out));
}

CloserGap Layout::closerGap(uint32_t token, Sep sep, Blanks blanks) {
  const Gap& g = gapBefore(token);
  if (g.comments.empty()) return {docs_.empty(), gap(token, sep, blanks)};
  const std::vector<Comment>& comments = g.comments;
  bool atFileStart = printedIndex_[token] == 0;
  std::vector<DocId> inside;
  size_t i = atFileStart ? 0 : trailingComments(token, inside);
  bool ownLines = i < comments.size();
  for (size_t k = i; k < comments.size(); ++k) {
    const Comment& c = comments[k];
    bool blank = blanks.keep && c.newlinesBefore >= 2 && !(k == i && blanks.noneAtStart);
    if (!(atFileStart && k == 0)) inside.push_back(blank ? docs_.blankLine() : docs_.hardLine());
    inside.push_back(docs_.text(c.text));
  }
  DocId outside;
  if (ownLines || comments.back().isLine) {
    outside = docs_.hardLine();
  } else {
    // Only block comments, on the line before the bracket: `{ /* none */ }`.
    outside = sep == Sep::Line || sep == Sep::Space ? docs_.line()
                                                   : (sep == Sep::Hard ? docs_.hardLine() : docs_.softLine());
  }
  return {docs_.concat(std::move(inside)), outside};
}

}  // namespace journey::format
