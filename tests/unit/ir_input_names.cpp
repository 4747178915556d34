// compiler/ir/input_names: an expression's root names, looked up as a scope binds them (a later
// slot hides an earlier one of the same name); and a journey's expressions list only the
// inputs they read, however many `let`s the frame holds.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "compiler/ir/input_names.h"
#include "tests/unit/lowered_program.h"

using namespace journey;

TEST_CASE("input names: the last slot of a name, dotted prefixes, a slot pushed later") {
  ir::InputNames names({"profile", "cart", "", "total", "cart"});
  CHECK(names.size() == 5);
  CHECK(names.lookup("profile") == 0);
  CHECK(names.lookup("cart") == 4);  // the later slot hides the earlier
  CHECK(names.lookup("total") == 3);
  CHECK(names.lookup("") == ir::kNoSlot);  // a slot no expression reaches by name
  CHECK(names.lookup("missing") == ir::kNoSlot);
  CHECK(names.namesPrefixOf("cart.items"));
  CHECK(names.namesPrefixOf("total.x.y"));
  CHECK_FALSE(names.namesPrefixOf("cart"));
  CHECK_FALSE(names.namesPrefixOf("carts.items"));

  ir::InputNames copy = names;  // as an `exit on … as b` gives its own `when`
  copy.push("total");
  CHECK(copy.lookup("total") == 5);
  CHECK(names.lookup("total") == 3);  // the copy's slot hides nothing of the original's
  names.push("late");
  CHECK(names.lookup("late") == 5);
  CHECK(names.names().back() == "late");
}

TEST_CASE("a journey's expressions list the inputs they read, not the whole frame") {
  constexpr int kLets = 300;
  std::string text = R"(
schema Profile { id: string }
event Ping { n: int }
channel push { address: profile.id, consent: true }
journey J {
  entry on Ping as p
)";
  for (int i = 0; i < kLets; ++i) {
    text += "  let v" + std::to_string(i) + " = " +
            (i == 0 ? std::string("p.n") : "v" + std::to_string(i - 1)) + " + 1\n";
  }
  text += "  send push \"t\" { n: v" + std::to_string(kLets - 1) + ", id: profile.id }\n}\n";
  ir::ProgramIr program = test::lowerSource("lets.journey", text);
  const ir::JourneyIr& j = program.journeys.at(static_cast<size_t>(program.findJourney("J")));
  REQUIRE(j.frame.size() > kLets);

  int lets = 0;
  for (const ir::StepIr& step : j.steps) {
    const auto* let = std::get_if<ir::LetIr>(&step.kind);
    if (!let) continue;
    ++lets;
    const ir::LoweredExpr& e = program.exprs[let->value];
    CHECK(e.inputCount == j.frame.size());  // read in place from the whole frame
    REQUIRE(e.inputs.size() == 1);          // but names only what it reads
    CHECK(e.inputs[0].name == j.frame[e.inputs[0].slot]);
    if (j.frame[let->slot] != "v0") CHECK(e.inputs[0].slot == let->slot - 1);
  }
  CHECK(lets == kLets);

  const ir::LoweredExpr* payload = nullptr;
  for (const ir::StepIr& step : j.steps) {
    if (const auto* send = std::get_if<ir::SendIr>(&step.kind)) {
      REQUIRE(send->payload.size() == 2);
      payload = &program.exprs[send->payload[1].value];  // `id: profile.id`
    }
  }
  REQUIRE(payload != nullptr);
  REQUIRE(payload->inputs.size() == 1);
  CHECK(payload->inputs[0].name == "profile");
  CHECK(payload->inputs[0].slot == 0);
}
