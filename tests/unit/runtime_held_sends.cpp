// The in-memory store's sends held by quiet hours: an id names its send until released, a
// released id finds nothing until a later send takes it, and sends released in any order
// leave the others as they were; a live instance's held sends are found by it, oldest first
// (Store::heldSendOf), and no longer once it has ended; holding one marks its instance.
// Checked against a std::map model.
#include <doctest/doctest.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "vm/runtime/memory_store.h"

using journey::Value;
using journey::runtime::HeldSend;
using journey::runtime::Instance;
using journey::runtime::InstanceId;
using journey::runtime::makeMemoryStore;

TEST_CASE("held sends: ids name their sends until released, in any order") {
  auto store = makeMemoryStore();
  std::map<uint64_t, std::string> model;  // id -> key of the send it names
  std::map<uint64_t, int> heldOrder;      // id -> when it was held
  std::vector<InstanceId> instances;
  const auto profile = store->addProfile("p1", Value(), 0).ref;
  for (int i = 0; i < 7; ++i) {
    Instance instance;
    instance.key = Value::string("k" + std::to_string(i));
    instance.profile = profile;
    instances.push_back(store->addInstance(std::move(instance)).id);
  }
  auto instanceOf = [&](const std::string& key) {
    return instances[std::hash<std::string>{}(key) % instances.size()];
  };
  int holds = 0;
  auto hold = [&](int n) {
    std::string key = "cart-" + std::to_string(n);
    uint64_t id = store->holdSend(HeldSend{.instance = instanceOf(key), .journey = 1, .step = 2,
                                           .profile = profile, .key = key, .payload = {}});
    REQUIRE(model.count(id) == 0);  // no live id is given twice
    if (const Instance* instance = store->findInstance(instanceOf(key))) {
      CHECK(instance->holdsSends);  // so that its exit looks for what it holds
    }
    model[id] = key;
    heldOrder[id] = holds++;
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
    for (InstanceId instance : instances) {
      uint64_t oldest = 0;  // of the sends the instance holds, while it is live
      if (store->findInstance(instance)) {
        for (const auto& [id, key] : model) {
          if (instanceOf(key) != instance) continue;
          if (!oldest || heldOrder.at(id) < heldOrder.at(oldest)) oldest = id;
        }
      }
      CHECK(store->heldSendOf(instance) == oldest);
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
  // An instance that ends leaves its sends held (delivered later), no longer found by it.
  store->removeInstance(instances[0]);
  store->removeInstance(instances[3]);
  checkAll();
  Instance next;  // takes a freed slot, not what its last instance held
  next.key = Value::string("k-next");
  next.profile = profile;
  CHECK(store->heldSendOf(store->addInstance(std::move(next)).id) == 0);
  for (int n = 260; n < 300; ++n) hold(n);
  checkAll();
  release(c);
  while (!model.empty()) release(model.rbegin()->first);
  checkAll();
  CHECK(store->heldSend(c) == nullptr);
}
