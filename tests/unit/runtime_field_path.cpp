// vm/runtime/field_path: which expressions are a plain field path of an input, and what reading
// one gives (null wherever the engine must decide).
#include <doctest/doctest.h>

#include <string>

#include "tests/unit/lowered_program.h"
#include "vm/runtime/field_path.h"

using namespace journey;
using runtime::FieldPath;
using runtime::fieldPathOf;
using runtime::readFieldPath;

namespace {

const char* kPathsProgram = R"(
schema Profile {
  id: string
  email: string?
  consents: { email: bool, sms: bool }
  scores: map<string, int>
}
channel email { address: profile.email, consent: profile.consents.email }
channel sms { address: profile.id, consent: !profile.consents.sms }
audience Path = profile.consents.email
audience Compared = profile.consents.email == true
audience Tested = has(profile.email)
audience Indexed = profile.scores["a"] > 1
audience Optional = profile.?email.orValue("") == ""
)";

struct Paths {
  ir::ProgramIr program = test::lowerSource("paths.journey", kPathsProgram);

  std::optional<FieldPath> of(ir::ExprIndex e) const {
    return fieldPathOf(program.pool, program.exprs[e], program.layouts);
  }
  std::optional<FieldPath> audience(const std::string& name) const {
    for (const ir::AudienceIr& a : program.audiences) {
      if (a.name == name) return of(a.rule);
    }
    FAIL("no audience " << name);
    return std::nullopt;
  }
  const RecordLayout& layout(const std::string& name) const {
    for (size_t i = 0; i < program.layouts.size(); ++i) {
      if (program.layouts[i].name == name) return program.layouts[i];
    }
    FAIL("no layout " << name);
    return program.layouts[0];
  }
};

}  // namespace

TEST_SUITE("runtime") {

TEST_CASE("field paths: only an input's fields, field after field, are a path") {
  Paths p;
  const ir::ChannelIr& email = p.program.channels[0];
  std::optional<FieldPath> consent = p.of(email.consent);
  REQUIRE(consent);
  CHECK(consent->slot == 0);
  REQUIRE(consent->steps.size() == 2);
  CHECK(consent->steps[0].layout == &p.layout("Profile"));
  CHECK(consent->steps[0].field == 2);
  CHECK(consent->steps[1].layout == &p.layout("Profile.consents"));
  CHECK(consent->steps[1].field == 0);
  std::optional<FieldPath> address = p.of(email.address);
  REQUIRE(address);
  CHECK(address->steps.size() == 1);
  CHECK(p.audience("Path"));

  CHECK_FALSE(p.of(p.program.channels[1].consent));  // a negation
  CHECK_FALSE(p.audience("Compared"));
  CHECK_FALSE(p.audience("Tested"));
  CHECK_FALSE(p.audience("Indexed"));
  CHECK_FALSE(p.audience("Optional"));
}

TEST_CASE("field paths: a present field is read, anything else is left to the engine") {
  Paths p;
  std::optional<FieldPath> consent = p.of(p.program.channels[0].consent);
  std::optional<FieldPath> address = p.of(p.program.channels[0].address);
  REQUIRE(consent);
  REQUIRE(address);

  RecordBuilder consents(p.layout("Profile.consents"));
  consents.set(0, Value::boolean(true)).set(1, Value::boolean(false));
  RecordBuilder profile(p.layout("Profile"));
  profile.set(0, Value::string("p1")).set(2, consents.build());
  Value withoutEmail = profile.build();

  const Value* read = readFieldPath(*consent, withoutEmail);
  REQUIRE(read != nullptr);
  CHECK(read->asBool());
  CHECK(readFieldPath(*address, withoutEmail) == nullptr);  // absent: the engine's error
  Value withEmail = withField(withoutEmail, 1, Value::string("ann@example.com"));
  read = readFieldPath(*address, withEmail);
  REQUIRE(read != nullptr);
  CHECK(read->asString() == "ann@example.com");

  // A record of another layout, or no record at all, is not read.
  RecordLayout lookalike("Profile", {"id", "email", "consents", "scores"});
  RecordBuilder other(lookalike);
  other.set(1, Value::string("ann@example.com"));
  CHECK(readFieldPath(*address, other.build()) == nullptr);
  CHECK(readFieldPath(*address, Value::string("ann@example.com")) == nullptr);
  CHECK(readFieldPath(*consent, Value()) == nullptr);
}

}  // TEST_SUITE
