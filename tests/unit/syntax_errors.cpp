// Syntax errors: messages in plain words for common mistakes, one diagnostic per mistake,
// recovery at the next statement or declaration, lexical problems, and robustness.
#include <doctest/doctest.h>

#include <chrono>
#include <random>

#include "sanitizer_share.h"
#include "syntax_support.h"

namespace ast = journey::ast;
using journey::syntax_test::fileError;
using journey::syntax_test::parse;

namespace {

std::string inJourney(const std::string& steps) {
  return fileError("journey J {\n  entry on E\n" + steps + "\n}\n");
}

}  // namespace

TEST_SUITE("syntax") {

TEST_CASE("messages name what was found and what was expected") {
  CHECK(fileError("journey Welcome on Signup {\n  entry on Signup\n}\n") ==
        "E0101 1:17 expected `{` after the journey name, found `on`");
  CHECK(fileError("schema P id: string }\n") ==
        "E0101 1:10 expected `{` after the schema name, found `id`");
  CHECK(fileError("journey {\n}\n") == "E0101 1:9 expected a name after `journey`, found `{`");
  CHECK(fileError("audience A =\n") ==
        "E0101 2:1 expected an expression after `=`, found end of file");
  CHECK(inJourney("  wait") ==
        "E0101 3:7 expected an expression, `for` or `until` after `wait`, found end of line");
  CHECK(inJourney("  wait until 09:") ==
        "E0101 3:17 expected the minutes of the time of day (two digits) after `:`, found end of line");
  CHECK(inJourney("  send email") == "E0101 3:13 expected a string, found end of line");
  CHECK(inJourney("  split \"a\" {\n    abc {}\n  }") ==
        "E0101 4:5 expected a percentage like `50%`, found `abc`");
  CHECK(inJourney("  foo bar") == "E0101 3:3 expected a header clause or a step, found `foo`");
  CHECK(fileError("foo\n") == "E0101 1:1 expected a declaration (`journey`, `schema`, `type`, `event`, "
                              "`channel`, `audience`, `action`, `cap`, `const`, `fn`, `import` or `test`), found `foo`");
  CHECK(inJourney("  let y = a b") == "E0101 3:13 expected end of line or `}`, found `b`");
  CHECK(fileError("audience A = (a + b))\n") == "E0101 1:21 unexpected `)`");
  CHECK(inJourney("  wait for A {\n    foo\n  }") == "E0101 4:5 expected `timeout` or `on`, found `foo`");
  CHECK(fileError("action a {\n  verb GET\n}\n") ==
        "E0101 2:3 expected `method`, `url`, `timeout`, `retries`, `response` or `mock`, found `verb`");
}

TEST_CASE("the step that ends a journey line is pointed at, not the closing brace") {
  // The filter drops the newline before `}`; the message still says end of line and points at it.
  auto p = parse("journey J {\n  entry on E\n  wait\n}\n");
  CHECK(p->where() == "3:7");
  CHECK(p->message() == "expected an expression, `for` or `until` after `wait`, found end of line");
}

TEST_CASE("an unclosed bracket") {
  auto p = parse("journey J {\n  entry on E\n  send email \"x\"\n");
  CHECK(p->codes() == std::vector<std::string>{"E0112"});
  CHECK(p->message() == "unclosed `{`");
  CHECK(p->where() == "1:11");
  auto q = parse("journey J {\n  entry on E\n  let a = f(1, 2\n  wait 1h\n}\n");
  CHECK(q->codes() == std::vector<std::string>{"E0112"});
  CHECK(q->message() == "unclosed `(`");
  CHECK(q->where() == "3:12");
  // The statements after it still parse.
  const auto& j = std::get<ast::JourneyDecl>(q->module.decls.at(0).kind);
  CHECK(j.steps.size() == 2);
  auto r = parse("journey J {\n  entry on E\n  send email \"a\" { x: f(a, b\n  wait 1h\n}\n");
  CHECK(r->codes() == std::vector<std::string>{"E0112"});
  CHECK(parse("audience A = [1, 2\n")->code() == "E0112");
}

TEST_CASE("a line continued after an operator") {
  auto p = parse("audience B = a +\naudience C = 1\n");
  CHECK(p->codes() == std::vector<std::string>{"E0101"});
  CHECK(p->message() == "expected end of line, found `C`");
  REQUIRE(p->diags.all()[0].notes.size() == 1);
  CHECK(p->diags.all()[0].notes[0] == "the line before ends with `+`, so this line continues it");
}

TEST_CASE("lexical problems") {
  CHECK(fileError("audience A = 1 # 2\n") == "E0110 1:16 unexpected character `#`");
  CHECK(fileError("audience A = a & b\n") == "E0110 1:16 unexpected character `&`");
  CHECK(fileError("const price\xe2\x82\xac = 3\n") == "E0110 1:12 unexpected character U+20AC");
  CHECK(fileError("/* never closed\nconst a = 1\n") == "E0111 1:1 unclosed block comment");
  CHECK(fileError("const a = \"x\xff\"\n") == "E0113 1:13 this file is not valid UTF-8 (first invalid byte here)");
  // A lexical problem explains the parse error it causes: one diagnostic.
  CHECK(parse("audience A = f(\"abc)\n")->codes() == std::vector<std::string>{"E0102"});
  CHECK(parse("audience A = a @ b\n")->codes() == std::vector<std::string>{"E0110"});
  CHECK(parse("journey J {\n  entry on E\n  wait 10sec\n}\n")->codes() ==
        std::vector<std::string>{"E0104"});
}

TEST_CASE("one diagnostic per mistake, then the next statement") {
  auto p = parse(
      "journey J {\n"
      "  entry on E\n"
      "  let if = 3\n"
      "  let y = a b c d\n"
      "  wait\n"
      "  send email \"x\" extra stuff\n"
      "  wait 1h\n"
      "  if x {\n"
      "    send\n"
      "  }\n"
      "  end\n"
      "}\n"
      "audience A = a b\n"
      "audience B = 1\n"
      "foo bar baz\n"
      "const C = (1 +\n"
      "const D = 2\n");
  CHECK(p->codes() == std::vector<std::string>{"E0106", "E0101", "E0101", "E0101", "E0101",
                                                "E0101", "E0101", "E0101"});
  std::vector<std::string> lines;
  for (const auto& d : p->diags.all()) {
    lines.push_back(std::to_string(p->sources.lineCol(p->file, d.range.begin).line));
  }
  CHECK(lines == std::vector<std::string>{"3", "4", "5", "6", "9", "13", "15", "16"});
  // What could be read is kept.
  REQUIRE(p->module.decls.size() >= 3);
  const auto& j = std::get<ast::JourneyDecl>(p->module.decls[0].kind);
  CHECK(j.steps.size() >= 4);
}

TEST_CASE("an expression with an error becomes a placeholder") {
  auto p = parse("journey J {\n  entry on E\n  let x = 1 +\n  let y = x\n}\n");
  // `let x = 1 + let` fails at `let` (a reserved word where an operand was expected).
  REQUIRE(p->diags.hasErrors());
  const auto& j = std::get<ast::JourneyDecl>(p->module.decls.at(0).kind);
  REQUIRE(!j.steps.empty());
  const auto& let = std::get<ast::LetStep>(j.steps[0].kind);
  bool hasError = false;
  for (const auto& e : p->ast.exprs) hasError |= std::holds_alternative<ast::ErrorExpr>(e.node);
  CHECK(hasError);
  CHECK(let.value != ast::kNoExpr);
  auto q = parse("audience A = (1 + )\n");
  const auto& a = std::get<ast::AudienceDecl>(q->module.decls.at(0).kind);
  CHECK(a.rule != ast::kNoExpr);
}

TEST_CASE("error ranges are the narrowest span") {
  auto p = parse("journey J {\n  entry on E\n  send email \"a\" extra\n}\n");
  CHECK(p->underlined() == "extra");
  auto q = parse("const a = 9223372036854775808\n");
  CHECK(q->underlined() == "9223372036854775808");
  auto r = parse("const a = \"\xc3\xa9 \\q\"\n");
  CHECK(r->underlined() == "\\q");
  CHECK(r->where() == "1:14");
}

TEST_CASE("the parser never crashes or hangs on broken input") {
  const std::string base =
      "type Item { sku: string, qty: int }\n"
      "schema Profile {\n  id: string\n  email: string?\n  tags: list<string>\n}\n"
      "event Cart retain 30d { total: double, items: list<Item> }\n"
      "channel email { address: profile.email, consent: true }\n"
      "audience Gold = profile.tags.exists(t, t == 'gold') && size(history(Cart, 7d)) > 0\n"
      "action crm { method POST\n url \"https://x\"\n response { score: int }\n mock { score: 1 } }\n"
      "journey J {\n  entry on Cart as c when c.total > 1.0\n  quiet hours 21:00 to 08:00\n"
      "  wait 1h\n  if !has(profile.email) { end \"none\" } else if c.total > 2.0 { wait 1h }\n"
      "  wait for Cart as again within 2d {\n    on again { send email \"x\" { a: [1, 2][?0] } }\n"
      "    timeout { call crm { id: profile.id } as r }\n  }\n"
      "  split \"s\" {\n    50% { set profile.tags = profile.tags + ['a'] }\n    50% { end }\n  }\n"
      "  let m = {'a': Item{sku: 'x', qty: -9223372036854775808}}.?a.orValue(null)\n}\n";
  const char* strays[] = {"{", "}", "(", ")", "[", "]", "\"", "'", "\"\"\"", "\n", ";", ",", ".",
                          "?", ":", "//", "/*", "`", "\\", "if", "else", "wait", "for", "as", "-",
                          "!", "0x", "1e", "b'", "r\"", "\xff", "\xe2\x82\xac", "%", "@", "\t",
                          "cel.bind(", ".all(", "has(", "{?", "[?", ".?", "journey J {",
                          "entry on ", "99999999999999999999"};
  std::mt19937 rng(20260301);
  double worstMs = 0;
  const int mutants = journey::test::sanitizerShare(1500);
  for (int i = 0; i < mutants; ++i) {
    std::string s = base;
    int edits = 1 + static_cast<int>(rng() % 6);
    for (int e = 0; e < edits; ++e) {
      size_t pos = s.empty() ? 0 : rng() % s.size();
      switch (rng() % 5) {
        case 0: if (!s.empty()) s.erase(pos, 1 + rng() % 30); break;
        case 1: s.insert(pos, strays[rng() % (sizeof strays / sizeof *strays)]); break;
        case 2: if (!s.empty()) s[pos] = static_cast<char>(rng() % 256); break;
        case 3: if (!s.empty()) s.insert(pos, s.substr(rng() % s.size(), rng() % 120)); break;
        case 4: s.resize(pos); break;
      }
    }
    auto start = std::chrono::steady_clock::now();
    auto p = parse(s);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    worstMs = std::max(worstMs, ms);
    for (const auto& d : p->diags.all()) {
      INFO(s);
      CHECK(d.range.file == p->file);
      CHECK(d.range.begin <= d.range.end);
      CHECK(d.range.end <= s.size());
      CHECK(!d.message.empty());
    }
    // Every expression has a range inside the file.
    for (const auto& e : p->ast.exprs) CHECK(e.range.end <= s.size());
  }
  CHECK(worstMs < 2000);
}

}  // TEST_SUITE
