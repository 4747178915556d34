// Comments in every place the grammar allows them, in every program of the repository: the
// formatter keeps each one, in order, and formats its own output to the same text.
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>

#include "compiler/format/layout.h"
#include "compiler/syntax/parser.h"
#include "format_support.h"
#include "sanitizer_share.h"

namespace {

using journey::format::Formatted;

// Inserts the text `comment(k)` returns at `where(k, gapBegin, gapEnd)` of each gap between two
// printed tokens (or nowhere when it returns npos).
template <typename Where, typename Comment>
std::optional<std::string> withCommentsInGaps(const std::string& source, Where where, Comment comment) {
  journey::SourceManager sources;
  journey::FileId file = sources.add("program.journey", source);
  journey::DiagnosticSink diags;
  std::optional<journey::syntax::SyntaxTree> tree = journey::syntax::parseSyntaxTree(file, sources, diags);
  if (!tree) return std::nullopt;
  std::string out;
  size_t copied = 0;
  size_t previousEnd = 0;
  size_t k = 0;
  for (uint32_t t : journey::format::Layout::printedTokens(*tree)) {
    const journey::SourceRange& r = tree->tokens[t].range;
    size_t at = where(k, previousEnd, r.begin);
    if (at != std::string::npos) {
      out += source.substr(copied, at - copied);
      out += comment(k);
      copied = at;
    }
    previousEnd = r.end;
    ++k;
  }
  out += source.substr(copied);
  return out;
}

// Checks that `variant` formats, keeps its `cN` comments, and formats its output unchanged.
void checkVariant(const std::string& path, const std::string& variant, const char* kind) {
  INFO(kind << " comments in " << path);
  Formatted once = journey::format_test::formatSource(variant);
  INFO("refused: " << once.reason);
  REQUIRE(once.outcome == Formatted::Outcome::Done);
  CHECK(journey::format_test::formatted(once.text) == once.text);
}

}  // namespace

TEST_SUITE("fmt") {

TEST_CASE("comments anywhere in the repository's programs are kept and formatted stably") {
  size_t programs = 0;
  auto all = journey::format_test::repositoryPrograms({"/examples", "/tests/golden", "/tests/scenarios"});
  std::sort(all.begin(), all.end());
  const size_t step = journey::test::kUnderSanitizers ? 4 : 1;  // a quarter: sanitizer_share.h
  for (size_t i = 0; i < all.size(); i += step) {
    const auto& [path, source] = all[i];
    if (journey::format_test::formatSource(source).outcome != Formatted::Outcome::Done) continue;
    ++programs;
    auto name = [](size_t k) { return "c" + std::to_string(k); };
    // A block comment before every token (spaced: `/` then `/*` would start a line comment).
    auto inline_ = withCommentsInGaps(
        source, [](size_t, size_t, size_t begin) { return begin; },
        [&](size_t k) { return " /*" + name(k) + "*/ "; });
    // A line comment at the end of every line, and one on a line of its own after it.
    auto firstNewline = [&](size_t, size_t from, size_t to) {
      size_t nl = source.find('\n', from);
      return nl < to ? nl : std::string::npos;
    };
    auto trailing = withCommentsInGaps(source, firstNewline, [&](size_t k) { return " // " + name(k); });
    auto ownLine = withCommentsInGaps(source, firstNewline, [&](size_t k) { return "\n// " + name(k); });
    REQUIRE(inline_);
    REQUIRE(trailing);
    REQUIRE(ownLine);
    checkVariant(path, *inline_, "block");
    checkVariant(path, *trailing, "trailing line");
    checkVariant(path, *ownLine, "own-line");
  }
  CHECK(programs > static_cast<size_t>(journey::test::sanitizerShare(100)));
}

}  // TEST_SUITE
