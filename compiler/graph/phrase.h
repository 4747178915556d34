// The text of a diagram label put together from keywords and the author's source, with the
// places where a line may break, so long conditions wrap without cutting a token in two.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/syntax/compact_source.h"

namespace journey::graph {

// The lines of a node's or an edge's label.
using Label = std::vector<std::string>;

// Lines are wrapped at this many bytes where they can be: wide enough for most conditions on two
// lines, narrow enough that a diagram of a dozen steps fits a screen.
inline constexpr size_t kLabelWidth = 48;
// A label stays readable, and within what Graphviz reads (a quoted string of at most 16,384
// bytes): a token longer than this many bytes is cut with `…`, and a phrase's lines after
// this many are one `…` line.
inline constexpr size_t kLongestLabelLine = 160;
inline constexpr size_t kMostLabelLines = 24;

class Phrase {
 public:
  Phrase() = default;
  explicit Phrase(std::string_view word) { add(word); }

  // A word, after a space where the line may break (no space at the start).
  Phrase& add(std::string_view word);
  // The author's source text, after a space; it may break at its own gaps between tokens too.
  Phrase& add(const syntax::CompactSource& source);

  const std::string& text() const { return text_; }
  // Greedy: each line takes as many pieces as fit in `width`, ending where a condition or list
  // naturally goes on when it can; a piece longer than that has a line of its own. Cut to
  // kLongestLabelLine and kMostLabelLines.
  Label wrap(size_t width = kLabelWidth) const;

 private:
  void space();
  bool natural(size_t breakAt) const;

  std::string text_;
  std::vector<size_t> breaks_;  // offsets of the spaces where a line may break
};

// Appends each phrase's wrapped lines to `label`.
void appendLines(Label& label, const Phrase& phrase);

}  // namespace journey::graph
