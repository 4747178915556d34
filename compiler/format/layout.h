// The parse tree -> the layout document. Every token of the file is printed once, in order; what
// the layout decides is only the white space between tokens: where lines break, how far they
// are indented and where blank lines and comments go. Each grammar rule that needs more than
// tokens separated by single spaces (the default) has its layout here (docs/fmt.md):
//
//   layout.cpp            dispatch, the default layout, gaps and their comments
//   layout_lists.cpp      the file's declarations and `{ … }` bodies of items one per line
//   layout_brackets.cpp   bracketed lists: arguments, lists, maps, records, fields
//   layout_operators.cpp  operator chains and conditionals
//   layout_members.cpp    member chains of calls
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "compiler/format/doc.h"
#include "compiler/format/gaps.h"
#include "compiler/format/spacing.h"
#include "compiler/syntax/syntax_tree.h"

namespace journey::format {

// Columns of one indentation level (block bodies, bracketed lists) and of a continuation line
// (the rest of an expression broken at an operator).
inline constexpr uint32_t kIndent = 2;
inline constexpr uint32_t kContinuation = 4;

// What separates two tokens when no comment intervenes.
enum class Sep : uint8_t {
  None,   // nothing
  Space,  // one space
  Soft,   // nothing, or a line break when the group breaks
  Line,   // a space, or a line break when the group breaks
  Hard,   // a line break
};
// Which blank lines of the source a gap keeps (at most one in a row).
struct Blanks {
  bool keep = false;         // the author's blank lines between items and comments
  bool noneAtStart = false;  // but none right after an opening brace
  bool noneAtEnd = false;    // and none right before a closing one
  bool force = false;        // one at the gap's first line break whatever the source
};
// A gap before a closing bracket: the comments stay inside the body, the break goes outside.
struct CloserGap {
  DocId inside;
  DocId outside;
};

class Layout {
 public:
  // `gaps` holds the gap before each printed token (printedTokens(tree), in order).
  Layout(const syntax::SyntaxTree& tree, std::string_view text, const std::vector<Gap>& gaps,
         Docs& docs);

  // The whole file. A declaration that spans several lines stands apart from its neighbours,
  // which needs to know how each is printed: `spansLines[k]` says it of the k-th declaration
  // (missing: no). Marks 2k and 2k+1 are placed at the start and the end of the k-th.
  DocId file(const std::vector<bool>& spansLines);

  // The tokens a layout prints: all but the separators (newlines and `;`), which it replaces.
  static std::vector<uint32_t> printedTokens(const syntax::SyntaxTree& tree);

 private:
  static constexpr uint32_t kNone = UINT32_MAX;

  // --- layout.cpp
  DocId node(uint32_t n);
  // Children [from, to) of node `n` with the default layout; the gap before the first child is
  // the caller's.
  DocId sequence(uint32_t n, size_t from, size_t to);
  DocId tokenText(uint32_t token);
  DocId gap(uint32_t token, Sep sep, Blanks blanks = {});
  // The comments of the gap before `token` that stay on the previous token's line, appended to
  // `out`; returns how many there are.
  size_t trailingComments(uint32_t token, std::vector<DocId>& out);
  CloserGap closerGap(uint32_t token, Sep sep, Blanks blanks = {});
  Sep pairSep(uint32_t left, uint32_t right) const;
  uint32_t firstToken(uint32_t n) const { return first_[n]; }
  uint32_t lastToken(uint32_t n) const { return last_[n]; }
  const Gap& gapBefore(uint32_t token) const { return gaps_[printedIndex_[token]]; }
  const syntax::SyntaxNode& at(uint32_t n) const { return tree_.nodes[n]; }
  syntax::SyntaxTokenKind kindOf(uint32_t token) const { return tree_.tokens[token].kind; }
  bool isSeparator(uint32_t token) const { return printedIndex_[token] == kNone; }

  // --- layout_lists.cpp
  // Rules whose `{ … }` holds items one a line: journeys, actions, blocks, handlers, split arms.
  static bool isItemList(syntax::SyntaxRule rule);
  DocId itemList(uint32_t n);
  bool holdsItemList(uint32_t n) const;
  DocId emptyBody(uint32_t open, uint32_t close);

  // --- layout_brackets.cpp
  // Children `open` and `close` of node `n` are a bracket pair.
  DocId bracketed(uint32_t n, size_t open, size_t close);
  // The index of the child that closes the bracket at child `open`, or kNone.
  size_t matchingBracket(const syntax::SyntaxNode& node, size_t open) const;

  // --- layout_operators.cpp
  DocId operatorChain(uint32_t n);
  DocId chainPart(const std::vector<uint32_t>& operands, const std::vector<uint32_t>& operators,
                  size_t lo, size_t hi);
  DocId conditional(uint32_t n);

  // --- layout_members.cpp
  bool isPlainCall(const syntax::SyntaxChild& c) const;
  DocId memberChain(uint32_t n);

  const syntax::SyntaxTree& tree_;
  std::string_view text_;
  const std::vector<Gap>& gaps_;
  Docs& docs_;
  std::vector<uint32_t> printedIndex_;  // tree token -> index in the printed tokens, or kNone
  std::vector<TokenPlace> places_;      // per tree token
  std::vector<uint32_t> first_, last_;  // per node: its first and last printed token, or kNone
  std::vector<uint32_t> previous_;      // per tree token: the printed token before it, or kNone
};

}  // namespace journey::format
