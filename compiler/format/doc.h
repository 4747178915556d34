// The layout document: what to print and where a line may break, before widths are known
// (after Wadler's "prettier printer"). A group is printed on one line when it fits in the width,
// otherwise its line breaks are taken; a hard line always breaks, and so does every group around
// it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace journey::format {

using DocId = uint32_t;

enum class DocKind : uint8_t {
  Text,       // as is; may span lines (a multi-line string or block comment)
  Line,       // a space, or a line break when the enclosing group breaks
  SoftLine,   // nothing, or a line break when the enclosing group breaks
  HardLine,   // always a line break
  BlankLine,  // always a line break after one empty line
  Concat,
  Group,
  Indent,     // line breaks inside start `indent` columns further in
  // Contents and separators in turn: each separator breaks only if the content after it does
  // not fit on the line (as words fill a paragraph).
  Fill,
  Mark,       // prints nothing; the printer reports the line it was reached on
};

struct DocNode {
  DocKind kind = DocKind::Concat;
  // Text: a `//` comment after code on its line. Printers align runs of them and do not count
  // them when measuring whether a group fits (a comment should not reflow the code before it).
  bool trailingComment = false;
  // Whether printing this node takes a line break whatever the width: it holds a hard line or
  // a group forced to break. Such groups are always printed broken.
  bool breaks = false;
  uint32_t indent = 0;       // Indent: columns; Mark: its number
  std::string text;
  std::vector<DocId> parts;  // Concat, Fill: in order; Group and Indent: the one inner document
};

class Docs {
 public:
  DocId text(std::string s);
  DocId trailingComment(std::string s);
  DocId line() { return add(DocKind::Line); }
  DocId softLine() { return add(DocKind::SoftLine); }
  DocId hardLine() { return add(DocKind::HardLine); }
  DocId blankLine() { return add(DocKind::BlankLine); }
  DocId empty();  // one node for every empty document
  DocId concat(std::vector<DocId> parts);
  // `forceBreak`: printed broken even when it would fit (the author's choice of layout).
  DocId group(DocId inner, bool forceBreak = false);
  DocId indent(uint32_t columns, DocId inner);
  // `parts`: content, separator, content, …, content.
  DocId fill(std::vector<DocId> parts);
  DocId mark(uint32_t number);

  const DocNode& operator[](DocId id) const { return nodes_[id]; }

 private:
  static constexpr DocId kNoDoc = UINT32_MAX;
  DocId add(DocKind kind);
  DocId push(DocNode node);
  DocId sequence(DocKind kind, std::vector<DocId> parts);  // Concat or Fill
  std::vector<DocNode> nodes_;
  DocId empty_ = kNoDoc;
};

}  // namespace journey::format
