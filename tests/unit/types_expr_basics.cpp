// Expression checking: literals, names, list and map literals, facts, no cascades.
#include <doctest/doctest.h>

#include "tests/unit/types_support.h"

using namespace journey;
using journey::test::TypeWorld;

TEST_SUITE_BEGIN("types");

TEST_CASE("literals have their CEL types") {
  TypeWorld w;
  CHECK(w.typeOf("1") == "int");
  CHECK(w.typeOf("-9223372036854775808") == "int");
  CHECK(w.typeOf("1u") == "uint");
  CHECK(w.typeOf("1.5") == "double");
  CHECK(w.typeOf("1e3") == "double");
  CHECK(w.typeOf("'a'") == "string");
  CHECK(w.typeOf("r'\\d'") == "string");
  CHECK(w.typeOf("b'abc'") == "bytes");
  CHECK(w.typeOf("true") == "bool");
  CHECK(w.typeOf("null") == "null_type");
  CHECK(w.typeOf("90s") == "duration");
  CHECK(w.typeOf("1h30m") == "duration");
  CHECK(w.typeOf("7d") == "duration");
}

TEST_CASE("identifiers resolve to locals, then profile, consts and type names") {
  TypeWorld w;
  test::declareShop(w);
  CHECK(w.typeOf("cart") == "CartAbandoned");
  CHECK(w.typeOf("profile") == "Profile");
  CHECK(w.typeOf("LIMIT") == "int");
  CHECK(w.typeOf("int") == "type<int>");
  CHECK(w.typeOf("uint") == "type<uint>");
  CHECK(w.typeOf("string") == "type<string>");
  CHECK(w.typeOf("bool") == "type<bool>");
  CHECK(w.typeOf("bytes") == "type<bytes>");
  CHECK(w.typeOf("double") == "type<double>");
  CHECK(w.typeOf("null_type") == "type<null_type>");
  CHECK(w.typeOf("list") == "type<list<dyn>>");
  CHECK(w.typeOf("map") == "type<map<dyn, dyn>>");
  CHECK(w.typeOf("type") == "type<type>");
  CHECK(w.typeOf("optional_type") == "type<optional<dyn>>");
  CHECK(w.typeOf("google.protobuf.Timestamp") == "type<timestamp>");
  CHECK(w.typeOf("google.protobuf.Duration") == "type<duration>");
  CHECK(w.typeOf("Item") == "type<Item>");
  CHECK(w.typeOf("Purchase") == "type<Purchase>");
  CHECK(w.typeOf("type(1) == int") == "bool");
  CHECK(w.typeOf("type(cart) == CartAbandoned") == "bool");

  // An inner binding shadows an outer one; `.x` reads the outermost.
  sema::Scope inner(&w.scope);
  inner.declare("cart", w.types.int64());
  CHECK(w.check("cart", inner).printed == "int");
  CHECK(w.check(".cart", inner).printed == "CartAbandoned");
  // A local named like a type wins over the type.
  inner.declare("Item", w.types.string());
  CHECK(w.check("Item", inner).printed == "string");
}

TEST_CASE("an unknown name is an error with a suggestion") {
  TypeWorld w;
  test::declareShop(w);
  test::Checked c = w.check("cartt.total");
  CHECK(c.errors == 1);
  REQUIRE(c.diagnostics.size() == 1);
  CHECK(c.diagnostics[0].kind == DiagKind::UnknownIdentifier);
  CHECK(c.diagnostics[0].message == "unknown name `cartt`");
  REQUIRE(c.diagnostics[0].helps.size() == 1);
  CHECK(c.diagnostics[0].helps[0] == "did you mean `cart`?");
  CHECK(w.errorOf("profle") == "unknown name `profle`");
  CHECK(w.errorOf("Itm") == "unknown name `Itm`");
  CHECK(w.check("Itm").diagnostics[0].helps.at(0) == "did you mean `Item`?");
  CHECK(w.check("xyzzy").diagnostics[0].helps.empty());
  // `dyn` is not a type denotation in CEL.
  CHECK(w.errorOf("dyn") == "unknown name `dyn`");
}

TEST_CASE("an error type absorbs: one mistake, one diagnostic") {
  TypeWorld w;
  test::declareShop(w);
  test::Checked c = w.check("size(crat.items) + 1 > cart.total && crat.x == 'a'");
  CHECK(c.errors == 2);  // the two misspellings, nothing more
  CHECK(c.printed == "<error>");
  CHECK(w.check("[crat, 1][0].foo").errors == 1);
  CHECK(w.check("{'a': crat}.a.b.c").errors == 1);
  CHECK(w.check("crat ? 1 : 'a'").errors == 1);
  CHECK(w.check("-crat").errors == 1);
  CHECK(w.check("crat.all(x, x)").errors == 1);
}

TEST_CASE("list literals join their element types") {
  TypeWorld w;
  test::declareShop(w);
  CHECK(w.typeOf("[]") == "list<dyn>");
  CHECK(w.typeOf("[1, 2, 3]") == "list<int>");
  CHECK(w.typeOf("[1, 'a']") == "list<dyn>");
  CHECK(w.typeOf("[1, 2u]") == "list<dyn>");
  CHECK(w.typeOf("[[1], ['a']]") == "list<list<dyn>>");
  CHECK(w.typeOf("[{'a': 1}, {'b': 2}]") == "list<map<string, int>>");
  CHECK(w.typeOf("[d, 1]") == "list<dyn>");
  CHECK(w.typeOf("[null, null]") == "list<null_type>");
  CHECK(w.typeOf("[cart.items[0], Item{sku: 'a', qty: 1, price: 2.0}]") == "list<Item>");
  // `[?x]` adds the optional's value when present.
  CHECK(w.typeOf("[?o, 'b']") == "list<string>");
  CHECK(w.typeOf("[?d]") == "list<dyn>");
  CHECK(w.errorOf("[?s]") == "an optional element `[?x]` needs an optional value, found `string`");
}

TEST_CASE("map literals join keys and values; keys must be int, uint, bool or string") {
  TypeWorld w;
  test::declareShop(w);
  CHECK(w.typeOf("{}") == "map<dyn, dyn>");
  CHECK(w.typeOf("{'a': 1}") == "map<string, int>");
  CHECK(w.typeOf("{1: 'a', 2: 'b'}") == "map<int, string>");
  CHECK(w.typeOf("{true: 1}") == "map<bool, int>");
  CHECK(w.typeOf("{1u: 1}") == "map<uint, int>");
  CHECK(w.typeOf("{'a': 1, 2: 'b'}") == "map<dyn, dyn>");
  CHECK(w.typeOf("{d: 1}") == "map<dyn, int>");
  CHECK(w.errorOf("{1.5: 'a'}") ==
        "a map key must be `int`, `uint`, `bool` or `string`, found `double`");
  CHECK(w.errorOf("{[1]: 'a'}") ==
        "a map key must be `int`, `uint`, `bool` or `string`, found `list<int>`");
  CHECK(w.errorOf("{cart: 1}") ==
        "a map key must be `int`, `uint`, `bool` or `string`, found `CartAbandoned`");
  // `{?k: v}` adds the entry when the optional has a value.
  CHECK(w.typeOf("{?'a': o}") == "map<string, string>");
  CHECK(w.errorOf("{?'a': s}") ==
        "an optional entry `?key: value` needs an optional value, found `string`");
}

TEST_CASE("the checker records every sub-expression's type") {
  TypeWorld w;
  test::declareShop(w);
  test::Checked c = w.check("size(cart.items) + 1");
  REQUIRE(c.errors == 0);
  REQUIRE(w.facts.types.size() == w.ast.exprs.size());
  CHECK(w.types.print(w.facts.types[c.root]) == "int");
  size_t ints = 0, lists = 0;
  for (sema::TypeId t : w.facts.types) {
    ints += w.types.print(t) == "int";
    lists += w.types.print(t) == "list<Item>";
  }
  CHECK(ints >= 3);  // the sum, size(...), 1
  CHECK(lists == 1);
}

TEST_CASE("expect() reports a mismatch naming the position and both types") {
  TypeWorld w;
  test::declareShop(w);
  FileId f = w.sources.add("cond", "profile.loyalty.points");
  ast::ExprId e = syntax::parseExpression(f, w.sources, w.ast, w.diags);
  REQUIRE(e != ast::kNoExpr);
  sema::ExprChecker checker(w.context());
  sema::TypeId t = checker.expect(e, w.scope, w.types.boolean(), "the condition of `if`");
  CHECK(w.types.print(t) == "int");
  REQUIRE(w.diags.all().size() == 1);
  CHECK(w.diags.all()[0].kind == DiagKind::TypeMismatch);
  CHECK(w.diags.all()[0].message == "the condition of `if` must be `bool`, found `int`");

  FileId g = w.sources.add("wait", "3600");
  ast::ExprId e2 = syntax::parseExpression(g, w.sources, w.ast, w.diags);
  checker.expect(e2, w.scope, w.types.duration(), "the duration of `wait`");
  REQUIRE(w.diags.all().size() == 2);
  CHECK(w.diags.all()[1].message == "the duration of `wait` must be `duration`, found `int`");
  CHECK(w.diags.all()[1].helps.at(0) ==
        "write a duration with its unit, like `30s`, `15m`, `2h` or `7d`");

  FileId h = w.sources.add("total", "cart.total");
  ast::ExprId e3 = syntax::parseExpression(h, w.sources, w.ast, w.diags);
  checker.expect(e3, w.scope, w.types.int64(), "the count");
  REQUIRE(w.diags.all().size() == 3);
  CHECK(w.diags.all()[2].helps.at(0) ==
        "numbers are not converted implicitly: write `int(cart.total)`");

  // dyn is accepted anywhere; an error is not reported again.
  FileId i = w.sources.add("dyn", "d");
  checker.expect(syntax::parseExpression(i, w.sources, w.ast, w.diags), w.scope, w.types.boolean(),
                 "x");
  FileId j = w.sources.add("err", "crat");
  checker.expect(syntax::parseExpression(j, w.sources, w.ast, w.diags), w.scope, w.types.boolean(),
                 "x");
  CHECK(w.diags.all().size() == 4);  // only the unknown name
}

TEST_CASE("a missing expression (after a syntax error) is an error type without a report") {
  TypeWorld w;
  sema::ExprChecker checker(w.context());
  CHECK(checker.check(ast::kNoExpr, w.scope) == w.types.error());
  CHECK(w.diags.all().empty());
}

TEST_SUITE_END();
