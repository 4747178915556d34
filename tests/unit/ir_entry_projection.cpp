// compiler/ir/entry_projection: a journey that reads its entry event only through fields holds
// those fields in slots of their own; one that may observe the event whole keeps the event.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "compiler/ir/entry_projection.h"
#include "tests/unit/lowered_program.h"

using namespace journey;

namespace {

const char* kDeclarations = R"(
type Item { sku: string, qty: int }
schema Profile { id: string }
event Cart { cartId: string, total: double, items: list<Item>, note: string? }
event Paid { cartId: string }
channel push { address: profile.id, consent: true }
)";

ir::ProgramIr lowered(const std::string& journeys) {
  return test::lowerSource("projection.journey", kDeclarations + journeys);
}

const ir::JourneyIr& journeyJ(const ir::ProgramIr& program) {
  int j = program.findJourney("J");
  REQUIRE(j >= 0);
  return program.journeys[static_cast<size_t>(j)];
}

// The fields of Cart that journey J holds ("has(note)" for a test of presence), or "whole".
std::string projected(const std::string& journeys) {
  ir::ProgramIr program = lowered(journeys);
  const ir::JourneyIr& j = journeyJ(program);
  if (!j.entryFields) return "whole";
  const ir::EventIr& cart = program.events[static_cast<size_t>(program.findEvent("Cart"))];
  const sema::RecordInfo& info = program.types.recordInfo(cart.record);
  std::string names;
  for (const ir::EntryFieldIr& f : *j.entryFields) {
    const std::string& name = info.fields[f.field].name;
    names += (names.empty() ? "" : " ") + (f.presence ? "has(" + name + ")" : name);
  }
  return names;
}

// Every node reachable from an expression's root.
std::vector<const ir::Node*> nodes(const ir::ProgramIr& program, ir::NodeId root) {
  std::vector<const ir::Node*> out;
  std::vector<ir::NodeId> work{root};
  while (!work.empty()) {
    ir::NodeId id = work.back();
    work.pop_back();
    if (id == ir::kNoNode) continue;
    const ir::Node& n = program.pool[id];
    out.push_back(&n);
    for (ir::NodeId kid : n.kids) work.push_back(kid);
    for (ir::NodeId part : {n.loop.range, n.loop.init, n.loop.condition, n.loop.filter,
                            n.loop.step, n.loop.result}) {
      if (n.kind == ir::NodeKind::Comprehension) work.push_back(part);
    }
  }
  return out;
}

}  // namespace

TEST_SUITE("ir entry projection") {

TEST_CASE("fields selected or tested anywhere in the journey get slots of their own") {
  CHECK(projected(R"(
journey J {
  entry on Cart as cart when cart.total > 50.0
  key cart.cartId
  exit on Paid as p when p.cartId == cart.cartId
  wait 1h
  if has(cart.note) {
    send push "note" { note: cart.note }
  }
})") == "cartId total note has(note)");
  CHECK(projected(R"(
journey J {
  entry on Cart as cart
  wait 1h
  send push "hello"
})") == "");
  CHECK(projected(R"(
journey J {
  entry on Cart
  send push "items" { n: size(event.items) }
})") == "items");
}

TEST_CASE("a binding observed whole keeps the event") {
  CHECK(projected(R"(
journey J {
  entry on Cart as cart
  let c = cart
  send push "x" { id: c.cartId }
})") == "whole");
  CHECK(projected(R"(
journey J {
  entry on Cart as cart
  send push "x" { same: cart == cart }
})") == "whole");
  CHECK(projected(R"(
journey K {
  entry on Cart as cart
  send push "k" { n: size(cart.items) }
}
journey J {
  entry on Cart as cart
  wait 1h
  goto K
})") == "whole");
  CHECK(projected(R"(
audience All = true
journey J {
  entry on audience All
  send push "x"
})") == "whole");
}

TEST_CASE("the expressions read the slots, and their own locals move past the frame") {
  ir::ProgramIr program = lowered(R"(
journey J {
  entry on Cart as cart when cart.items.exists(i, i.qty > 1) && has(cart.note)
  send push "x" { total: cart.total }
})");
  const ir::JourneyIr& j = journeyJ(program);
  REQUIRE(j.entryFields);
  REQUIRE(j.entryFields->size() == 3);  // total, items, has(note): in field order
  // The first field reuses the binding's slot; the others are new slots at the frame's end.
  CHECK(j.entryFields->at(0).slot == j.entrySlot);
  CHECK(j.entryFields->at(1).slot == j.frame.size() - 2);
  CHECK(j.entryFields->at(2).slot == j.frame.size() - 1);
  CHECK(j.frame[j.entrySlot] == "cart.total");
  CHECK(j.frame.back() == "has(cart.note)");

  const auto& when = std::get<ir::EventEntryIr>(j.entry).when;
  const ir::LoweredExpr& e = program.exprs[when];
  CHECK(e.inputCount == j.frame.size());
  CHECK(e.slotCount > e.inputCount);  // the comprehension's variable, past the inputs
  for (const ir::Node* n : nodes(program, e.root)) {
    // No selection on the binding is left, and no local overlaps an input.
    bool onBinding = (n->kind == ir::NodeKind::Field || n->kind == ir::NodeKind::TestField) &&
                     !n->kids.empty() && program.pool[n->kids[0]].kind == ir::NodeKind::Variable &&
                     program.pool[n->kids[0]].name == "cart";
    CHECK_FALSE(onBinding);
    if (n->kind == ir::NodeKind::Comprehension) CHECK(n->loop.iterVar >= e.inputCount);
  }
}

}  // TEST_SUITE
