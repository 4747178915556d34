// compiler/ir/profile_reads: which profile fields a set of audience rules can observe. Each
// case names the fields it expects read; everything else must not be.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "compiler/ir/profile_reads.h"
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

// The fields read by the named audiences' rules, as "Record.field" names.
std::set<std::string> reads(std::initializer_list<std::string> audiences) {
  ir::ProgramIr program = test::lowerSource("reads.journey", kReadsProgram);
  std::vector<ir::ExprIndex> rules;
  for (const std::string& name : audiences) {
    for (const ir::AudienceIr& a : program.audiences) {
      if (a.name == name) rules.push_back(a.rule);
    }
  }
  ir::FieldReads r = ir::profileReads(program, rules);
  std::set<std::string> names;
  for (size_t record = 0; record < r.size(); ++record) {
    const sema::RecordInfo& info = program.types.recordInfo(static_cast<sema::RecordId>(record));
    for (size_t field = 0; field < r[record].size(); ++field) {
      if (r[record][field]) names.insert(info.name + "." + info.fields[field].name);
    }
  }
  return names;
}

using Names = std::set<std::string>;

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
