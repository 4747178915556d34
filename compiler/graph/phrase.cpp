#include "compiler/graph/phrase.h"

#include "vm/value/value_convert.h"

namespace journey::graph {

void Phrase::space() {
  if (text_.empty()) return;
  breaks_.push_back(text_.size());
  text_ += ' ';
}

Phrase& Phrase::add(std::string_view word) {
  if (word.empty()) return *this;
  space();
  text_ += word;
  return *this;
}

Phrase& Phrase::add(const syntax::CompactSource& source) {
  if (source.text.empty()) return *this;
  space();
  size_t base = text_.size();
  for (size_t gap : source.gaps) breaks_.push_back(base + gap);
  text_ += source.text;
  return *this;
}

// A break after `&&`, `||` or `,`, or before `when`: where a reader expects a condition or a list
// to go on.
bool Phrase::natural(size_t b) const {
  std::string_view before = std::string_view(text_).substr(0, b);
  std::string_view after = std::string_view(text_).substr(b + 1);
  return before.ends_with("&&") || before.ends_with("||") || before.ends_with(",") ||
         after.starts_with("when ");
}

Label Phrase::wrap(size_t width) const {
  Label lines;
  size_t start = 0;
  while (text_.size() - start > width) {
    // The last natural break that keeps the line within `width` and is not too near its start,
    // else the last break that does, else the first one past it.
    size_t cut = std::string::npos, naturalCut = std::string::npos;
    for (size_t b : breaks_) {
      if (b < start) continue;
      if (b - start > width) {
        if (cut == std::string::npos) cut = b;
        break;
      }
      cut = b;
      if (b - start >= width / 3 && natural(b)) naturalCut = b;
    }
    if (cut == std::string::npos) break;  // no break left: the rest is one line
    if (naturalCut != std::string::npos) cut = naturalCut;
    lines.push_back(text_.substr(start, cut - start));
    start = cut + 1;
  }
  lines.push_back(text_.substr(start));
  if (lines.size() > kMostLabelLines) {
    lines.resize(kMostLabelLines);
    lines.back() = "…";
  }
  for (std::string& line : lines) {
    if (line.size() <= kLongestLabelLine) continue;
    line = line.substr(0, utf8CharStart(line, kLongestLabelLine)) + "…";
  }
  return lines;
}

void appendLines(Label& label, const Phrase& phrase) {
  for (std::string& line : phrase.wrap()) label.push_back(std::move(line));
}

}  // namespace journey::graph
