#include "compiler/format/verify.h"

#include <vector>

#include "compiler/format/gaps.h"
#include "compiler/format/layout.h"
#include "compiler/syntax/parser.h"

namespace journey::format {

using syntax::SyntaxRule;
using syntax::SyntaxTokenKind;

namespace {

// One step of a walk through the tree: entering a rule, leaving it, or a token.
struct Step {
  enum class Kind : uint8_t { Enter, Leave, Token } kind = Kind::Token;
  SyntaxRule rule = SyntaxRule::Other;
  SyntaxTokenKind token = SyntaxTokenKind::Word;
  std::string_view text;
  uint32_t offset = 0;  // where in the text, for the message

  bool operator==(const Step& o) const {
    return kind == o.kind && rule == o.rule && token == o.token && text == o.text;
  }
};

Step boundary(Step::Kind kind, SyntaxRule rule) {
  Step s;
  s.kind = kind;
  s.rule = rule;
  return s;
}

bool isSeparatorRule(SyntaxRule r) { return r == SyntaxRule::Sep || r == SyntaxRule::FieldSep; }
bool isSeparatorToken(SyntaxTokenKind k) { return k == SyntaxTokenKind::Newline || k == SyntaxTokenKind::Semi; }

// The tree in order, without statement separators (they are the layout's to choose).
std::vector<Step> walk(const syntax::SyntaxTree& tree, std::string_view text) {
  std::vector<Step> steps;
  struct Frame {
    uint32_t node;
    size_t next;
  };
  std::vector<Frame> stack{{0, 0}};
  if (!isSeparatorRule(tree.nodes[0].rule)) steps.push_back(boundary(Step::Kind::Enter, tree.nodes[0].rule));
  while (!stack.empty()) {
    Frame& top = stack.back();
    const syntax::SyntaxNode& node = tree.nodes[top.node];
    if (top.next == node.children.size()) {
      if (!isSeparatorRule(node.rule)) steps.push_back(boundary(Step::Kind::Leave, node.rule));
      stack.pop_back();
      continue;
    }
    syntax::SyntaxChild c = node.children[top.next++];
    if (c.isToken) {
      const syntax::SyntaxToken& t = tree.tokens[c.index];
      if (isSeparatorToken(t.kind)) continue;
      Step s;
      s.rule = node.rule;
      s.token = t.kind;
      s.text = text.substr(t.range.begin, t.range.end - t.range.begin);
      s.offset = t.range.begin;
      steps.push_back(s);
    } else {
      SyntaxRule rule = tree.nodes[c.index].rule;
      if (!isSeparatorRule(rule)) steps.push_back(boundary(Step::Kind::Enter, rule));
      stack.push_back({c.index, 0});
    }
  }
  return steps;
}

std::optional<std::vector<Comment>> commentsOf(const syntax::SyntaxTree& tree, std::string_view text,
                                               std::string& problem) {
  std::vector<SourceRange> ranges;
  for (uint32_t t : Layout::printedTokens(tree)) ranges.push_back(tree.tokens[t].range);
  std::optional<std::vector<Gap>> gaps = scanGaps(text, ranges, problem);
  if (!gaps) return std::nullopt;
  std::vector<Comment> comments;
  for (const Gap& g : *gaps) comments.insert(comments.end(), g.comments.begin(), g.comments.end());
  return comments;
}

std::string describe(const Step& s) {
  switch (s.kind) {
    case Step::Kind::Token: return "`" + std::string(s.text) + "`";
    case Step::Kind::Enter: return "the start of a " + std::string(syntax::syntaxRuleName(s.rule));
    case Step::Kind::Leave: return "the end of a " + std::string(syntax::syntaxRuleName(s.rule));
  }
  return "?";
}

}  // namespace

std::optional<std::string> findChange(std::string_view original, std::string_view formatted) {
  SourceManager sources;
  FileId file = sources.add("original", std::string(original));
  DiagnosticSink diags;
  std::optional<syntax::SyntaxTree> tree = syntax::parseSyntaxTree(file, sources, diags);
  if (!tree) return "the original does not parse";
  return findChange(*tree, original, formatted);
}

std::optional<std::string> findChange(const syntax::SyntaxTree& originalTree, std::string_view original,
                                      std::string_view formatted) {
  SourceManager sources;
  FileId before = sources.add("original", std::string(original));
  FileId after = sources.add("formatted", std::string(formatted));
  DiagnosticSink diags;
  const syntax::SyntaxTree& treeBefore = originalTree;
  std::optional<syntax::SyntaxTree> treeAfter = syntax::parseSyntaxTree(after, sources, diags);
  if (!treeAfter) {
    const Diagnostic& d = diags.all().front();
    LineCol at = sources.lineCol(after, d.range.begin);
    return "the formatted text does not parse (line " + std::to_string(at.line) + ": " + d.message + ")";
  }

  std::vector<Step> a = walk(treeBefore, sources.text(before));
  std::vector<Step> b = walk(*treeAfter, sources.text(after));
  for (size_t i = 0; i < a.size() || i < b.size(); ++i) {
    if (i < a.size() && i < b.size() && a[i] == b[i]) continue;
    uint32_t offset = 0;
    for (size_t k = std::min(i, a.size()); k-- > 0;) {
      if (a[k].kind == Step::Kind::Token) {
        offset = a[k].offset;
        break;
      }
    }
    if (i < a.size() && a[i].kind == Step::Kind::Token) offset = a[i].offset;
    LineCol at = sources.lineCol(before, offset);
    std::string was = i < a.size() ? describe(a[i]) : "the end of the file";
    std::string now = i < b.size() ? describe(b[i]) : "the end of the file";
    return "the formatted text reads differently from line " + std::to_string(at.line) + ", column " +
           std::to_string(at.column) + ": " + was + " became " + now;
  }

  std::string problem;
  auto commentsBefore = commentsOf(treeBefore, sources.text(before), problem);
  auto commentsAfter = commentsOf(*treeAfter, sources.text(after), problem);
  if (!commentsBefore || !commentsAfter) return problem;
  for (size_t i = 0; i < commentsBefore->size() || i < commentsAfter->size(); ++i) {
    if (i < commentsBefore->size() && i < commentsAfter->size() &&
        (*commentsBefore)[i].text == (*commentsAfter)[i].text) {
      continue;
    }
    if (i < commentsBefore->size()) return "a comment would be lost or changed: " + (*commentsBefore)[i].text;
    return "a comment would appear: " + (*commentsAfter)[i].text;
  }
  return std::nullopt;
}

}  // namespace journey::format
