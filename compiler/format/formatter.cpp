#include "compiler/format/formatter.h"

#include <optional>
#include <vector>

#include "compiler/format/doc_printer.h"
#include "compiler/format/gaps.h"
#include "compiler/format/layout.h"
#include "compiler/format/verify.h"
#include "compiler/syntax/parser.h"

namespace journey::format {

Formatted formatFile(FileId file, const SourceManager& sources, DiagnosticSink& diags) {
  Formatted result;
  std::optional<syntax::SyntaxTree> tree = syntax::parseSyntaxTree(file, sources, diags);
  if (!tree) {
    result.outcome = Formatted::Outcome::SyntaxErrors;
    return result;
  }
  std::string_view text = sources.text(file);
  std::vector<SourceRange> ranges;
  for (uint32_t t : Layout::printedTokens(*tree)) ranges.push_back(tree->tokens[t].range);
  std::optional<std::vector<Gap>> gaps = scanGaps(text, ranges, result.reason);
  if (!gaps) {
    result.outcome = Formatted::Outcome::Refused;
    return result;
  }

  Docs docs;
  Layout layout(*tree, text, *gaps, docs, kLineWidth);
  std::string out = printDoc(docs, layout.file(), kLineWidth);
  // One newline ends the file; a file of nothing stays empty.
  while (!out.empty() && out.back() == '\n') out.pop_back();
  if (!out.empty()) out += '\n';

  if (std::optional<std::string> change = findChange(text, out)) {
    result.outcome = Formatted::Outcome::Refused;
    result.reason = *change;
    return result;
  }
  result.text = std::move(out);
  return result;
}

}  // namespace journey::format
