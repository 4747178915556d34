// CEL expressions: precedence and associativity, member access, optional selection, aggregates,
// record literals, calls, qualified function names, macros, reserved words and ranges.
#include <doctest/doctest.h>

#include "syntax_support.h"

using journey::syntax_test::expr;
using journey::syntax_test::inStep;
using journey::syntax_test::parseExpr;

TEST_SUITE("syntax") {

TEST_CASE("operator precedence follows CEL") {
  CHECK(expr("a + b * c") == "_+_(a, _*_(b, c))");
  CHECK(expr("a * b + c") == "_+_(_*_(a, b), c)");
  CHECK(expr("a - b - c") == "_-_(_-_(a, b), c)");
  CHECK(expr("a / b % c") == "_%_(_/_(a, b), c)");
  CHECK(expr("a + b < c") == "_<_(_+_(a, b), c)");
  CHECK(expr("a < b == c") == "_==_(_<_(a, b), c)");
  CHECK(expr("a == b && c != d") == "_&&_(_==_(a, b), _!=_(c, d))");
  CHECK(expr("a || b && c") == "_||_(a, _&&_(b, c))");
  CHECK(expr("a && b || c && d") == "_||_(_&&_(a, b), _&&_(c, d))");
  CHECK(expr("a ? b : c ? d : e") == "_?_:_(a, b, _?_:_(c, d, e))");
  CHECK(expr("a || b ? c : d") == "_?_:_(_||_(a, b), c, d)");
  CHECK(expr("x in [1, 2] && y") == "_&&_(@in(x, [1, 2]), y)");
  CHECK(expr("a <= b") == "_<=_(a, b)");
  CHECK(expr("a >= b") == "_>=_(a, b)");
  CHECK(expr("a > b") == "_>_(a, b)");
  CHECK(expr("(a + b) * c") == "_*_(_+_(a, b), c)");
  CHECK(expr("((((7))))") == "7");
}

TEST_CASE("unary operators") {
  CHECK(expr("!a") == "!_(a)");
  CHECK(expr("!!a") == "!_(!_(a))");
  CHECK(expr("-a") == "-_(a)");
  CHECK(expr("--a") == "-_(-_(a))");
  CHECK(expr("-a.b") == "-_(a.b)");
  CHECK(expr("!a && b") == "_&&_(!_(a), b)");
  CHECK(expr("-a * b") == "_*_(-_(a), b)");
  CHECK(expr("a - -b") == "_-_(a, -_(b))");
  CHECK(expr("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!true").substr(0, 8) == "!_(!_(!_");
}

TEST_CASE("member access, indexing and calls") {
  CHECK(expr("a.b.c") == "a.b.c");
  CHECK(expr(".a.b") == ".a.b");
  CHECK(expr("a[0][1]") == "a[0][1]");
  CHECK(expr("a.b[c].d") == "a.b[c].d");
  CHECK(expr("f()") == "f()");
  CHECK(expr("f(1, 2)") == "f(1, 2)");
  CHECK(expr("f(1, 2,)") == "f(1, 2)");
  CHECK(expr(".f(1)") == ".f(1)");
  CHECK(expr("s.startsWith('a')") == "s.startsWith(\"a\")");
  CHECK(expr("a.b.size()") == "a.b.size()");
  CHECK(expr("size(x) > 0") == "_>_(size(x), 0)");
  CHECK(expr("x.f(1).g(2)") == "x.f(1).g(2)");
  CHECK(expr("[1, 2][0]") == "[1, 2][0]");
  CHECK(expr("'abc'.size()") == "\"abc\".size()");
}

TEST_CASE("optional selection and indexing") {
  CHECK(expr("a.?b") == "a.?b");
  CHECK(expr("a.?b.c") == "a.?b.c");
  CHECK(expr("m[?'k']") == "m[?\"k\"]");
  CHECK(expr("a.?b.orValue(1)") == "a.?b.orValue(1)");
  CHECK(expr("[?a, b]") == "[?a, b]");
  CHECK(expr("{?'k': v, 'j': w}") == "{?\"k\": v, \"j\": w}");
  CHECK(expr("T{?f: v}") == "T{?f: v}");
  auto p = parseExpr("a.?b()");
  CHECK(p->code() == "E0117");
}

TEST_CASE("list and map literals") {
  CHECK(expr("[]") == "[]");
  CHECK(expr("[1, 2, 3]") == "[1, 2, 3]");
  CHECK(expr("[1, 2, 3,]") == "[1, 2, 3]");
  CHECK(expr("[[1], [2, [3]]]") == "[[1], [2, [3]]]");
  CHECK(expr("{}") == "{}");
  CHECK(expr("{1: 'a', 'b': 2,}") == "{1: \"a\", \"b\": 2}");
  CHECK(expr("{a ? b : c: d}") == "{_?_:_(a, b, c): d}");
}

TEST_CASE("record literals") {
  CHECK(expr("Item{sku: 'a', qty: 1}") == "Item{sku: \"a\", qty: 1}");
  CHECK(expr("Item{}") == "Item{}");
  CHECK(expr("Item{sku: 'a',}") == "Item{sku: \"a\"}");
  CHECK(expr("a.b.Item{x: 1}") == "a.b.Item{x: 1}");
  CHECK(expr(".a.Item{x: 1}") == ".a.Item{x: 1}");
  CHECK(expr("Item{if: 1, as: 2}") == "Item{if: 1, as: 2}");
  CHECK(expr("Item{x: 1}.x") == "Item{x: 1}.x");
  CHECK(expr("Outer{inner: Inner{v: [1]}}") == "Outer{inner: Inner{v: [1]}}");
  auto p = parseExpr("f(x){a: 1}");
  CHECK(p->code() == "E0116");
  CHECK(p->message() == "a record literal needs a type name before `{`");
}

TEST_CASE("qualified function names") {
  CHECK(expr("math.abs(-1)") == "math.abs(-1)");
  CHECK(expr("math.greatest(1, 2)") == "math.greatest(1, 2)");
  CHECK(expr("strings.quote('a')") == "strings.quote(\"a\")");
  CHECK(expr("base64.encode(b'a')") == "base64.encode(b\"a\")");
  CHECK(expr("optional.of(1)") == "optional.of(1)");
  CHECK(expr("optional.none()") == "optional.none()");
  CHECK(expr("optional.of(1).value()") == "optional.of(1).value()");
  // The compact form cannot tell; the AST says whether there is a target.
  auto p = parseExpr("math.abs(x)");
  const auto& call = std::get<journey::ast::Call>(p->ast[p->expr].node);
  CHECK(call.function == "math.abs");
  CHECK(call.target == journey::ast::kNoExpr);
  CHECK(p->text(call.functionRange) == "math.abs");
  auto q = parseExpr("other.abs(x)");
  const auto& method = std::get<journey::ast::Call>(q->ast[q->expr].node);
  CHECK(method.function == "abs");
  CHECK(method.target != journey::ast::kNoExpr);
  // A rooted `.math` is a variable, not the library.
  auto r = parseExpr(".math.abs(x)");
  CHECK(std::get<journey::ast::Call>(r->ast[r->expr].node).target != journey::ast::kNoExpr);
}

TEST_CASE("macros") {
  CHECK(expr("has(a.b)") == "has<>(a.b)");
  CHECK(expr("has(a.b.c)") == "has<>(a.b.c)");
  CHECK(expr("[1].all(x, x > 0)") == "all<x>([1]; _>_(x, 0))");
  CHECK(expr("l.exists(x, x == 1)") == "exists<x>(l; _==_(x, 1))");
  CHECK(expr("l.exists_one(x, x)") == "exists_one<x>(l; x)");
  CHECK(expr("l.existsOne(x, x)") == "exists_one<x>(l; x)");
  CHECK(expr("l.map(x, x * 2)") == "map<x>(l; _*_(x, 2))");
  CHECK(expr("l.map(x, x > 1, x * 2)") == "map<x>(l; _>_(x, 1), _*_(x, 2))");
  CHECK(expr("l.filter(x, x > 1)") == "filter<x>(l; _>_(x, 1))");
  CHECK(expr("m.all(k, v, v > 0)") == "all<k, v>(m; _>_(v, 0))");
  CHECK(expr("m.exists(k, v, v > 0)") == "exists<k, v>(m; _>_(v, 0))");
  CHECK(expr("m.existsOne(k, v, v > 0)") == "existsOne<k, v>(m; _>_(v, 0))");
  CHECK(expr("m.exists_one(k, v, v > 0)") == "existsOne<k, v>(m; _>_(v, 0))");
  CHECK(expr("l.transformList(i, v, v + i)") == "transformList<i, v>(l; _+_(v, i))");
  CHECK(expr("l.transformList(i, v, i > 0, v)") == "transformList<i, v>(l; _>_(i, 0), v)");
  CHECK(expr("m.transformMap(k, v, v)") == "transformMap<k, v>(m; v)");
  CHECK(expr("m.transformMapEntry(k, v, {v: k})") == "transformMapEntry<k, v>(m; {v: k})");
  CHECK(expr("cel.bind(x, 1, x + 1)") == "cel.bind<x>(1, _+_(x, 1))");
  CHECK(expr("o.optMap(x, x + 1)") == "optMap<x>(o; _+_(x, 1))");
  CHECK(expr("o.optFlatMap(x, optional.of(x))") == "optFlatMap<x>(o; optional.of(x))");
  // Nested comprehensions.
  CHECK(expr("a.all(x, x.exists(y, y))") == "all<x>(a; exists<y>(x; y))");
  // Without a receiver these names are plain functions.
  CHECK(expr("all(x, y)") == "all(x, y)");
  CHECK(expr("map(x)") == "map(x)");
}

TEST_CASE("macro misuse") {
  auto p = parseExpr("has(a)");
  CHECK(p->code() == "E0107");
  CHECK(p->message() == "the argument of `has` must be a field selection, like `has(profile.email)`");
  CHECK(parseExpr("has(a.?b)")->code() == "E0107");
  CHECK(parseExpr("has(a.b, c)")->message() ==
        "`has` takes one argument, a field selection like `has(profile.email)`");
  auto q = parseExpr("l.all(l[0], true)");
  CHECK(q->code() == "E0107");
  CHECK(q->message() == "the first argument of `all` must be a simple name, the variable it binds");
  CHECK(q->underlined() == "l[0]");
  CHECK(parseExpr("l.all(.x, true)")->code() == "E0107");
  CHECK(parseExpr("m.all(k, 1, true)")->message() ==
        "the second argument of `all` must be a simple name, the variable it binds");
  CHECK(parseExpr("l.all(x)")->message() ==
        "`all` is given 1 argument; write `e.all(x, p)` or `e.all(i, v, p)`");
  CHECK(parseExpr("l.map(x)")->code() == "E0107");
  CHECK(parseExpr("l.filter(x, y, z)")->code() == "E0107");
  CHECK(parseExpr("l.transformList(i, v)")->code() == "E0107");
  CHECK(parseExpr("o.optMap(x)")->code() == "E0107");
  CHECK(parseExpr("cel.bind(x, 1)")->message() ==
        "`cel.bind` takes three arguments: `cel.bind(x, init, body)`");
  CHECK(parseExpr("cel.bind(1, 1, 1)")->code() == "E0107");
  // One diagnostic, and the whole call becomes an error placeholder.
  CHECK(parseExpr("has(a) && has(b.c)")->diags.all().size() == 1);
}

TEST_CASE("reserved words") {
  auto p = parseExpr("if + 1");
  CHECK(p->code() == "E0106");
  CHECK(p->message() == "`if` is a reserved word and cannot be used as a name");
  CHECK(parseExpr("while")->code() == "E0106");
  CHECK(parseExpr("package(1)")->code() == "E0106");
  CHECK(parseExpr("x + var")->code() == "E0106");
  // Allowed after a dot, as a field or a method name.
  CHECK(expr("a.if") == "a.if");
  CHECK(expr("{'as': 1}.as") == "{\"as\": 1}.as");
  CHECK(expr("a.package() || true") == "_||_(a.package(), true)");
  CHECK(expr("a.?for") == "a.?for");
  // `true`, `false`, `null` and `in` are never names, not even after a dot.
  CHECK(parseExpr("a.in")->code() == "E0101");
  CHECK(parseExpr("a.true")->code() == "E0101");
}

TEST_CASE("journey keywords are names in expressions") {
  CHECK(expr("profile.wait") == "profile.wait");
  CHECK(expr("cart.key + entry") == "_+_(cart.key, entry)");
  CHECK(expr("journey.on.audience") == "journey.on.audience");
  CHECK(expr("send(wait, until)") == "send(wait, until)");
  CHECK(inStep("event.timeout + exit") == "_+_(event.timeout, exit)");
}

TEST_CASE("backquoted field names") {
  CHECK(expr("m.`content-type`") == "m.content-type");
  CHECK(expr("has(m.`a.b`)") == "has<>(m.a.b)");
  CHECK(expr("m.?`x y`") == "m.?x y");
}

TEST_CASE("expression ranges are byte offsets") {
  auto p = parseExpr("a + bc * d");
  const auto& add = p->ast[p->expr];
  CHECK(p->text(add.range) == "a + bc * d");
  const auto& call = std::get<journey::ast::Call>(add.node);
  CHECK(p->text(call.functionRange) == "+");
  CHECK(p->text(p->ast[call.args[1]].range) == "bc * d");
  // Multi-byte characters before: offsets count bytes, columns count code points.
  auto q = parseExpr("'\xc3\xa9\xe2\x82\xac' + x");
  const auto& plus = std::get<journey::ast::Call>(q->ast[q->expr].node);
  const auto& x = q->ast[plus.args[1]];
  CHECK(x.range.begin == 10);
  CHECK(q->text(x.range) == "x");
  CHECK(q->sources.lineCol(q->file, x.range.begin).column == 8);
  auto r = parseExpr("-5");
  CHECK(r->text(r->ast[r->expr].range) == "-5");
  auto s = parseExpr("f(1).g");
  CHECK(s->text(s->ast[s->expr].range) == "f(1).g");
}

TEST_CASE("newlines inside an expression given alone are white space") {
  CHECK(expr("a\n&&\nb") == "_&&_(a, b)");
  CHECK(expr("[\n1,\n2\n]") == "[1, 2]");
}

TEST_CASE("deep nesting is refused, not crashed on") {
  std::string deep(5000, '(');
  deep += "1" + std::string(5000, ')');
  auto p = parseExpr(deep);
  CHECK(p->code() == "E0108");
  CHECK(p->diags.all().size() == 1);
  std::string list(3000, '[');
  CHECK(parseExpr(list)->code() == "E0108");
  std::string ternary;
  for (int i = 0; i < 3000; ++i) ternary += "a ? b : ";
  ternary += "c";
  CHECK(parseExpr(ternary)->code() == "E0108");
  // Long flat chains are parsed without recursion, then refused as too deep an AST.
  std::string chain = "a";
  for (int i = 0; i < 20000; ++i) chain += " + a";
  auto c = parseExpr(chain);
  CHECK(c->code() == "E0108");
  CHECK(c->diags.all().size() == 1);
  std::string nots(20000, '!');
  CHECK(parseExpr(nots + "a")->code() == "E0108");
  std::string members = "a";
  for (int i = 0; i < 20000; ++i) members += ".b";
  CHECK(parseExpr(members)->code() == "E0108");
  // What CEL requires is accepted.
  std::string parens(32, '(');
  CHECK(expr(parens + "7" + std::string(32, ')')) == "7");
  std::string ors = "a";
  for (int i = 0; i < 100; ++i) ors += " || a";
  CHECK(parseExpr(ors)->code() == "");
}

}  // TEST_SUITE
