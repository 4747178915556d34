#include "compiler/format/doc_printer.h"

#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <string_view>
#include <vector>

#include "compiler/source/source_manager.h"

namespace journey::format {

namespace {

enum class Mode : uint8_t { Flat, Broken };

struct Command {
  DocId doc;
  uint32_t indent;
  Mode mode;
  size_t fillNext = 0;  // Fill: the index of the separator to decide next (0: print the first content)
};

// One output line: its text, and where a trailing `//` comment starts in it (npos: none).
struct OutputLine {
  std::string text;
  size_t commentAt = std::string::npos;
};

// Width in columns of text that holds no line break.
int64_t columns(std::string_view s) { return codePointCount(s); }

class Printer {
 public:
  Printer(const Docs& docs, uint32_t width, std::vector<uint32_t>* markLines)
      : docs_(docs), width_(width), markLines_(markLines) {
    lines_.emplace_back();
  }

  std::string run(DocId root) {
    std::vector<Command> commands{{root, 0, Mode::Broken}};
    while (!commands.empty()) {
      Command c = commands.back();
      commands.pop_back();
      const DocNode& node = docs_[c.doc];
      switch (node.kind) {
        case DocKind::Text:
          if (node.trailingComment) {
            writeTrailingComment(node.text);
          } else {
            write(node.text);
          }
          break;
        case DocKind::Line:
        case DocKind::SoftLine:
          if (c.mode == Mode::Flat) {
            if (node.kind == DocKind::Line) write(" ");
          } else {
            newline(c.indent);
          }
          break;
        case DocKind::HardLine:
          newline(c.indent);
          break;
        case DocKind::BlankLine:
          newline(0);
          newline(c.indent);
          break;
        case DocKind::Concat:
          for (auto it = node.parts.rbegin(); it != node.parts.rend(); ++it) {
            commands.push_back({*it, c.indent, c.mode});
          }
          break;
        case DocKind::Fill:
          fill(c, commands);
          break;
        case DocKind::Mark:
          if (markLines_ != nullptr) {
            if (markLines_->size() <= node.indent) markLines_->resize(node.indent + 1, 0);
            (*markLines_)[node.indent] = static_cast<uint32_t>(lines_.size() - 1);
          }
          break;
        case DocKind::Indent:
          commands.push_back({node.parts[0], c.indent + node.indent, c.mode});
          break;
        case DocKind::Group: {
          Mode mode = Mode::Broken;
          if (!node.breaks &&
              (c.mode == Mode::Flat || fits({node.parts[0]}, commands, width_ - column_))) {
            mode = Mode::Flat;
          }
          commands.push_back({node.parts[0], c.indent, mode});
          break;
        }
      }
    }
    return finish();
  }

 private:
  // Whether `next`, printed flat, and what follows it up to the next possible line break fit in
  // `remaining` columns. With `mustBeFlat`, `next` does not fit when it holds a break it must take.
  bool fits(std::initializer_list<DocId> next, const std::vector<Command>& rest, int64_t remaining,
            bool mustBeFlat = false) const {
    struct Item {
      DocId doc;
      Mode mode;
      bool fromNext;
    };
    std::vector<Item> stack;
    for (auto it = std::rbegin(next); it != std::rend(next); ++it) stack.push_back({*it, Mode::Flat, true});
    size_t restIndex = rest.size();
    while (remaining >= 0) {
      if (stack.empty()) {
        if (restIndex == 0) return true;
        const Command& r = rest[--restIndex];
        const DocNode& node = docs_[r.doc];
        if (node.kind == DocKind::Fill && r.fillNext > 0) {
          // A fill under way: only its parts from the next separator on are still to print.
          for (size_t k = node.parts.size(); k-- > r.fillNext;) stack.push_back({node.parts[k], r.mode, false});
        } else {
          stack.push_back({r.doc, r.mode, false});
        }
        continue;
      }
      Item item = stack.back();
      stack.pop_back();
      const DocNode& node = docs_[item.doc];
      Mode mode = item.mode;
      if (mustBeFlat && item.fromNext && node.breaks) return false;
      switch (node.kind) {
        case DocKind::Text: {
          if (node.trailingComment) break;
          size_t nl = node.text.find('\n');
          remaining -= columns(std::string_view(node.text).substr(0, nl));
          if (nl != std::string::npos) return remaining >= 0;
          break;
        }
        case DocKind::Line:
        case DocKind::SoftLine:
          if (mode == Mode::Broken) return true;
          if (node.kind == DocKind::Line) remaining -= 1;
          break;
        case DocKind::HardLine:
        case DocKind::BlankLine:
          return true;
        case DocKind::Concat:
        case DocKind::Fill:
          for (auto it = node.parts.rbegin(); it != node.parts.rend(); ++it) {
            stack.push_back({*it, mode, item.fromNext});
          }
          break;
        case DocKind::Indent:
          stack.push_back({node.parts[0], mode, item.fromNext});
          break;
        case DocKind::Group:
          stack.push_back({node.parts[0], node.breaks ? Mode::Broken : mode, item.fromNext});
          break;
        case DocKind::Mark:
          break;
      }
    }
    return false;
  }

  // One step of a fill: its first content, or a separator and the content after it, the
  // separator broken only when that content does not fit on the line.
  void fill(const Command& c, std::vector<Command>& commands) const {
    const std::vector<DocId>& parts = docs_[c.doc].parts;
    if (c.mode == Mode::Flat) {
      for (auto it = parts.rbegin(); it != parts.rend(); ++it) commands.push_back({*it, c.indent, c.mode});
      return;
    }
    if (c.fillNext == 0) {
      if (parts.empty()) return;
      commands.push_back({c.doc, c.indent, c.mode, 1});
      commands.push_back({parts[0], c.indent, c.mode});
      return;
    }
    size_t separator = c.fillNext;
    if (separator + 1 >= parts.size()) return;
    bool last = separator + 2 >= parts.size();
    // The last content is measured with what follows the fill (`{` after a condition).
    static const std::vector<Command> kNothing;
    // A content that must break anyway goes to a line of its own, as one too long would: so the
    // layout is the same whether it breaks for its width or for its author (a second run).
    bool flat = fits({parts[separator], parts[separator + 1]}, last ? commands : kNothing,
                     width_ - column_, true);
    commands.push_back({c.doc, c.indent, c.mode, separator + 2});
    commands.push_back({parts[separator + 1], c.indent, c.mode});
    commands.push_back({parts[separator], c.indent, flat ? Mode::Flat : Mode::Broken});
  }

  void write(std::string_view s) {
    size_t start = 0;
    while (true) {
      size_t nl = s.find('\n', start);
      std::string_view piece = s.substr(start, nl == std::string_view::npos ? nl : nl - start);
      lines_.back().text += piece;
      column_ += columns(piece);
      if (nl == std::string_view::npos) break;
      // A line break inside a token (a multi-line string or comment) is printed as written.
      lines_.emplace_back();
      column_ = 0;
      start = nl + 1;
    }
  }

  void writeTrailingComment(std::string_view comment) {
    trimEnd(lines_.back().text);
    lines_.back().commentAt = lines_.back().text.size();
    write(" ");
    write(comment);
  }

  void newline(uint32_t indent) {
    trimEnd(lines_.back().text);
    lines_.emplace_back();
    lines_.back().text.assign(indent, ' ');
    column_ = indent;
  }

  static void trimEnd(std::string& s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
  }

  static size_t indentationOf(const std::string& s) { return s.find_first_not_of(' '); }

  // Aligns the trailing comments of each run of consecutive lines that have one and the same
  // indentation; a line that would be pushed past the width by the alignment starts a new run.
  std::string finish() {
    trimEnd(lines_.back().text);
    auto codeWidth = [&](const OutputLine& l) { return columns(std::string_view(l.text).substr(0, l.commentAt)); };
    auto commentWidth = [&](const OutputLine& l) { return columns(std::string_view(l.text).substr(l.commentAt)); };
    for (size_t i = 0; i < lines_.size();) {
      if (lines_[i].commentAt == std::string::npos) {
        ++i;
        continue;
      }
      size_t end = i + 1;
      int64_t widestCode = codeWidth(lines_[i]);
      int64_t widestComment = commentWidth(lines_[i]);
      while (end < lines_.size() && lines_[end].commentAt != std::string::npos &&
             indentationOf(lines_[end].text) == indentationOf(lines_[i].text)) {
        int64_t code = std::max(widestCode, codeWidth(lines_[end]));
        int64_t comment = std::max(widestComment, commentWidth(lines_[end]));
        if (code + comment > width_) break;
        widestCode = code;
        widestComment = comment;
        ++end;
      }
      for (size_t k = i; k < end; ++k) {
        OutputLine& line = lines_[k];
        line.text.insert(line.commentAt, static_cast<size_t>(widestCode - codeWidth(line)), ' ');
      }
      i = end;
    }
    std::string out;
    for (const OutputLine& line : lines_) {
      out += line.text;
      out += '\n';
    }
    return out;
  }

  const Docs& docs_;
  int64_t width_;
  int64_t column_ = 0;
  std::vector<OutputLine> lines_;
  std::vector<uint32_t>* markLines_;
};

}  // namespace

std::string printDoc(const Docs& docs, DocId root, uint32_t width, std::vector<uint32_t>* markLines) {
  return Printer(docs, width, markLines).run(root);
}

}  // namespace journey::format
