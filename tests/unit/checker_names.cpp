// The program checker: names, duplicates, the schema, and dependency cycles.
#include <doctest/doctest.h>

#include "tests/unit/checker_support.h"

using namespace journey::testing;

TEST_SUITE("checker names") {

TEST_CASE("the prelude checks cleanly") {
  auto r = check("");
  INFO(r->rendered());
  CHECK(r->codes().empty());
  CHECK(r->program.symbols.events.size() == 3);
  CHECK(r->program.symbols.profile.has_value());
}

TEST_CASE("a name is unique across declaration kinds") {
  auto r = check("audience Purchase = true\n");
  INFO(r->rendered());
  CHECK(r->codes() == Codes{"DuplicateName"});
  CHECK(r->span("DuplicateName") == "Purchase");
  REQUIRE(r->find("DuplicateName"));
  REQUIRE(r->find("DuplicateName")->secondary.size() == 1);
  CHECK(r->find("DuplicateName")->secondary[0].text == "first declared here, as an event");
}

TEST_CASE("names are unique across the files of a program") {
  auto r = checkFiles({kPrelude, "const Gold = 3\n"});
  INFO(r->rendered());
  CHECK(r->codes() == Codes{"DuplicateName"});
}

TEST_CASE("unknown names suggest the closest declared one") {
  auto r = check("journey J { entry on Purchse }\n");
  INFO(r->rendered());
  CHECK(r->codes() == Codes{"UnknownEvent"});
  CHECK(r->message("UnknownEvent") == "unknown event `Purchse`");
  CHECK(r->find("UnknownEvent")->helps == std::vector<std::string>{"did you mean `Purchase`?"});
}

TEST_CASE("an unknown entry event does not cascade through its binding") {
  auto r = check("journey J {\n entry on Signup as s when s.plan == \"pro\"\n key s.plan\n"
                 " send email \"x\" { plan: s.plan }\n}\n");
  INFO(r->rendered());
  CHECK(r->codes() == Codes{"UnknownEvent"});
}

TEST_CASE("unknown audiences, channels, actions, journeys and types") {
  CHECK(check("journey J { entry on audience Glod }\n")->codes() == Codes{"UnknownAudience"});
  CHECK(checkSteps("send emial \"x\"")->codes() == Codes{"UnknownChannel"});
  CHECK(checkSteps("call crm_scor")->codes() == Codes{"UnknownAction"});
  CHECK(checkSteps("goto Nowhere")->codes() == Codes{"UnknownJourney"});
  auto r = check("type Order { items: list<Iten> }\n");
  CHECK(r->codes() == Codes{"UnknownType"});
  CHECK(r->span("UnknownType") == "Iten");
  CHECK(r->find("UnknownType")->helps == std::vector<std::string>{"did you mean `Item`?"});
}

TEST_CASE("type arguments are counted") {
  CHECK(check("type T { a: list<int, int> }\n")->codes() == Codes{"TypeArity"});
  CHECK(check("type T { a: map<string> }\n")->codes() == Codes{"TypeArity"});
  CHECK(check("type T { a: int<string> }\n")->codes() == Codes{"TypeArity"});
  CHECK(check("type T { a: list }\n")->codes() == Codes{"TypeArity"});
}

TEST_CASE("built-in type names cannot be declared") {
  CHECK(check("type string { a: int }\n")->codes() == Codes{"ReservedName"});
}

TEST_CASE("records resolve named, inline and optional fields") {
  auto r = check("");
  const auto& types = r->program.types;
  const auto& profile = types.recordInfo(*r->program.symbols.profile);
  int loyalty = profile.find("loyalty");
  REQUIRE(loyalty >= 0);
  auto t = profile.fields[loyalty].type;
  REQUIRE(types.kind(t) == journey::sema::TypeKind::Record);
  CHECK(types.recordInfo(types.get(t).record).name == "Profile.loyalty");
  int email = profile.find("email");
  REQUIRE(email >= 0);
  CHECK(profile.fields[email].optional);
  CHECK(types.kind(profile.fields[email].type) == journey::sema::TypeKind::String);
  CHECK(profile.fields[profile.find("timezone")].hasDefault);
  // Events carry the implicit `time`.
  const auto& purchase = r->program.symbols.events.at("Purchase");
  const auto& info = types.recordInfo(purchase.record);
  REQUIRE(info.find("time") >= 0);
  CHECK(types.kind(info.fields[info.find("time")].type) == journey::sema::TypeKind::Timestamp);
}

TEST_CASE("the schema: exactly one, with `id: string`") {
  auto none = checkFiles({"event E { a: int }\njourney J { entry on E }\n"});
  INFO(none->rendered());
  CHECK(none->codes() == Codes{"MissingSchema"});
  // Without journeys or profile reads, a program needs no schema.
  CHECK(checkFiles({"event E { a: int }\nconst X = 3\n"})->codes().empty());
  // Using `profile` without a schema is one error, not one per use.
  auto uses = checkFiles({"audience A = profile.x == 1\naudience B = profile.y == 2\n"});
  CHECK(uses->codes() == Codes{"MissingSchema"});

  CHECK(check("schema Other { id: string }\n")->codes() == Codes{"MultipleSchemas"});
  CHECK(checkFiles({"schema P { email: string }\n"})->codes() == Codes{"SchemaWithoutId"});
  auto wrong = checkFiles({"schema P { id: int }\n"});
  CHECK(wrong->codes() == Codes{"SchemaWithoutId"});
  CHECK(wrong->span("SchemaWithoutId") == "int");
  CHECK(checkFiles({"schema P { id: string? }\n"})->codes() == Codes{"SchemaWithoutId"});
}

TEST_CASE("events cannot declare `time`") {
  auto r = check("event Signup { time: timestamp, plan: string }\n");
  CHECK(r->codes() == Codes{"ReservedEventField"});
  CHECK(r->span("ReservedEventField") == "time");
}

TEST_CASE("duplicate fields") {
  auto r = check("type T { a: int, a: string }\n");
  CHECK(r->codes() == Codes{"DuplicateField"});
  CHECK(r->find("DuplicateField")->secondary.size() == 1);
}

TEST_CASE("audience cycles are reported once with their path") {
  auto r = check("audience A = inAudience(B)\naudience B = inAudience(C) || true\n"
                 "audience C = !inAudience(A)\n");
  INFO(r->rendered());
  CHECK(r->codes() == Codes{"AudienceCycle"});
  CHECK(r->message("AudienceCycle") == "audiences depend on each other in a cycle: `A -> B -> C -> A`");
  CHECK(check("audience A = inAudience(A)\n")->message("AudienceCycle") ==
        "audience `A` depends on itself");
  CHECK(check("audience A = inAudience(Gold)\n")->codes().empty());
}

TEST_CASE("functions are not recursive") {
  auto r = check("fn f(x: int): int = g(x)\nfn g(x: int): int = f(x) + 1\n");
  INFO(r->rendered());
  CHECK(r->codes() == Codes{"FnCycle"});
  CHECK(r->message("FnCycle") == "functions call each other in a cycle: `f -> g -> f`");
  CHECK(check("fn f(x: int): int = x > 0 ? f(x - 1) : 0\n")->codes() == Codes{"FnCycle"});
}

TEST_CASE("constants cannot depend on themselves") {
  auto r = check("const A = B + 1\nconst B = A * 2\n");
  INFO(r->rendered());
  CHECK(r->codes() == Codes{"ConstCycle"});
  CHECK(r->message("ConstCycle") == "constant `A` depends on itself: `A -> B -> A`");
}

TEST_CASE("constants and functions are typed in dependency order") {
  auto r = check("const Total = Base * 2\nconst Base = half(10)\nfn half(x: int) = x / 2\n"
                 "const Label: string = \"n\" + string(Total)\n");
  INFO(r->rendered());
  CHECK(r->codes().empty());
  const auto& types = r->program.types;
  CHECK(types.kind(r->program.symbols.consts.at("Total").type) == journey::sema::TypeKind::Int);
  CHECK(types.kind(r->program.symbols.fns.at("half").result) == journey::sema::TypeKind::Int);
}

TEST_CASE("a comprehension variable is not a reference to a constant") {
  CHECK(check("const x = [1, 2].map(x, x * 2)\n")->codes().empty());
}

TEST_CASE("goto cycles") {
  // A wait that need not let time pass (a computed one may be zero) leaves the cycle at once.
  auto r = check("journey A {\n entry on Purchase\n goto B\n}\n"
                 "journey B {\n entry on Purchase as p\n wait duration(p.orderId)\n goto A\n}\n");
  INFO(r->rendered());
  CHECK(r->codes() == Codes{"GotoCycle"});
  CHECK(r->message("GotoCycle") == "journeys go to each other in a cycle: `A -> B -> A`");
  // Through `wait 1d` the cycle is a loop over time.
  auto daily = check("journey A {\n entry on Purchase\n goto B\n}\n"
                     "journey B {\n entry on Purchase\n wait 1d\n goto A\n}\n");
  INFO(daily->rendered());
  CHECK(daily->codes().empty());
}

}  // TEST_SUITE

TEST_SUITE("checker names") {

TEST_CASE("a schema whose name is taken is still the schema") {
  auto r = checkFiles({"event Profile { a: int }\nschema Profile { id: string }\n"
                       "journey J {\n entry on Profile\n wait 1h\n}\n"});
  INFO(r->rendered());
  CHECK(r->codes() == Codes{"DuplicateName"});
}

TEST_CASE("a duplicate declaration is reported once and its uses resolve to the first") {
  auto r = check("const Limit = 3\nconst Limit = \"x\"\naudience Big = profile.loyalty.points > Limit\n");
  INFO(r->rendered());
  CHECK(r->codes() == Codes{"DuplicateName"});
}

}  // TEST_SUITE
