// Expression checking: record literals of declared types, events and the schema.
#include <doctest/doctest.h>

#include "tests/unit/types_support.h"

using namespace journey;
using journey::test::TypeWorld;

TEST_SUITE_BEGIN("types");

TEST_CASE("record literals build values of declared types") {
  TypeWorld w;
  test::declareShop(w);
  CHECK(w.typeOf("Item{sku: 'a', qty: 1, price: 2.5}") == "Item");
  CHECK(w.typeOf("Item{sku: 'a', qty: 1, price: 2.5}.qty") == "int");
  CHECK(w.typeOf("Address{city: 'Paris'}") == "Address");  // `zip` is optional
  CHECK(w.typeOf("Address{city: 'Paris', zip: '75001'}") == "Address");
  CHECK(w.typeOf("Address{city: 'Paris', ?zip: optional.of('75001')}") == "Address");
  CHECK(w.typeOf("Purchase{orderId: 'o', total: 1.0}") == "Purchase");  // `time` is implicit
  CHECK(w.typeOf("Item{sku: d, qty: d, price: d}") == "Item");
  CHECK(w.typeOf("[Item{sku: 'a', qty: 1, price: 2.5}] + cart.items") == "list<Item>");
}

TEST_CASE("record literal mistakes") {
  TypeWorld w;
  test::declareShop(w);
  test::Checked c = w.check("Iteem{sku: 'a'}");
  REQUIRE(c.errors == 1);
  CHECK(c.diagnostics[0].kind == DiagKind::UnknownType);
  CHECK(c.diagnostics[0].message == "unknown type `Iteem`");
  CHECK(c.diagnostics[0].helps.at(0) == "did you mean `Item`?");

  c = w.check("Item{sku: 'a', qty: 1, price: 2.5, colour: 'red'}");
  REQUIRE(c.errors == 1);
  CHECK(c.diagnostics[0].kind == DiagKind::UnknownField);
  CHECK(c.diagnostics[0].message == "type `Item` has no field `colour`");

  c = w.check("Item{sku: 'a', qty: 1, qty: 2, price: 2.5}");
  REQUIRE(c.errors == 1);
  CHECK(c.diagnostics[0].kind == DiagKind::DuplicateField);
  CHECK(c.diagnostics[0].message == "field `qty` is given twice");

  c = w.check("Item{sku: 'a'}");
  REQUIRE(c.errors == 1);
  CHECK(c.diagnostics[0].kind == DiagKind::MissingField);
  CHECK(c.diagnostics[0].message == "missing fields `qty` and `price` in type `Item`");
  CHECK(w.errorOf("Item{sku: 'a', qty: 1}") == "missing field `price` in type `Item`");
  CHECK(w.errorOf("Item{price: 1.0}") == "missing fields `sku` and `qty` in type `Item`");

  CHECK(w.errorOf("Item{sku: 'a', qty: 1.5, price: 2.5}") ==
        "field `qty` of type `Item` must be `int`, found `double`");
  CHECK(w.errorOf("Item{sku: 'a', qty: 1, price: 2}") ==
        "field `price` of type `Item` must be `double`, found `int`");
  CHECK(w.errorOf("Address{city: 'Paris', ?zip: '75001'}") ==
        "an optional field `?zip: value` needs an optional value, found `string`");
  CHECK(w.errorOf("Address{?city: optional.of('Paris')}") ==
        "field `city` of type `Address` is required, so it cannot be set optionally");
  // A mistake inside a field value is reported once, and the literal keeps its type.
  c = w.check("Item{sku: crat, qty: 1, price: 2.5}.qty + 1");
  CHECK(c.errors == 1);
}

TEST_SUITE_END();
