// The REPL's reading of inputs: when an input goes on over more lines, and what kind it is.
#include <doctest/doctest.h>

#include <sstream>

#include "tools/journey/repl/bounded_line.h"
#include "tools/journey/repl/input_buffer.h"
#include "tools/journey/repl/input_kind.h"

using namespace journey::repl;

TEST_SUITE("repl") {
  TEST_CASE("an input goes on while a bracket, triple-quoted string or block comment is open") {
    CHECK_FALSE(leavesOpen("1 + 2"));
    CHECK(leavesOpen("[1,"));
    CHECK(leavesOpen("journey J {\n  entry on E\n"));
    CHECK_FALSE(leavesOpen("journey J {\n  entry on E\n}"));
    CHECK(leavesOpen("f(1, [2, {\"a\": 3}]"));
    CHECK(leavesOpen("\"\"\"two\nlines"));
    CHECK_FALSE(leavesOpen("\"\"\"two\nlines\"\"\""));
    CHECK(leavesOpen("1 /* a comment"));
    // Brackets inside strings and comments do not count.
    CHECK_FALSE(leavesOpen("\"{[(\""));
    CHECK_FALSE(leavesOpen("'{' + \"\\\"[\""));
    CHECK_FALSE(leavesOpen("1 // {"));
    CHECK_FALSE(leavesOpen("r\"\\\" + (\""));  // a raw string: the backslash is not an escape
    // A one-line string left open ends with its line: the parser reports it.
    CHECK_FALSE(leavesOpen("\"open\n"));
    // Too many closers are the parser's business too, and so is a closer of the wrong kind:
    // the input ends there instead of taking in every later line.
    CHECK_FALSE(leavesOpen("1)]}"));
    CHECK_FALSE(leavesOpen(":set {\"a\": [}"));
    CHECK_FALSE(leavesOpen("f([1)"));
    CHECK(leavesOpen("{\"a\": [1, (2)"));
  }

  TEST_CASE("an input goes on after a line that ends with an operator, as a file's statement") {
    auto open = [](std::string_view text) {
      std::optional<OpenPart> p = openPart(text);
      return p && p->trailingOperator ? p->what + "@" + std::to_string(p->offset)
                                      : std::string("none");
    };
    CHECK(open("1 +") == "`+`@2");
    CHECK(open("a &&\n") == "`&&`@2");
    CHECK(open("let x =  ") == "`=`@6");
    CHECK(open("x.size() >= // more below") == "`>=`@9");
    CHECK(open("a /* c */ ||\n/* c */") == "`||`@10");
    CHECK(open("\"a\" in") == "`in`@4");
    CHECK(open("profile.") == "`.`@7");
    // Not an operator: a word ending in `in`, an operator inside a string or a comment, an
    // operator on a line before the last.
    CHECK(open("admin") == "none");
    CHECK(open("\"a +\"") == "none");
    CHECK(open("1 // +") == "none");
    CHECK(open("1 /* + */") == "none");
    CHECK(open("1 +\n2") == "none");
    // An open bracket is named first.
    CHECK(openPart("[1,")->what == "`[`");
  }

  TEST_CASE("what an input is left open by, and where it opens") {
    auto open = [](std::string_view text) {
      std::optional<OpenPart> p = openPart(text);
      return p ? p->what + "@" + std::to_string(p->offset) : std::string("none");
    };
    CHECK(open("1 + 2") == "none");
    CHECK(open("[1, (2), {") == "`{`@9");  // the innermost still open
    CHECK(open("f(1,\n [2]") == "`(`@1");
    CHECK(open("1 /* a") == "a block comment@2");
    CHECK(open("x + '''ab") == "a string in triple quotes@4");
    CHECK(open("\"open\n") == "none");
  }

  TEST_CASE("the buffer hands over a complete input without its last newline") {
    InputBuffer b;
    CHECK(b.empty());
    b.add("[1,");
    CHECK_FALSE(b.complete());
    b.add("2]");
    CHECK(b.complete());
    CHECK(b.take() == "[1,\n2]");
    CHECK(b.empty());
  }

  TEST_CASE("inputs are commands, lets, declarations, imports or expressions") {
    CHECK(classifyInput("") == InputKind::Empty);
    CHECK(classifyInput("  // only a comment\n") == InputKind::Empty);
    CHECK(classifyInput(":help") == InputKind::Command);
    CHECK(classifyInput("let x = 1") == InputKind::Let);
    // A malformed binding is still a `let` (its one message), not an expression to parse.
    CHECK(classifyInput("let 1x = 2") == InputKind::Let);
    CHECK(classifyInput("let") == InputKind::Let);
    CHECK(classifyInput("type Item { sku: string }") == InputKind::Declaration);
    CHECK(classifyInput("cap email 3 per 7d") == InputKind::Declaration);
    CHECK(classifyInput("journey J {\n}") == InputKind::Declaration);
    CHECK(classifyInput("import \"shop.journey\"") == InputKind::Import);
    CHECK(classifyInput("test \"sends\" {\n}") == InputKind::Test);
    CHECK(classifyInput("tests + 1") == InputKind::Expression);
    CHECK(classifyInput("test.x") == InputKind::Expression);
    // The keywords are names too.
    CHECK(classifyInput("type(1)") == InputKind::Expression);
    CHECK(classifyInput("event.total") == InputKind::Expression);
    CHECK(classifyInput("letter + 1") == InputKind::Expression);
    // Comments before an input do not change its kind.
    CHECK(classifyInput("/* c */ const F = 6") == InputKind::Declaration);
    CHECK(classifyInput("// c\n/* d */ let y = 1") == InputKind::Let);
    CHECK(classifyInput("/* c */ :state") == InputKind::Command);
    CHECK(classifyInput("/* only */\n// comments") == InputKind::Empty);
    CHECK(classifyInput("/* left open") == InputKind::Expression);  // the parser says so
    CHECK(afterLeadingComments(" /* a */ // b\n  :out ") == ":out");
  }

  TEST_CASE("a let is a name, `=` and an expression") {
    LetInput let = parseLet("let total = 1 + 2");
    CHECK(let.ok);
    CHECK(let.name == "total");
    CHECK(let.expr == "1 + 2");
    CHECK_FALSE(parseLet("let x == 1").ok);
    CHECK_FALSE(parseLet("let x").ok);
    CHECK_FALSE(parseLet("let 1x = 2").ok);
    CHECK(parseLet("/* c */ let y = 1").name == "y");
  }

  TEST_CASE("lines are read up to a bound: a longer one is refused, not read further") {
    std::istringstream in("short\r\nexactly10!\nlonger than ten\nlast");
    std::string line;
    CHECK(readBoundedLine(in, line, 10) == LineRead::Line);
    CHECK(line == "short\r");  // the caller drops a carriage return
    CHECK(readBoundedLine(in, line, 10) == LineRead::Line);
    CHECK(line == "exactly10!");
    CHECK(readBoundedLine(in, line, 10) == LineRead::TooLong);
    std::istringstream end("last");
    CHECK(readBoundedLine(end, line, 10) == LineRead::Line);
    CHECK(line == "last");
    CHECK(readBoundedLine(end, line, 10) == LineRead::End);
    std::istringstream empty("");
    CHECK(readBoundedLine(empty, line, 10) == LineRead::End);
    std::istringstream blank("\n");
    CHECK(readBoundedLine(blank, line, 10) == LineRead::Line);
    CHECK(line.empty());
  }

}  // TEST_SUITE
