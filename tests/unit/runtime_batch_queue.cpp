// vm/runtime/batch_queue: batches cross from a producing thread to a consuming one in order,
// never more than the capacity at once (in items, and in bytes unless one item alone is over),
// and a consumer that closes the queue early releases a producer waiting for room; the calls
// that do not wait neither wait nor lose an item.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <deque>
#include <thread>
#include <vector>

#include "vm/runtime/batch_queue.h"

using journey::runtime::BatchQueue;

TEST_SUITE("runtime") {

TEST_CASE("batch queue: every item arrives once, in order, never more than the capacity held") {
  constexpr int kItems = 20'000;
  constexpr size_t kCapacity = 3;
  BatchQueue<std::vector<int>> queue(kCapacity, SIZE_MAX);
  int refusedPushes = 0;  // checked after the join: an assertion may not throw on that thread
  std::thread producer([&] {
    for (int i = 0; i < kItems; ++i) refusedPushes += !queue.push(std::vector<int>{i, -i}, 1);
    queue.close();
  });
  std::vector<int> seen;
  size_t largestTake = 0;
  std::deque<std::vector<int>> taken;
  while (queue.takeAll(taken)) {
    largestTake = std::max(largestTake, taken.size());
    for (const std::vector<int>& item : taken) {
      REQUIRE(item.size() == 2);
      CHECK(item[1] == -item[0]);
      seen.push_back(item[0]);
    }
    taken.clear();
  }
  producer.join();
  CHECK(refusedPushes == 0);
  REQUIRE(seen.size() == kItems);
  for (int i = 0; i < kItems; ++i) CHECK(seen[static_cast<size_t>(i)] == i);
  CHECK(largestTake <= kCapacity);
  CHECK(largestTake >= 1);
}

TEST_CASE("batch queue: what was pushed before the producer closed is still taken") {
  BatchQueue<int> queue(8, SIZE_MAX);
  for (int i = 0; i < 5; ++i) REQUIRE(queue.push(int{i}, 1));
  queue.close();
  CHECK_FALSE(queue.push(99, 1));  // closed: refused
  std::deque<int> taken;
  REQUIRE(queue.takeAll(taken));
  CHECK(taken == std::deque<int>{0, 1, 2, 3, 4});
  taken.clear();
  CHECK_FALSE(queue.takeAll(taken));
  CHECK(taken.empty());
}

TEST_CASE("batch queue: a consumer that closes early releases the producer waiting for room") {
  BatchQueue<int> queue(2, SIZE_MAX);
  std::atomic<int> pushed{0};
  std::atomic<bool> refused{false};
  std::thread producer([&] {
    for (int i = 0; i < 1'000; ++i) {
      if (!queue.push(int{i}, 1)) {
        refused = true;
        return;
      }
      ++pushed;
    }
  });
  std::deque<int> taken;
  REQUIRE(queue.takeAll(taken));  // at least one arrived; the producer soon waits for room
  queue.close();
  producer.join();  // would hang if the waiting push were not released
  CHECK(refused);
  CHECK(pushed < 1'000);
}

TEST_CASE("batch queue: trying never waits, and a refused item stays with the caller") {
  BatchQueue<std::vector<int>> queue(2, SIZE_MAX);
  std::deque<std::vector<int>> taken;
  queue.tryTakeAll(taken);  // empty: returns at once
  CHECK(taken.empty());
  std::vector<int> a{1}, b{2}, c{3};
  CHECK(queue.tryPush(std::move(a), 1));
  CHECK(queue.tryPush(std::move(b), 1));
  CHECK_FALSE(queue.tryPush(std::move(c), 1));  // full
  CHECK(c == std::vector<int>{3});           // not taken
  queue.tryTakeAll(taken);
  REQUIRE(taken.size() == 2);
  CHECK(taken[0] == std::vector<int>{1});
  CHECK(taken[1] == std::vector<int>{2});
  CHECK(queue.tryPush(std::move(c), 1));  // room again
  queue.close();
  std::vector<int> d{4};
  CHECK_FALSE(queue.tryPush(std::move(d), 1));  // closed
  CHECK(d == std::vector<int>{4});
  taken.clear();
  queue.tryTakeAll(taken);  // what was queued before the close
  REQUIRE(taken.size() == 1);
  CHECK(taken[0] == std::vector<int>{3});
}

TEST_CASE("batch queue: bytes bound what it holds, but one item of any size is taken") {
  BatchQueue<int> queue(100, 10);
  CHECK(queue.tryPush(1, 4));
  CHECK(queue.tryPush(2, 6));  // 10 bytes: full
  CHECK_FALSE(queue.tryPush(3, 1));
  std::deque<int> taken;
  queue.tryTakeAll(taken);
  CHECK(taken == std::deque<int>{1, 2});
  CHECK(queue.tryPush(4, 50));       // alone, over the bound: taken rather than never
  CHECK_FALSE(queue.tryPush(5, 0));  // nothing fits beside it
  taken.clear();
  queue.tryTakeAll(taken);
  CHECK(taken == std::deque<int>{4});

  // A producer of large items waits for the consumer: never more than the bound queued.
  constexpr int kItems = 2'000;
  std::thread producer([&] {
    for (int i = 0; i < kItems; ++i) queue.push(int{i}, 3);
    queue.close();
  });
  size_t largestTake = 0;
  int seen = 0;
  taken.clear();
  while (queue.takeAll(taken)) {
    largestTake = std::max(largestTake, taken.size());
    for (int item : taken) CHECK(item == seen++);
    taken.clear();
  }
  producer.join();
  CHECK(seen == kItems);
  CHECK(largestTake <= 3);  // 3 items of 3 bytes: 9 of the 10
}

}  // TEST_SUITE
