// `--emit tokens` and `--emit ast`: the printed forms golden files depend on.
#include <doctest/doctest.h>

#include "compiler/ast/printer.h"
#include "syntax_support.h"

using journey::syntax_test::parse;
using journey::syntax_test::parseExpr;

TEST_SUITE("syntax") {

TEST_CASE("token dump shows the newlines that survive the filter") {
  journey::SourceManager sources;
  journey::FileId f = sources.add("t.journey",
                                  "// comment\n\njourney J {\n  let x = f(1,\n    2) +\n    3\n}\n");
  std::string dump = journey::syntax::dumpTokens(f, sources);
  CHECK(dump ==
        "3:1 JOURNEY 'journey'\n"
        "3:9 IDENT 'J'\n"
        "3:11 LBRACE '{'\n"
        "4:3 LET 'let'\n"
        "4:7 IDENT 'x'\n"
        "4:9 ASSIGN '='\n"
        "4:11 IDENT 'f'\n"
        "4:12 LPAREN '('\n"
        "4:13 INT '1'\n"
        "4:14 COMMA ','\n"
        "5:5 INT '2'\n"
        "5:6 RPAREN ')'\n"
        "5:8 PLUS '+'\n"
        "6:5 INT '3'\n"
        "7:1 RBRACE '}'\n"
        "8:1 EOF ''\n");
}

TEST_CASE("token dump of literals and unicode columns") {
  journey::SourceManager sources;
  journey::FileId f = sources.add("t.journey", "'\xc3\xa9' 1h30m 0x1Fu 2.5 b'x' `a-b` in");
  CHECK(journey::syntax::dumpTokens(f, sources) ==
        "1:1 STRING '\\'\xc3\xa9\\''\n"
        "1:5 DURATION '1h30m'\n"
        "1:11 UINT '0x1Fu'\n"
        "1:17 FLOAT '2.5'\n"
        "1:21 BYTES 'b\\'x\\''\n"
        "1:26 QUOTED_IDENT '`a-b`'\n"
        "1:32 IN 'in'\n"
        "1:34 EOF ''\n");
}

TEST_CASE("AST printer") {
  auto p = parse(
      "type Item { sku: string, qty: int = 1 }\n"
      "journey J {\n"
      "  entry on Cart as c when c.total > 1.5\n"
      "  quiet hours 21:00 to 08:00\n"
      "  wait 1h30m\n"
      "  if has(c.items) && c.items.all(i, i.qty > 0) {\n"
      "    send email \"t\" { n: size(c.items), ?o: c.?x }\n"
      "  } else {\n"
      "    end \"bye\"\n"
      "  }\n"
      "}\n");
  REQUIRE(p->diags.all().empty());
  CHECK(journey::ast::printModule(p->ast, p->module, p->sources) ==
        "module test.journey\n"
        "  type Item @1:1\n"
        "    field sku: string @1:13\n"
        "    field qty: int @1:26\n"
        "      default: literal int 1 @1:37\n"
        "  journey J @2:1\n"
        "    entry on Cart as c @3:3\n"
        "      when: call _>_ @3:27\n"
        "        select total @3:27\n"
        "          ident c @3:27\n"
        "        literal double 1.5 @3:37\n"
        "    quiet hours 21:00 to 08:00 queue @4:3\n"
        "    wait @5:3\n"
        "      literal duration 1h30m @5:8\n"
        "    if @6:3\n"
        "      branch @6:3\n"
        "        condition: call _&&_ @6:6\n"
        "          macro has @6:6\n"
        "            select items @6:10\n"
        "              ident c @6:10\n"
        "          macro all (i) @6:22\n"
        "            target: select items @6:22\n"
        "              ident c @6:22\n"
        "            call _>_ @6:37\n"
        "              select qty @6:37\n"
        "                ident i @6:37\n"
        "              literal int 0 @6:45\n"
        "        send email \"t\" @7:5\n"
        "          n: call size @7:25\n"
        "            select items @7:30\n"
        "              ident c @7:30\n"
        "          ?o: select ?x @7:44\n"
        "            ident c @7:44\n"
        "      else\n"
        "        end \"bye\" @9:5\n");
}

TEST_CASE("expression printer with types") {
  auto p = parseExpr("[1, ?x][0]");
  journey::ast::TypeAnnotator annotate = [](journey::ast::ExprId e) {
    return e % 2 == 0 ? std::string("int") : std::string();
  };
  std::string out = journey::ast::printExpr(p->ast, p->expr, p->sources, annotate);
  CHECK(out.find("index @1:1") != std::string::npos);
  CHECK(out.find("optional: ident x @1:6") != std::string::npos);
  CHECK(out.find(" : int\n") != std::string::npos);
  auto q = parseExpr("{'a': b\"\\xff\", 'n': -2.0e0, 'd': 0s, 'u': 3u, 'z': null, 't': true}");
  std::string m = journey::ast::printExpr(q->ast, q->expr, q->sources);
  CHECK(m.find("value: literal bytes b\"\\xff\"") != std::string::npos);
  CHECK(m.find("value: literal double -2.0") != std::string::npos);
  CHECK(m.find("value: literal duration 0s") != std::string::npos);
  CHECK(m.find("value: literal uint 3u") != std::string::npos);
  CHECK(m.find("value: literal null") != std::string::npos);
  CHECK(m.find("value: literal bool true") != std::string::npos);
}

}  // TEST_SUITE
