// compiler/ir/binding_reads: the fields of a journey's entry event that its expressions read,
// or none when the binding may be observed whole (then the instance keeps the whole record).
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "compiler/ir/binding_reads.h"
#include "tests/unit/lowered_program.h"

using namespace journey;

namespace {

// The fields of Cart that journey J of `journeys` keeps, or "whole".
std::string kept(const std::string& journeys) {
  std::string text = R"(
type Item { sku: string, qty: int }
schema Profile { id: string }
event Cart { cartId: string, total: double, items: list<Item>, note: string? }
event Paid { cartId: string }
channel push { address: profile.id, consent: true }
)" + journeys;
  ir::ProgramIr program = test::lowerSource("binding.journey", text);
  for (uint32_t j = 0; j < program.journeys.size(); ++j) {
    if (program.journeys[j].name != "J") continue;
    std::optional<std::vector<bool>> read = ir::entryFieldsRead(program, j);
    if (!read) return "whole";
    const ir::EventIr& cart = program.events[static_cast<size_t>(program.findEvent("Cart"))];
    const sema::RecordInfo& info = program.types.recordInfo(cart.record);
    REQUIRE(read->size() == info.fields.size());
    std::string names;
    for (size_t i = 0; i < read->size(); ++i) {
      if ((*read)[i]) names += (names.empty() ? "" : " ") + info.fields[i].name;
    }
    return names;
  }
  FAIL("no journey J");
  return "";
}

}  // namespace

TEST_SUITE("ir binding reads") {

TEST_CASE("fields selected or tested anywhere in the journey are kept, the others are not") {
  CHECK(kept(R"(
journey J {
  entry on Cart as cart when cart.total > 50.0
  key cart.cartId
  exit on Paid as p when p.cartId == cart.cartId
  wait 1h
  if has(cart.note) {
    send push "note"
  }
})") == "cartId total note");
  CHECK(kept(R"(
journey J {
  entry on Cart as cart
  wait 1h
  send push "hello"
})") == "");
  CHECK(kept(R"(
journey J {
  entry on Cart
  send push "items" { n: size(event.items) }
})") == "items");
}

TEST_CASE("a binding observed whole keeps every field") {
  CHECK(kept(R"(
journey J {
  entry on Cart as cart
  let c = cart
  send push "x" { id: c.cartId }
})") == "whole");
  CHECK(kept(R"(
journey J {
  entry on Cart as cart
  send push "x" { same: cart == cart }
})") == "whole");
  CHECK(kept(R"(
journey K {
  entry on Cart as cart
  send push "k" { n: size(cart.items) }
}
journey J {
  entry on Cart as cart
  wait 1h
  goto K
})") == "whole");
}

TEST_CASE("journeys without an entry event keep nothing to trim") {
  CHECK(kept(R"(
audience All = true
journey J {
  entry on audience All
  send push "x"
})") == "whole");
}

}  // TEST_SUITE
