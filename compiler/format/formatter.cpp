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
  std::vector<uint32_t> printed = Layout::printedTokens(*tree);
  std::vector<SourceRange> ranges;
  for (uint32_t t : printed) ranges.push_back(tree->tokens[t].range);
  std::vector<int8_t> brackets = expressionBrackets(*tree, printed);
  std::optional<std::vector<Gap>> gaps = scanGaps(text, ranges, result.reason, &brackets);
  if (!gaps) {
    result.outcome = Formatted::Outcome::Refused;
    return result;
  }

  // Which declarations span lines is known once they are printed; the blank lines that depend
  // on it do not change how any declaration is printed, so a second run settles it.
  std::vector<bool> spansLines;
  std::string out;
  for (int run = 0; run < 3; ++run) {
    Docs docs;
    std::vector<uint32_t> marks;
    out = printDoc(docs, Layout(*tree, text, *gaps, docs).file(spansLines), kLineWidth, &marks);
    std::vector<bool> printed(marks.size() / 2);
    for (size_t k = 0; k < printed.size(); ++k) printed[k] = marks[2 * k] != marks[2 * k + 1];
    if (printed == spansLines) break;
    spansLines = std::move(printed);
  }
  // One newline ends the file; a file of nothing stays empty.
  while (!out.empty() && out.back() == '\n') out.pop_back();
  if (!out.empty()) out += '\n';

  if (std::optional<std::string> change = findChange(*tree, text, out)) {
    result.outcome = Formatted::Outcome::Refused;
    result.reason = *change;
    return result;
  }
  result.text = std::move(out);
  return result;
}

}  // namespace journey::format
