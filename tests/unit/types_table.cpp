// TypeTable (interning, printing, patterns) and the assignability relation.
#include <doctest/doctest.h>

#include "tests/unit/types_support.h"

using namespace journey;
using namespace journey::sema;

TEST_SUITE_BEGIN("types");

TEST_CASE("types are interned: equal types have equal ids") {
  TypeTable t;
  CHECK(t.list(t.int64()) == t.list(t.int64()));
  CHECK(t.list(t.int64()) != t.list(t.uint64()));
  CHECK(t.map(t.string(), t.dyn()) == t.map(t.string(), t.dyn()));
  CHECK(t.optional(t.string()) == t.parsePattern("optional<string>"));
  CHECK(t.param("A") == t.parsePattern("A"));
  CHECK(t.kind(t.error()) == TypeKind::Error);
  CHECK(t.kind(t.null()) == TypeKind::Null);
}

TEST_CASE("types print as users write them") {
  TypeTable t;
  CHECK(t.print(t.int64()) == "int");
  CHECK(t.print(t.uint64()) == "uint");
  CHECK(t.print(t.double64()) == "double");
  CHECK(t.print(t.boolean()) == "bool");
  CHECK(t.print(t.bytes()) == "bytes");
  CHECK(t.print(t.null()) == "null_type");
  CHECK(t.print(t.dyn()) == "dyn");
  CHECK(t.print(t.timestamp()) == "timestamp");
  CHECK(t.print(t.duration()) == "duration");
  CHECK(t.print(t.list(t.string())) == "list<string>");
  CHECK(t.print(t.map(t.string(), t.int64())) == "map<string, int>");
  CHECK(t.print(t.optional(t.int64())) == "optional<int>");
  CHECK(t.print(t.typeOf(t.int64())) == "type<int>");
  CHECK(t.print(t.typeOf(t.dyn())) == "type");
  CHECK(t.print(t.param("A")) == "A");
  CHECK(t.print(t.list(t.map(t.param("K"), t.list(t.param("V"))))) == "list<map<K, list<V>>>");
  RecordId item = t.addRecord(RecordInfo{"Item", RecordOrigin::Type, {}, {}});
  CHECK(t.print(t.record(item)) == "Item");
  CHECK(t.print(t.list(t.record(item))) == "list<Item>");
}

TEST_CASE("patterns parse every stdlib spelling") {
  TypeTable t;
  CHECK(t.parsePattern("int") == t.int64());
  CHECK(t.parsePattern("uint") == t.uint64());
  CHECK(t.parsePattern("null_type") == t.null());
  CHECK(t.parsePattern("type") == t.typeOf(t.dyn()));
  CHECK(t.parsePattern("type<A>") == t.typeOf(t.param("A")));
  CHECK(t.parsePattern("map<K, V>") == t.map(t.param("K"), t.param("V")));
  CHECK(t.parsePattern("map<K,V>") == t.map(t.param("K"), t.param("V")));
  CHECK(t.parsePattern("list<list<dyn>>") == t.list(t.list(t.dyn())));
}

TEST_CASE("record fields are found by name") {
  RecordInfo info{
      "Item", RecordOrigin::Type, {{"sku", 0, false, false, {}}, {"qty", 0, false, false, {}}}, {}};
  CHECK(info.find("sku") == 0);
  CHECK(info.find("qty") == 1);
  CHECK(info.find("price") == -1);
}

TEST_CASE("assignability follows CEL's gradual typing") {
  test::TypeWorld w;
  test::FieldSpec sku{"sku", "string"};
  w.declareType("Item", {sku});
  w.declareType("Other", {sku});
  ExprChecker c(w.context());
  TypeTable& t = w.types;
  auto ok = [&](std::string_view from, std::string_view to) {
    return c.assignable(w.type(from), w.type(to));
  };

  CHECK(ok("int", "int"));
  CHECK(ok("int", "dyn"));
  CHECK(ok("dyn", "int"));
  CHECK(c.assignable(t.error(), t.int64()));
  CHECK(c.assignable(t.string(), t.error()));
  // No implicit numeric conversion.
  CHECK_FALSE(ok("int", "double"));
  CHECK_FALSE(ok("uint", "int"));
  CHECK_FALSE(ok("double", "int"));
  // Containers element-wise, dyn inside too.
  CHECK(ok("list<int>", "list<int>"));
  CHECK(ok("list<int>", "list<dyn>"));
  CHECK(ok("list<dyn>", "list<string>"));
  CHECK_FALSE(ok("list<int>", "list<string>"));
  CHECK(ok("map<string, int>", "map<string, dyn>"));
  CHECK_FALSE(ok("map<string, int>", "map<int, int>"));
  CHECK(ok("optional<int>", "optional<int>"));
  CHECK_FALSE(ok("optional<int>", "int"));
  CHECK_FALSE(ok("int", "optional<int>"));
  // Type parameters unify consistently.
  CHECK(ok("list<int>", "list<A>"));
  CHECK(ok("map<string, int>", "map<K, V>"));
  CHECK(ok("map<string, string>", "map<A, A>"));
  CHECK_FALSE(ok("map<string, int>", "map<A, A>"));
  // null is only null (and dyn): records and optionals are not nullable in Journey.
  CHECK(ok("null_type", "null_type"));
  CHECK(ok("null_type", "dyn"));
  CHECK_FALSE(ok("null_type", "Item"));
  CHECK_FALSE(ok("null_type", "optional<int>"));
  CHECK_FALSE(ok("null_type", "string"));
  // Records by identity.
  CHECK(ok("Item", "Item"));
  CHECK_FALSE(ok("Item", "Other"));
  CHECK(ok("list<Item>", "list<dyn>"));
  // Type values compare loosely: `type(x)` knows `list`, not `list<int>`.
  CHECK(ok("type<int>", "type"));
  CHECK(ok("type<list<int>>", "type<list<string>>"));
}

TEST_SUITE_END();
