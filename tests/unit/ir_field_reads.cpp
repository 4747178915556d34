// compiler/ir/field_reads: which profile fields a set of audience rules can observe, and which
// event fields a whole program can. Each case names the fields it expects read; everything else
// must not be.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "compiler/ir/field_reads.h"
#include "tests/unit/lowered_program.h"

using namespace journey;

namespace {

const char* kReadsProgram = R"(
type Item { sku: string, qty: int }
schema Profile {
  id: string
  age: int
  email: string?
  loyalty: { tier: string, points: int }
  consents: { email: bool, sms: bool }
  items: list<Item>
  tags: list<string>
}
event Purchase retain 30d { total: double }
audience Tier = profile.loyalty.tier == "gold"
audience Emailable = has(profile.email) && profile.consents.email
audience Tagged = profile.tags.exists(t, t == "vip")
audience Nested = inAudience(Tier) && profile.age > 30
audience Whole = profile.loyalty == profile.loyalty
audience ItemsQty = profile.items.exists(i, i.qty > 1)
audience Buyers = size(history(Purchase, 7d)) > 0
audience Everything = profile == profile
audience OptionalEmail = profile.?email.orValue("") == ""
)";

// Fields marked read, as "Record.field" names.
std::set<std::string> names(const ir::ProgramIr& program, const ir::FieldReads& r) {
  std::set<std::string> names;
  for (size_t record = 0; record < r.size(); ++record) {
    const sema::RecordInfo& info = program.types.recordInfo(static_cast<sema::RecordId>(record));
    for (size_t field = 0; field < r[record].size(); ++field) {
      if (r[record][field]) names.insert(info.name + "." + info.fields[field].name);
    }
  }
  return names;
}

// The fields read by the named audiences' rules.
std::set<std::string> reads(std::initializer_list<std::string> audiences) {
  ir::ProgramIr program = test::lowerSource("reads.journey", kReadsProgram);
  std::vector<ir::ExprIndex> rules;
  for (const std::string& name : audiences) {
    for (const ir::AudienceIr& a : program.audiences) {
      if (a.name == name) rules.push_back(a.rule);
    }
  }
  return names(program, ir::profileReads(program, rules));
}

// The event fields a program's journeys read (every event has an implicit `time`, always read).
std::set<std::string> eventReads(const std::string& journeys) {
  const std::string declarations = R"(
type Item { sku: string, qty: int }
schema Profile { id: string, email: string }
event Cart { cartId: string, total: double, items: list<Item>, note: string? }
event Purchase retain 30d { cartId: string?, total: double, coupon: string? }
event Opened { template: string, device: string }
channel email { address: profile.email }
)";
  ir::ProgramIr program = test::lowerSource("events.journey", declarations + journeys);
  return names(program, ir::eventReads(program));
}

using Names = std::set<std::string>;
const Names kTimes{"Cart.time", "Purchase.time", "Opened.time"};

Names plusTimes(Names n) {
  n.insert(kTimes.begin(), kTimes.end());
  return n;
}

}  // namespace

TEST_CASE("profile reads: selections read the fields on their path only") {
  CHECK(reads({"Tier"}) == Names{"Profile.loyalty", "Profile.loyalty.tier"});
  CHECK(reads({"Emailable"}) ==
        Names{"Profile.email", "Profile.consents", "Profile.consents.email"});
  CHECK(reads({"Buyers"}).empty());
  CHECK(reads({"OptionalEmail"}) == Names{"Profile.email"});
}

TEST_CASE("profile reads: values used whole read everything below them") {
  CHECK(reads({"Tagged"}) == Names{"Profile.tags"});
  CHECK(reads({"Whole"}) ==
        Names{"Profile.loyalty", "Profile.loyalty.tier", "Profile.loyalty.points"});
  CHECK(reads({"ItemsQty"}) == Names{"Profile.items", "Item.sku", "Item.qty"});
  Names everything = reads({"Everything"});
  CHECK(everything.count("Profile.id"));
  CHECK(everything.count("Profile.consents.sms"));
  CHECK(everything.count("Item.sku"));
}

TEST_CASE("profile reads: inAudience adds the named audience's reads; sets combine") {
  CHECK(reads({"Nested"}) == Names{"Profile.age", "Profile.loyalty", "Profile.loyalty.tier"});
  CHECK(reads({"Tier", "Tagged"}) ==
        Names{"Profile.loyalty", "Profile.loyalty.tier", "Profile.tags"});
}

TEST_CASE("event reads: nothing bound, nothing read but the times") {
  CHECK(eventReads("journey J {\n entry on Cart\n send email \"t\"\n}\n") == kTimes);
}

TEST_CASE("event reads: an entry event read through fields keeps those fields") {
  // Projected: the runtime copies cartId, has(note) and total into slots at entry.
  CHECK(eventReads(R"(
journey J {
  entry on Cart as cart when cart.total > 50.0
  key cart.cartId
  if has(cart.note) { send email "t" }
}
)") == plusTimes({"Cart.cartId", "Cart.total", "Cart.note"}));
}

TEST_CASE("event reads: `exit on` and `wait for` bindings read what their expressions select") {
  CHECK(eventReads(R"(
journey J {
  entry on Cart as cart
  exit on Purchase as p when has(p.cartId) && p.cartId == cart.cartId
  wait for Opened as o within 1d {
    on o { send email "t" { template: o.template } }
  }
  send email "u" { total: cart.total }
}
)") == plusTimes({"Cart.cartId", "Cart.total", "Purchase.cartId", "Opened.template"}));
  // A correlation condition reads what it selects.
  CHECK(eventReads(R"(
journey J {
  entry on Cart as cart
  wait for Purchase as p when p.coupon == cart.cartId within 1d {
    on p { send email "t" }
  }
}
)") == plusTimes({"Cart.cartId", "Purchase.coupon"}));
}

TEST_CASE("event reads: nested records read by selection; lists ranged over read whole") {
  CHECK(eventReads(R"(
journey J {
  entry on Cart as cart
  send email "t" { skus: cart.items.map(i, i.sku) }
}
)") == plusTimes({"Cart.items", "Item.sku", "Item.qty"}));
}

TEST_CASE("event reads: an event used as a value is read whole") {
  Names whole = plusTimes({"Cart.cartId", "Cart.total", "Cart.items", "Cart.note", "Item.sku",
                           "Item.qty"});
  CHECK(eventReads(R"(
journey J {
  entry on Cart as cart
  let c = cart
  send email "t" { id: c.cartId }
}
)") == whole);
  // `goto` hands the entry event on as it is.
  CHECK(eventReads(R"(
journey J {
  entry on Cart as cart
  if cart.total > 1.0 { goto K }
}
journey K {
  entry on Cart as big
  send email "t" { id: big.cartId }
}
)") == whole);
}

TEST_CASE("event reads: history lists read their events whole; counts read only times") {
  CHECK(eventReads("audience A = size(history(Purchase, 7d)) > 0\n") == kTimes);
  CHECK(eventReads("audience A = history(Purchase, 7d).exists(p, p.total > 1.0)\n") ==
        plusTimes({"Purchase.cartId", "Purchase.total", "Purchase.coupon"}));
}
