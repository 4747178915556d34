// The in-memory store's sends held by quiet hours: an id names its send until released, a
// released id finds nothing until a later send takes it, and sends released in any order
// leave the others as they were; each instance's held sends are found by it
// (Store::heldSendOf). Checked against a std::map model.
#include <doctest/doctest.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "vm/runtime/memory_store.h"

using journey::runtime::HeldSend;
using journey::runtime::makeMemoryStore;

TEST_CASE("held sends: ids name their sends until released, in any order") {
  auto store = makeMemoryStore();
  std::map<uint64_t, std::string> model;  // id -> key of the send it names
  constexpr uint64_t kInstances = 7;
  auto instanceOf = [](const std::string& key) {
    return std::hash<std::string>{}(key) % kInstances + 1;
  };
  auto hold = [&](int n) {
    std::string key = "cart-" + std::to_string(n);
    uint64_t id = store->holdSend(HeldSend{.instance = instanceOf(key), .journey = 1, .step = 2,
                                           .profile = 3, .key = key, .payload = {}});
    REQUIRE(model.count(id) == 0);  // no live id is given twice
    model[id] = key;
    return id;
  };
  auto release = [&](uint64_t id) {
    HeldSend send = store->releaseSend(id);
    CHECK(send.key == model.at(id));
    CHECK(send.journey == 1);
    model.erase(id);
    CHECK(store->heldSend(id) == nullptr);
  };
  auto checkAll = [&] {
    for (const auto& [id, key] : model) {
      const HeldSend* held = store->heldSend(id);
      REQUIRE(held != nullptr);
      CHECK(held->key == key);
    }
    for (uint64_t instance = 1; instance <= kInstances + 1; ++instance) {
      bool holds = false;
      for (const auto& [id, key] : model) holds = holds || instanceOf(key) == instance;
      uint64_t found = store->heldSendOf(instance);
      if (!holds) {
        CHECK(found == 0);
        continue;
      }
      REQUIRE(model.count(found) == 1);
      CHECK(instanceOf(model.at(found)) == instance);
    }
  };

  CHECK(store->heldSend(0) == nullptr);
  CHECK(store->heldSend(1) == nullptr);
  uint64_t a = hold(1), b = hold(2), c = hold(3);
  checkAll();
  release(b);
  checkAll();
  uint64_t d = hold(4);  // may take b's id: it is free again
  checkAll();
  release(a);
  release(d);
  checkAll();
  // Many at once, released from both ends and the middle.
  std::vector<uint64_t> ids;
  for (int n = 10; n < 200; ++n) ids.push_back(hold(n));
  for (size_t i = 0; i < ids.size(); i += 3) release(ids[i]);
  checkAll();
  for (int n = 200; n < 260; ++n) hold(n);
  checkAll();
  release(c);
  while (!model.empty()) release(model.rbegin()->first);
  CHECK(store->heldSend(c) == nullptr);
}
