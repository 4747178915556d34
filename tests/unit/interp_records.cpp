// Expressions over a program's declarations: records by field index, defaults, consts and
// `fn`s inlined, and profiles read from JSON through the schema.
#include <doctest/doctest.h>

#include "tests/unit/interp_support.h"
#include "vm/interp/json_input.h"

using journey::Value;
using journey::test::InterpWorld;

namespace {

const char* kRecordsProgram = R"(
type Item { sku: string, qty: int = 1, price: double }
type Box { items: list<Item>, label: string, first: Item? }
schema Profile {
  id: string
  email: string?
  country: string = "FR"
  loyalty: { tier: string, points: int }
  tags: list<string>
  seen: timestamp?
}
const LIMIT = 10
const TWICE_LIMIT = LIMIT * 2
fn total(i: Item): double = i.price * double(i.qty)
fn twice(x: int): int = x + x
fn quad(x: int): int = twice(twice(x))
)";

Value profileFrom(InterpWorld& w, const std::string& json) {
  journey::interp::JsonInput input{w.fe.program.types, w.layouts, {}};
  return journey::interp::parseJsonAs(json, w.fe.program.symbols.profileType, input, "profile");
}

}  // namespace

TEST_SUITE_BEGIN("interp");

TEST_CASE("record literals fill in defaults and read fields by index") {
  InterpWorld w(kRecordsProgram);
  REQUIRE_MESSAGE(!w.fe.diags.hasErrors(), w.fe.diags.all().front().message);
  CHECK(w.run("Item{sku: 'a', price: 2.5}") == "Item{sku: \"a\", qty: 1, price: 2.5}");
  CHECK(w.run("Item{sku: 'a', qty: 3, price: 2.5}.qty") == "3");
  auto r = w.eval("Item{sku: 'a', price: 2.5}.price > 1.0");
  CHECK(r.value.asBool());
  CHECK(r.bytecode.find(".price #2 of Item") != std::string::npos);
  CHECK(r.ir.find("default qty") != std::string::npos);
}

TEST_CASE("a record literal inside another keeps each its own type") {
  InterpWorld w(kRecordsProgram);
  REQUIRE_MESSAGE(!w.fe.diags.hasErrors(), w.fe.diags.all().front().message);
  CHECK(w.run("Box{items: [Item{sku: 'a', price: 1.0}], label: 'L'}") ==
        "Box{items: [Item{sku: \"a\", qty: 1, price: 1.0}], label: \"L\"}");
  CHECK(w.run("Box{items: [], label: 'L', first: Item{sku: 'b', price: 2.0}}.first.sku") ==
        "\"b\"");
  CHECK(w.run("Box{items: [Item{sku: 'a', price: 1.0}], label: 'L'}.label") == "\"L\"");
}

TEST_CASE("consts and fns are inlined") {
  InterpWorld w(kRecordsProgram);
  CHECK(w.run("TWICE_LIMIT + 1") == "21");
  CHECK(w.run("total(Item{sku: 'a', qty: 2, price: 2.5})") == "5.0");
  CHECK(w.run("quad(3)") == "12");
  CHECK(w.run("[1, 2].map(x, twice(x))") == "[2, 4]");
  auto r = w.eval("twice(4)");
  CHECK(r.ir.find("let x") != std::string::npos);
}

TEST_CASE("profiles read from JSON through the schema") {
  InterpWorld w(kRecordsProgram);
  Value p = profileFrom(w, R"({"id": "u1", "loyalty": {"tier": "gold", "points": 12},
                               "tags": ["a", "b"], "seen": "2026-03-02T10:00:00Z"})");
  REQUIRE_MESSAGE(!p.isError(), std::string(p.errorMessage()));
  w.bind("profile", w.fe.program.symbols.profileType, p);
  CHECK(w.run("profile.loyalty.tier == 'gold' && profile.loyalty.points > 10") == "true");
  CHECK(w.run("has(profile.email)") == "false");
  CHECK(w.run("has(profile.email) ? profile.email : 'none'") == "\"none\"");
  CHECK(w.run("profile.?email.orValue('x')") == "\"x\"");
  CHECK(w.run("profile.tags.exists(t, t == 'b')") == "true");
  CHECK(w.run("profile.seen.getFullYear()") == "2026");
  CHECK(w.run("profile.country").find("is absent") != std::string::npos);  // no defaults given
  CHECK(w.run("profile.email") == "<error: no such field: `email` is absent, test it with `has()` first>");
}

TEST_CASE("fused field comparisons fall back to the general path") {
  InterpWorld w(kRecordsProgram);
  Value p = profileFrom(w, R"({"id": "u1", "loyalty": {"tier": "gold", "points": 12}, "tags": []})");
  REQUIRE(!p.isError());
  w.bind("profile", w.fe.program.symbols.profileType, p);
  auto r = w.eval("profile.loyalty.points >= 10");
  CHECK(r.text() == "true");
  CHECK(r.bytecode.find("ge.int.field") != std::string::npos);
  // An absent field: the fused comparison reads it by the general path, which reports it.
  CHECK(w.run("has(profile.email) || profile.email == 'x'") ==
        "<error: no such field: `email` is absent, test it with `has()` first>");
  CHECK(w.run("profile.email == 'x' || true") == "true");
  CHECK(w.run("profile.loyalty.tier != 'gold'") == "false");
}

TEST_CASE("JSON input reports what does not fit the schema") {
  InterpWorld w(kRecordsProgram);
  auto message = [&](const std::string& json) {
    Value v = profileFrom(w, json);
    return v.isError() ? std::string(v.errorMessage()) : std::string("ok");
  };
  std::string base = R"("id": "u1", "loyalty": {"tier": "gold", "points": 1}, "tags": [])";
  CHECK(message("{" + base + "}") == "ok");
  CHECK(message("{" + base + R"(, "email": null})") == "ok");
  CHECK(message(R"({"id": "u1", "tags": []})") == "profile: missing field `loyalty`");
  CHECK(message(R"({"id": 5, "loyalty": {"tier": "g", "points": 1}, "tags": []})") ==
        "profile.id: expected a string, found the number 5");
  CHECK(message("{" + base + R"(, "nope": 1})") == "profile.nope: `Profile` has no such field");
  CHECK(message("{" + base + R"(, "emial": "a@b"})") ==
        "profile.emial: `Profile` has no such field: did you mean `email`?");
  CHECK(message(R"({"id": "u1", "loyalty": {"tier": "g", "points": 1.5}, "tags": []})") ==
        "profile.loyalty.points: expected an int, found the number 1.5, not a whole number");
  CHECK(message("{" + base + R"(, "seen": "yesterday"})").starts_with("profile.seen: "));
  CHECK(message("[1]") == "profile: expected an object, found an array");
  CHECK(message("{").starts_with("malformed JSON"));
  CHECK(message(" \n ") == "malformed JSON: no complete value found");
  // What is wrong, in the JSON's own terms.
  CHECK(message(R"({"id": "\ud800"})") ==
        "malformed JSON: a string holds an invalid escape (an unknown `\\` escape, or a `\\u` "
        "of half a surrogate pair, such as `\\ud800` alone)");
  // An integer beyond 64 bits is the double it means: an int field refuses it by its path, in
  // a JSON-lines text too.
  CHECK(message(R"({"id": "u1", "loyalty": {"tier": "g", "points": 18446744073709551616}, )"
                R"("tags": []})" "\n{}") ==
        "profile.loyalty.points: expected an int, found the number 1.8446744073709552e+19, "
        "outside -9223372036854775808 to 9223372036854775807");
  CHECK(message(R"({"id": "u1", "loyalty": {"tier": "g", "points": 01}, "tags": []})")
            .starts_with("malformed JSON"));
}

TEST_CASE("JSON input applies defaults through a provider") {
  InterpWorld w(kRecordsProgram);
  journey::interp::JsonInput input{
      w.fe.program.types, w.layouts,
      [](journey::sema::RecordId, size_t) { return Value::string("DE"); }};
  Value p = journey::interp::parseJsonAs(R"({"id": "u1", "loyalty": {"tier": "g", "points": 1},
                                            "tags": []})",
                                         w.fe.program.symbols.profileType, input, "profile");
  REQUIRE(!p.isError());
  w.bind("profile", w.fe.program.symbols.profileType, p);
  CHECK(w.run("profile.country") == "\"DE\"");
}

TEST_SUITE_END();
