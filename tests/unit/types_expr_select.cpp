// Expression checking: field selection, indexing, optional selection, has(), and the warning
// for optional fields read without a presence test.
#include <doctest/doctest.h>

#include "tests/unit/types_support.h"

using namespace journey;
using journey::test::TypeWorld;

namespace {

size_t unguardedWarnings(const test::Checked& c) {
  size_t n = 0;
  for (const Diagnostic& d : c.diagnostics) n += d.kind == DiagKind::UnguardedOptionalRead;
  return n;
}

}  // namespace

TEST_SUITE_BEGIN("types");

TEST_CASE("fields of records, maps and dyn") {
  TypeWorld w;
  test::declareShop(w);
  CHECK(w.typeOf("cart.total") == "double");
  CHECK(w.typeOf("cart.items") == "list<Item>");
  CHECK(w.typeOf("cart.time") == "timestamp");
  CHECK(w.typeOf("cart.items[0].sku") == "string");
  CHECK(w.typeOf("profile.loyalty.tier") == "string");
  CHECK(w.typeOf("profile.loyalty") == "Profile.loyalty");
  CHECK(w.typeOf("m.anything") == "int");
  CHECK(w.typeOf("{'a': {'b': 1}}.a.b") == "int");
  CHECK(w.typeOf("d.a.b.c") == "dyn");

  test::Checked c = w.check("cart.totl");
  REQUIRE(c.errors == 1);
  CHECK(c.diagnostics[0].kind == DiagKind::UnknownField);
  CHECK(c.diagnostics[0].message == "event `CartAbandoned` has no field `totl`");
  CHECK(c.diagnostics[0].helps.at(0) == "did you mean `total`?");
  CHECK(w.errorOf("cart.items[0].skus") == "type `Item` has no field `skus`");
  CHECK(w.errorOf("profile.emial") == "schema `Profile` has no field `emial`");
  CHECK(w.errorOf("profile.loyalty.tire") == "`Profile.loyalty` has no field `tire`");
  CHECK(w.errorOf("cart.total.amount") == "cannot read `.amount`: `double` has no fields");
  CHECK(w.check("cart.total.amount").diagnostics[0].kind == DiagKind::NoFields);
  CHECK(w.errorOf("cart.items.sku") == "cannot read `.sku`: `list<Item>` has no fields");
  CHECK(w.errorOf("mi.a") == "`.a` reads a string key, but the keys of this map are `int`");
}

TEST_CASE("indexing lists and maps") {
  TypeWorld w;
  test::declareShop(w);
  CHECK(w.typeOf("l[0]") == "int");
  CHECK(w.typeOf("l[0u]") == "int");
  CHECK(w.typeOf("l[d]") == "int");
  CHECK(w.typeOf("m['a']") == "int");
  CHECK(w.typeOf("m[d]") == "int");
  CHECK(w.typeOf("mi[1]") == "string");
  CHECK(w.typeOf("{1: 'a', 'b': 2}[1.5]") == "dyn");
  CHECK(w.typeOf("[[1]][0][0]") == "int");
  CHECK(w.typeOf("d[1]") == "dyn");
  CHECK(w.errorOf("l['0']") == "a list index must be `int`, found `string`");
  CHECK(w.check("l['0']").diagnostics[0].kind == DiagKind::InvalidIndex);
  CHECK(w.errorOf("l[1.0]") == "a list index must be `int`, found `double`");
  CHECK(w.errorOf("m[1]") == "the keys of this map are `string`, but the key given is `int`");
  CHECK(w.errorOf("s[0]") == "a value of type `string` cannot be indexed");
  CHECK(w.check("s[0]").diagnostics[0].helps.at(0) == "use `s.charAt(i)` or `s.substring(i, j)`");
  CHECK(w.errorOf("cart['total']") == "a value of type `CartAbandoned` cannot be indexed");
  CHECK(w.check("cart['total']").diagnostics[0].kind == DiagKind::NotIndexable);
}

TEST_CASE("optional selection and indexing") {
  TypeWorld w;
  test::declareShop(w);
  CHECK(w.typeOf("profile.?email") == "optional<string>");
  CHECK(w.typeOf("profile.?email.orValue('')") == "string");
  CHECK(w.typeOf("profile.?address.city") == "optional<string>");
  CHECK(w.typeOf("profile.?address.?zip") == "optional<string>");
  CHECK(w.typeOf("cart.?total") == "optional<double>");
  CHECK(w.typeOf("m.?a") == "optional<int>");
  CHECK(w.typeOf("d.?a") == "optional<dyn>");
  CHECK(w.typeOf("l[?0]") == "optional<int>");
  CHECK(w.typeOf("m[?'a']") == "optional<int>");
  CHECK(w.typeOf("optional.of(l)[0]") == "optional<int>");
  CHECK(w.typeOf("optional.of(m).a") == "optional<int>");
  CHECK(w.typeOf("optional.none()[0]") == "optional<dyn>");
  CHECK(w.typeOf("{'a': {'b': 'c'}}.?a.b") == "optional<string>");
  CHECK(w.errorOf("cart.?totl") == "event `CartAbandoned` has no field `totl`");
  CHECK(w.errorOf("s.?a") == "cannot read `.a`: `string` has no fields");
}

TEST_CASE("has() tests fields of records and keys of maps") {
  TypeWorld w;
  test::declareShop(w);
  CHECK(w.typeOf("has(profile.email)") == "bool");
  CHECK(w.typeOf("has(m.a)") == "bool");
  CHECK(w.typeOf("has(d.a)") == "bool");
  CHECK(w.typeOf("has(bought.cartId)") == "bool");
  CHECK(w.typeOf("has({'x': {'y': 'z'}}.?x.y)") == "bool");
  CHECK(w.check("has(profile.email)").warnings == 0);
  CHECK(w.errorOf("has(profile.emial)") == "schema `Profile` has no field `emial`");
  CHECK(w.errorOf("has(s.a)") == "cannot read `.a`: `string` has no fields");
}

TEST_CASE("reading an optional field without a presence test warns") {
  TypeWorld w;
  test::declareShop(w);
  test::Checked c = w.check("profile.email.startsWith('a')");
  CHECK(c.errors == 0);
  REQUIRE(unguardedWarnings(c) == 1);
  const Diagnostic* warning = nullptr;
  for (const Diagnostic& d : c.diagnostics) {
    if (d.kind == DiagKind::UnguardedOptionalRead) warning = &d;
  }
  REQUIRE(warning);
  CHECK(warning->severity() == Severity::Warning);
  CHECK(warning->message == "`profile.email` is optional and may be absent");
  CHECK(warning->helps.at(0) ==
        "test it first with `has(profile.email)`, or give a fallback: `profile.?email.orValue(…)`");

  CHECK(unguardedWarnings(w.check("bought.cartId == cart.cartId")) == 1);
  CHECK(unguardedWarnings(w.check("profile.address.city")) == 1);  // the optional `address`
  CHECK(unguardedWarnings(w.check("profile.firstName")) == 0);
  CHECK(unguardedWarnings(w.check("profile.timezone")) == 0);  // has a default
  CHECK(unguardedWarnings(w.check("profile.?email.orValue('')")) == 0);
  // Not a plain path: the message names the field and its record.
  test::Checked h = w.check("history(Purchase, 1d)[0].cartId");
  REQUIRE(unguardedWarnings(h) == 1);
  CHECK(h.diagnostics[0].message ==
        "the field `cartId` of event `Purchase` is optional and may be absent");
}

TEST_CASE("has() guards the rest of a condition") {
  TypeWorld w;
  test::declareShop(w);
  CHECK(unguardedWarnings(w.check("has(profile.email) && profile.email.endsWith('.fr')")) == 0);
  CHECK(unguardedWarnings(w.check("has(bought.cartId) && bought.cartId == cart.cartId")) == 0);
  CHECK(unguardedWarnings(w.check("!has(profile.email) || profile.email == ''")) == 0);
  CHECK(unguardedWarnings(w.check("has(profile.email) ? profile.email : 'none'")) == 0);
  CHECK(unguardedWarnings(w.check("!has(profile.email) ? 'none' : profile.email")) == 0);
  CHECK(unguardedWarnings(w.check("has(profile.email) && has(profile.phone) && "
                                  "profile.email != profile.phone")) == 0);
  CHECK(unguardedWarnings(w.check("!(!has(profile.email) || !has(profile.phone)) ? "
                                  "profile.email + profile.phone : ''")) == 0);
  CHECK(unguardedWarnings(w.check("has(profile.address) && has(profile.address.zip) && "
                                  "profile.address.zip != ''")) == 0);
  // Still warned: the wrong branch, the wrong operator, or another field.
  CHECK(unguardedWarnings(w.check("has(profile.email) ? 'x' : profile.email")) == 1);
  CHECK(unguardedWarnings(w.check("has(profile.email) || profile.email == ''")) == 1);
  CHECK(unguardedWarnings(w.check("has(profile.email) && profile.phone == ''")) == 1);
  CHECK(unguardedWarnings(w.check("profile.email == '' && has(profile.email)")) == 1);

  // Guards established outside the expression (an enclosing `if has(...)`).
  sema::Scope guarded(&w.scope);
  guarded.guard("profile.email");
  CHECK(unguardedWarnings(w.check("profile.email.size() > 3", guarded)) == 0);
  CHECK(unguardedWarnings(w.check("profile.phone.size() > 3", guarded)) == 1);
  // Scopes where absence is handled by the runtime (channel addresses).
  sema::Scope absent(&w.scope);
  absent.allowAbsent();
  CHECK(unguardedWarnings(w.check("profile.phone", absent)) == 0);
}

TEST_SUITE_END();
