#include "compiler/format/doc.h"

#include <utility>

namespace journey::format {

DocId Docs::push(DocNode node) {
  nodes_.push_back(std::move(node));
  return static_cast<DocId>(nodes_.size() - 1);
}

DocId Docs::add(DocKind kind) {
  DocNode node;
  node.kind = kind;
  node.breaks = kind == DocKind::HardLine || kind == DocKind::BlankLine;
  return push(std::move(node));
}

DocId Docs::text(std::string s) {
  DocNode node;
  node.kind = DocKind::Text;
  node.text = std::move(s);
  return push(std::move(node));
}

DocId Docs::trailingComment(std::string s) {
  DocId id = text(std::move(s));
  nodes_[id].trailingComment = true;
  return id;
}

DocId Docs::sequence(DocKind kind, std::vector<DocId> parts) {
  DocNode node;
  node.kind = kind;
  for (DocId p : parts) node.breaks = node.breaks || nodes_[p].breaks;
  node.parts = std::move(parts);
  return push(std::move(node));
}

DocId Docs::concat(std::vector<DocId> parts) {
  // A concatenation of one document is that document: layouts make many (a gap of one space),
  // and a node is 64 bytes of the formatter's memory.
  if (parts.size() == 1) return parts[0];
  return sequence(DocKind::Concat, std::move(parts));
}

DocId Docs::empty() {
  if (empty_ == kNoDoc) empty_ = sequence(DocKind::Concat, {});
  return empty_;
}

DocId Docs::fill(std::vector<DocId> parts) { return sequence(DocKind::Fill, std::move(parts)); }

DocId Docs::mark(uint32_t number) {
  DocId id = add(DocKind::Mark);
  nodes_[id].indent = number;
  return id;
}

DocId Docs::group(DocId inner, bool forceBreak) {
  DocNode node;
  node.kind = DocKind::Group;
  node.breaks = forceBreak || nodes_[inner].breaks;
  node.parts = {inner};
  return push(std::move(node));
}

DocId Docs::indent(uint32_t columns, DocId inner) {
  DocNode node;
  node.kind = DocKind::Indent;
  node.indent = columns;
  node.breaks = nodes_[inner].breaks;
  node.parts = {inner};
  return push(std::move(node));
}

}  // namespace journey::format
