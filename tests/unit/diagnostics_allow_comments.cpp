// `// journey: allow CODE`: which warnings a comment leaves out, which comments are warned
// about (W0105 for a code that is not a warning's, W0106 for one that leaves nothing out), and
// which lines are comments at all: strings and block comments are followed as the lexer reads
// them.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "compiler/driver/allow_comments.h"

using namespace journey;

namespace {

// The diagnostics left after applying `text`'s allow comments to a W0102 reported at the start
// of each line in `warned` (1-based), as "CODE@line" in report order.
std::vector<std::string> afterAllow(const std::string& text, const std::vector<uint32_t>& warned) {
  SourceManager sources;
  FileId file = sources.add("t.journey", text);
  DiagnosticSink sink;
  for (uint32_t line : warned) {
    uint32_t offset = 0;
    for (uint32_t l = 1; l < line; ++l) offset = static_cast<uint32_t>(text.find('\n', offset) + 1);
    sink.report(DiagKind::UnreachableStep, SourceRange{file, offset, offset + 1}, "never runs");
  }
  applyAllowComments(sink, sources);
  std::vector<std::string> out;
  for (const Diagnostic& d : sink.all()) {
    out.push_back(std::string(info(d.kind).code) + "@" +
                  std::to_string(sources.lineCol(file, d.range.begin).line));
  }
  return out;
}

using Codes = std::vector<std::string>;

}  // namespace

TEST_CASE("a comment leaves its warnings out of the next line of code only") {
  CHECK(afterAllow("// journey: allow W0102\nsend\nsend\n", {2, 3}) == Codes{"W0102@3"});
  CHECK(afterAllow("// journey: allow W0102\n\n// another\n/* block */\nsend\n", {5}).empty());
  CHECK(afterAllow("  // journey: allow w0101, W0102\nsend\n", {2}) == Codes{"W0106@1"});
}

TEST_CASE("a comment that leaves nothing out is W0106, at the code it names") {
  CHECK(afterAllow("// journey: allow W0102\nsend\n", {}) == Codes{"W0106@1"});
  CHECK(afterAllow("send\n// journey: allow W0102\n", {1}) == Codes{"W0102@1", "W0106@2"});
  CHECK(afterAllow("// journey: allow W0102\n// journey: allow W0102\nsend\n", {3}).empty());
}

TEST_CASE("a code that is not a warning's is W0105, and allows nothing") {
  CHECK(afterAllow("// journey: allow E0201 W9999\nsend\n", {2}) ==
        Codes{"W0102@2", "W0105@1", "W0105@1"});
  CHECK(afterAllow("// journey: allowW0102\nsend\n", {2}) == Codes{"W0102@2"});  // not one
}

TEST_CASE("a comment may follow the codes, to give the reason") {
  CHECK(afterAllow("// journey: allow W0102 // the branch is for later\nsend\n", {2}).empty());
  CHECK(afterAllow("// journey: allow W0102, // W9999\nsend\n", {2}).empty());
}

TEST_CASE("a line inside a triple-quoted string is text, not a comment") {
  CHECK(afterAllow("x = \"\"\"\n// journey: allow W9999\n\"\"\"\nsend\n", {4}) == Codes{"W0102@4"});
  CHECK(afterAllow("x = '''\n// journey: allow W0102\n'''\nsend\n", {4}) == Codes{"W0102@4"});
  // An escaped quote does not close the string; in a raw string a backslash is itself.
  CHECK(afterAllow("x = \"\"\"a\\\"\"\"\n// journey: allow W9999\n\"\"\"\nsend\n", {4}) ==
        Codes{"W0102@4"});
  CHECK(afterAllow("x = r\"\"\"a\\\"\"\"\n// journey: allow W0102\nsend\n", {3}).empty());
  CHECK(afterAllow("x = br'''a\\'''\n// journey: allow W0102\nsend\n", {3}).empty());
  // `r` ends a name here, so the string is not raw and `\"""` does not close it.
  CHECK(afterAllow("x = var\"\"\"a\\\"\"\"\n// journey: allow W9999\n\"\"\"\n", {}).empty());
}

TEST_CASE("a string on one line ends with it, closed or not") {
  CHECK(afterAllow("x = \"unclosed\n// journey: allow W0102\nsend\n", {3}).empty());
  CHECK(afterAllow("x = \"a // journey: allow W0102\"\nsend\n", {2}) == Codes{"W0102@2"});
  CHECK(afterAllow("x = `a\"b`\n// journey: allow W0102\nsend\n", {3}).empty());
}

TEST_CASE("a line inside a block comment is a comment, and no allow comment") {
  CHECK(afterAllow("/*\n// journey: allow W9999\n*/\nsend\n", {4}) == Codes{"W0102@4"});
  CHECK(afterAllow("// journey: allow W0102\n/*\n  text\n*/\nsend\n", {5}).empty());
  CHECK(afterAllow("// journey: allow W0102\n/* a */ send\n", {2}).empty());
}
