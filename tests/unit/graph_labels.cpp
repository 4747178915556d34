// Diagram labels (`journey graph`): the author's source on one line, wrapped between tokens.
#include <doctest/doctest.h>

#include <string>

#include "compiler/graph/phrase.h"
#include "compiler/syntax/compact_source.h"

namespace journey::graph_labels_test {

// The compact text of the first occurrence of `part` in `text`.
syntax::CompactSource compactOf(const std::string& text, const std::string& part) {
  SourceManager sources;
  FileId file = sources.add("t.journey", text);
  size_t at = text.find(part);
  REQUIRE(at != std::string::npos);
  return syntax::compactSource(sources, SourceRange{file, static_cast<uint32_t>(at),
                                                    static_cast<uint32_t>(at + part.size())});
}

}  // namespace journey::graph_labels_test

TEST_SUITE("graph") {

using journey::graph_labels_test::compactOf;

TEST_CASE("compact source: comments dropped, each gap one space, tokens as written") {
  auto c = compactOf("x = a &&\n  // why\n  b  /* and */ ==  \"two  spaces\"\n", "a &&\n  // why\n  b  /* and */ ==  \"two  spaces\"");
  CHECK(c.text == "a && b == \"two  spaces\"");
  // Gaps are the spaces between tokens, not those inside the string.
  CHECK(c.gaps == std::vector<size_t>{1, 4, 6, 9});
  CHECK(compactOf("f(a.b)[0]", "f(a.b)[0]").gaps.empty());
}

TEST_CASE("compact source: parentheses the range left out are taken back") {
  // The parser's range of `(a || b) && c` starts inside the parenthesis.
  CHECK(compactOf("if (a || b) && c {", "a || b) && c").text == "(a || b) && c");
  CHECK(compactOf("if c && ( (a) ) {", "c && ( (a").text == "c && ( (a) )");
  CHECK(compactOf("if ((a)) {", "a").text == "a");  // balanced already: nothing added
  // Only blanks may stand between: a `(` further away is not taken.
  CHECK(compactOf("f(x, a) && c", "a) && c").text == "a) && c");
}

TEST_CASE("compact source: an invalid range is empty") {
  journey::SourceManager sources;
  CHECK(journey::syntax::compactSource(sources, journey::SourceRange{}).text.empty());
}

TEST_CASE("phrases wrap between tokens, after && or || where they can") {
  using journey::graph::Phrase;
  CHECK(Phrase("wait").add(compactOf("wait 1h", "1h")).wrap() == journey::graph::Label{"wait 1h"});
  journey::graph::Label wrapped =
      Phrase("when").add(compactOf("aaaa > 1 && bbbb < 2 || c", "aaaa > 1 && bbbb < 2 || c")).wrap(20);
  CHECK(wrapped == journey::graph::Label{"when aaaa > 1 &&", "bbbb < 2 || c"});
  // A string longer than the width stays whole, on a line of its own.
  wrapped = Phrase("send").add(compactOf("\"a very long template name\"", "\"a very long template name\"")).wrap(10);
  CHECK(wrapped == journey::graph::Label{"send", "\"a very long template name\""});
  CHECK(Phrase().wrap() == journey::graph::Label{""});
}

}  // TEST_SUITE
