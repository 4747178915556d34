// Expression checking: the comprehension macros, cel.bind, the optional macros.
#include <doctest/doctest.h>

#include "tests/unit/types_support.h"

using namespace journey;
using journey::test::TypeWorld;

TEST_SUITE_BEGIN("types");

TEST_CASE("all, exists, exists_one over lists and maps") {
  TypeWorld w;
  test::declareShop(w);
  for (const char* m : {"all", "exists", "exists_one", "existsOne"}) {
    CAPTURE(m);
    std::string macro(m);
    CHECK(w.typeOf("[1, 2].all(x, x > 0)") == "bool");
    CHECK(w.typeOf("cart.items." + macro + "(i, i.qty > 0)") == "bool");
    CHECK(w.typeOf("m." + macro + "(k, k.startsWith('a'))") == "bool");
    CHECK(w.typeOf("d." + macro + "(x, x)") == "bool");
    CHECK(w.typeOf("[]." + macro + "(x, x > 0)") == "bool");
    CHECK(w.errorOf("l." + macro + "(x, x)") ==
          "the condition of `" + std::string(macro == "existsOne" ? "exists_one" : m) +
              "` must be `bool`, found `int`");
  }
  CHECK(w.errorOf("cart.total.all(x, x > 0)") == "`all` needs a list or a map, found `double`");
  CHECK(w.check("cart.total.all(x, x > 0)").diagnostics[0].kind == DiagKind::NotARange);
  CHECK(w.errorOf("cart.items.all(i, i.qtty > 0)") == "type `Item` has no field `qtty`");
}

TEST_CASE("two-variable comprehensions") {
  TypeWorld w;
  test::declareShop(w);
  CHECK(w.typeOf("l.all(i, v, i < 3 && v > 0)") == "bool");
  CHECK(w.typeOf("m.exists(k, v, k == 'a' && v == 1)") == "bool");
  CHECK(w.typeOf("profile.tags.existsOne(i, t, i == 0 && t == 'vip')") == "bool");
  CHECK(w.errorOf("m.all(k, v, v.startsWith('a'))") == "`int` has no method `startsWith`");
  CHECK(w.errorOf("l.all(i, v, i.startsWith('a'))") == "`int` has no method `startsWith`");
  test::Checked c = w.check("m.all(k, k, k != '')");
  REQUIRE(c.errors == 1);
  CHECK(c.diagnostics[0].kind == DiagKind::DuplicateMacroVariable);
  CHECK(c.diagnostics[0].message == "`k` is declared twice in `all`");
}

TEST_CASE("map, filter and the transforms") {
  TypeWorld w;
  test::declareShop(w);
  CHECK(w.typeOf("[1, 2].map(x, x * 2)") == "list<int>");
  CHECK(w.typeOf("[1, 2].map(x, x > 1, string(x))") == "list<string>");
  CHECK(w.typeOf("cart.items.map(i, i.price * double(i.qty))") == "list<double>");
  CHECK(w.typeOf("m.map(k, k)") == "list<string>");
  CHECK(w.typeOf("[].map(x, x / 2)") == "list<int>");
  CHECK(w.typeOf("d.map(x, x)") == "list<dyn>");
  CHECK(w.typeOf("l.filter(x, x > 1)") == "list<int>");
  CHECK(w.typeOf("m.filter(k, m[k] > 1)") == "list<string>");
  CHECK(w.typeOf("cart.items.filter(i, i.qty > 1)") == "list<Item>");
  CHECK(w.typeOf("l.transformList(i, v, v * i)") == "list<int>");
  CHECK(w.typeOf("l.transformList(i, v, i > 0, string(v))") == "list<string>");
  CHECK(w.typeOf("m.transformList(k, v, k)") == "list<string>");
  CHECK(w.typeOf("m.transformMap(k, v, v * 2)") == "map<string, int>");
  CHECK(w.typeOf("m.transformMap(k, v, v > 0, string(v))") == "map<string, string>");
  CHECK(w.typeOf("l.transformMap(i, v, v)") == "map<int, int>");
  CHECK(w.typeOf("m.transformMapEntry(k, v, {v: k})") == "map<int, string>");
  CHECK(w.typeOf("m.transformMapEntry(k, v, d)") == "map<dyn, dyn>");
  CHECK(w.errorOf("l.map(x, x, x)") == "the condition of `map` must be `bool`, found `int`");
  CHECK(w.errorOf("l.filter(x, x)") == "the condition of `filter` must be `bool`, found `int`");
  CHECK(w.errorOf("m.transformMapEntry(k, v, v)") ==
        "the entry of `transformMapEntry` must be a map like `{k: v}`, found `int`");
  CHECK(w.errorOf("1.map(x, x)") == "`map` needs a list or a map, found `int`");
  // Macro variables are local to the macro.
  CHECK(w.errorOf("l.map(x, x).size() + x") == "unknown name `x`");
  // They shadow outer names.
  CHECK(w.typeOf("l.map(cart, cart + 1)") == "list<int>");
  CHECK(w.typeOf("[[1, 2], [3]].map(row, row.all(x, x > 0))") == "list<bool>");
}

TEST_CASE("cel.bind") {
  TypeWorld w;
  test::declareShop(w);
  CHECK(w.typeOf("cel.bind(t, true, t)") == "bool");
  CHECK(w.typeOf("cel.bind(total, cart.total * 2.0, total > 100.0)") == "bool");
  CHECK(w.typeOf("cel.bind(x, [1, 2], x.map(y, y + 1))") == "list<int>");
  CHECK(w.errorOf("cel.bind(x, 1, x + 'a')") == "`+` cannot be applied to `int` and `string`");
}

TEST_CASE("optMap and optFlatMap") {
  TypeWorld w;
  test::declareShop(w);
  CHECK(w.typeOf("o.optMap(x, x.size())") == "optional<int>");
  CHECK(w.typeOf("profile.?email.optMap(e, e.lowerAscii()).orValue('')") == "string");
  CHECK(w.typeOf("o.optFlatMap(x, optional.of(x.size()))") == "optional<int>");
  CHECK(w.typeOf("{'key': {'subkey': 'v'}}.?key.optFlatMap(k, k.?subkey)") == "optional<string>");
  CHECK(w.typeOf("optional.none().optMap(y, y + 1)") == "optional<int>");
  CHECK(w.typeOf("d.optMap(y, y)") == "optional<dyn>");
  test::Checked c = w.check("s.optMap(x, x)");
  REQUIRE(c.errors == 1);
  CHECK(c.diagnostics[0].kind == DiagKind::OptionalExpected);
  CHECK(c.diagnostics[0].message == "`optMap` needs an optional value, found `string`");
  CHECK(w.errorOf("o.optFlatMap(x, x)") ==
        "the result of `optFlatMap` must be optional, found `string`");
}

TEST_SUITE_END();
