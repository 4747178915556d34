// The timer queue (vm/runtime/timer_queue.h) against a plain sorted set: the same timers come
// out in the same order, whether they arrive at fixed delays (the lanes), without a delay or
// with a delay hint they do not keep (the heap), at instants many share (the buckets), with
// equal due times, interleaved with pops or thinned out by eraseIf; and the timers due by a
// time, as the store's prefetch looks for them.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <set>
#include <vector>

#include "vm/runtime/timer_queue.h"

using namespace journey;
using namespace journey::runtime;

namespace {

struct FiresBefore {
  bool operator()(const Timer& a, const Timer& b) const { return firesBefore(a, b); }
};

// A queue and the reference it must match, fed the same timers.
struct Both {
  TimerQueue queue;
  std::set<Timer, FiresBefore> reference;
  uint64_t sequence = 0;

  void push(int64_t seconds, int32_t nanos = 0, Duration delay = {}, TimerRank rank = 0) {
    Timer t(Timestamp{seconds, nanos}, Timer::Kind::Resume, sequence, rank);
    t.sequence = ++sequence;
    queue.push(t, delay);
    reference.insert(t);
  }
  void pushShared(int64_t seconds, TimerRank rank) {
    Timer t(Timestamp{seconds, 0}, Timer::Kind::HeldSend, sequence, rank);
    t.sequence = ++sequence;
    queue.pushAtSharedInstant(t);
    reference.insert(t);
  }
  void popAndCompare() {
    REQUIRE(queue.top() != nullptr);
    const Timer expected = *reference.begin();
    CHECK(queue.top()->sequence == expected.sequence);
    Timer got = queue.pop();
    CHECK(got.sequence == expected.sequence);
    CHECK(got.due() == expected.due());
    reference.erase(reference.begin());
    CHECK(queue.size() == reference.size());
  }
  void drain() {
    while (!reference.empty()) popAndCompare();
    CHECK(queue.top() == nullptr);
    CHECK(queue.size() == 0);
  }
};

}  // namespace

TEST_SUITE("runtime timer queue") {

TEST_CASE("an empty queue has no first timer") {
  TimerQueue q;
  CHECK(q.top() == nullptr);
  CHECK(q.size() == 0);
}

TEST_CASE("fixed delays from a clock moving forward, mixed with out-of-order timers") {
  std::mt19937_64 random(7);
  for (int delays : {1, 3, 8, 12}) {  // more delays than lanes sends some to the heap
    CAPTURE(delays);
    Both b;
    int64_t now = 1000;
    for (int i = 0; i < 5000; ++i) {
      now += static_cast<int64_t>(random() % 3);  // ties at the same instant too
      int kind = static_cast<int>(random() % 10);
      if (kind < 6) {
        int64_t delay = 3600 * (1 + static_cast<int64_t>(random() % delays));
        b.push(now + delay, 0, Duration{delay, 0});
      } else if (kind < 7) {  // a wrong hint: the delay is not the one the lane holds
        b.push(now + static_cast<int64_t>(random() % 100000), 0, Duration{3600, 0});
      } else if (kind < 9) {
        b.push(now + static_cast<int64_t>(random() % 100000), static_cast<int32_t>(random() % 3));
      } else {
        b.push(now);  // due at once, behind timers already due at the same instant
      }
      if (random() % 3 == 0) b.popAndCompare();
    }
    b.drain();
  }
}

TEST_CASE("equal due times fire in the order they were set, across lanes and the heap") {
  Both b;
  for (int i = 0; i < 20; ++i) b.push(500, 0, Duration{400, 0});
  for (int i = 0; i < 20; ++i) b.push(100 + i % 7);
  for (int i = 0; i < 20; ++i) b.push(500, 0, Duration{i % 2 ? 300 : 400, 0});
  b.drain();
}

TEST_CASE("equal due times fire by rank first, whenever each was set") {
  Both b;
  std::mt19937_64 random(5);
  for (int64_t now = 0; now < 2000; ++now) {
    // Timers of a lane due together, of ranks in no order (an old instance resumed by a
    // record after a younger one waited): the lane keeps those in order, the heap the rest.
    TimerRank rank = timerRank(random() % 50, static_cast<uint32_t>(random() % 3));
    b.push(now / 4 + 100, 0, Duration{100 - now % 4, 0}, rank);
    if (random() % 4 == 0) b.push(now / 4 + 100, 0, Duration{}, rank);
    if (random() % 3 == 0) b.popAndCompare();
  }
  b.drain();
  CHECK(timerRank(1, 0) > timerRank(0, kRankNoJourney));  // input before journey
  CHECK(timerRank(3, 70000) == timerRank(3, kRankNoJourney));
}

TEST_CASE("timers at shared instants fire by rank and order among the lanes' and the heap's") {
  std::mt19937_64 random(13);
  Both b;
  int64_t now = 0;
  for (int i = 0; i < 6000; ++i) {
    now += static_cast<int64_t>(random() % 2);
    // A few instants, each shared by many timers of ranks in no order; some are pushed into
    // an instant whose timers are being taken (due now), most well ahead.
    int64_t instant = (now / 500 + static_cast<int64_t>(random() % 3)) * 500;
    TimerRank rank = timerRank(random() % 40, static_cast<uint32_t>(random() % 3));
    switch (random() % 4) {
      case 0: b.pushShared(std::max(instant, now), rank); break;
      case 1: b.push(now + 700, 0, Duration{700, 0}, rank); break;
      case 2: b.push(instant, 0, Duration{}, rank); break;  // the same instants, in the heap
      default: b.pushShared(now, rank); break;
    }
    if (random() % 2 == 0) b.popAndCompare();
  }
  b.drain();
}

TEST_CASE("eraseIf and forEachDueBy see the timers at shared instants") {
  Both b;
  std::mt19937_64 random(17);
  for (int i = 0; i < 2000; ++i) {
    b.pushShared(100 * static_cast<int64_t>(random() % 6),
                 timerRank(random() % 9, kRankNoJourney));
    if (i % 5 == 0) b.push(static_cast<int64_t>(random() % 600));
  }
  for (int i = 0; i < 300; ++i) b.popAndCompare();  // the first bucket is being taken
  std::set<uint64_t> due;
  b.queue.forEachDueBy(Timestamp{200, 0}, [&](const Timer& t) {
    CHECK(t.due().seconds <= 200);
    CHECK(due.insert(t.sequence).second);
  });
  std::set<uint64_t> expected;
  for (const Timer& t : b.reference) {
    if (t.due().seconds <= 200) expected.insert(t.sequence);
  }
  CHECK(due == expected);
  size_t prefetched = 0;
  b.queue.forEachDueBy(Timestamp{200, 0}, 50, [&](const Timer& t) {
    CHECK(expected.count(t.sequence) == 1);
    ++prefetched;
  });
  CHECK(prefetched == std::min<size_t>(50, expected.size()));
  auto stale = [](const Timer& t) { return t.sequence % 4 == 1; };
  b.queue.eraseIf(stale);
  std::erase_if(b.reference, stale);
  CHECK(b.queue.size() == b.reference.size());
  std::vector<uint64_t> visited, inOrder;
  b.queue.forEachInOrder([&](const Timer& t) { visited.push_back(t.sequence); });
  for (const Timer& t : b.reference) inOrder.push_back(t.sequence);
  CHECK(visited == inOrder);
  for (int i = 0; i < 200; ++i) b.pushShared(300, timerRank(random() % 9, kRankNoJourney));
  b.drain();
}

TEST_CASE("eraseIf drops the stale timers and keeps the order of the rest") {
  Both b;
  std::mt19937_64 random(11);
  for (int i = 0; i < 3000; ++i) {
    b.push(static_cast<int64_t>(i / 2 + random() % 50 * (i % 3)), 0, Duration{i % 3 == 0 ? 1 : 0, 0});
  }
  auto stale = [](const Timer& t) { return t.sequence % 3 == 0; };
  b.queue.eraseIf(stale);
  std::erase_if(b.reference, stale);
  CHECK(b.queue.size() == b.reference.size());
  std::vector<uint64_t> visited;
  b.queue.forEachInOrder([&](const Timer& t) { visited.push_back(t.sequence); });
  std::vector<uint64_t> expected;
  for (const Timer& t : b.reference) expected.push_back(t.sequence);
  CHECK(visited == expected);
  for (int i = 0; i < 100; ++i) b.push(2000 + i);
  b.drain();
}

TEST_CASE("forEachDueBy visits the lanes' timers due by a time, up to a count, and the heap's top") {
  TimerQueue q;
  uint64_t sequence = 0;
  std::vector<Timer> laneTimers, heapTimers;
  auto push = [&](int64_t seconds, Duration delay, std::vector<Timer>& into) {
    Timer t(Timestamp{seconds, 0}, Timer::Kind::Resume, 0, 0);
    t.sequence = ++sequence;
    q.push(t, delay);
    into.push_back(t);
  };
  for (int64_t now = 0; now < 100; now += 5) {  // two lanes, each in order
    push(now + 10, Duration{10, 0}, laneTimers);
    push(now + 20, Duration{20, 0}, laneTimers);
  }
  for (int64_t at : {70, 15, 40}) push(at, Duration{}, heapTimers);  // no delay: the heap

  auto visitedBy = [&](int64_t until, size_t max) {
    std::set<uint64_t> seen;
    q.forEachDueBy(Timestamp{until, 0}, max, [&](const Timer& t) {
      CHECK(t.due().seconds <= until);
      CHECK(seen.insert(t.sequence).second);  // each timer once
    });
    return seen;
  };
  for (int64_t until : {5, 15, 30, 55, 200}) {
    CAPTURE(until);
    std::set<uint64_t> expected;
    for (const Timer& t : laneTimers) {
      if (t.due().seconds <= until) expected.insert(t.sequence);
    }
    if (until >= 15) expected.insert(heapTimers[1].sequence);  // the top, due at 15
    CHECK(visitedBy(until, 1000) == expected);
    CHECK(visitedBy(until, 3).size() == std::min<size_t>(3, expected.size()));
  }
  CHECK(visitedBy(200, 0).empty());
  CHECK(q.size() == laneTimers.size() + heapTimers.size());  // visiting takes nothing off
}

TEST_CASE("forEachDueBy without a count visits every timer due by a time, the heap's too") {
  TimerQueue q;
  std::vector<Timer> all;
  std::mt19937 random(7);
  uint64_t sequence = 0;
  for (int i = 0; i < 2000; ++i) {
    int64_t now = i / 4;
    bool lane = random() % 2 == 0;
    int64_t due = lane ? now + 30 : static_cast<int64_t>(random() % 600);
    Timer t(Timestamp{due, static_cast<int32_t>(random() % 3)}, Timer::Kind::Resume, 0, 0);
    t.sequence = ++sequence;
    q.push(t, lane ? Duration{30, 0} : Duration{});
    all.push_back(t);
  }
  for (int64_t until : {-1, 0, 17, 250, 400, 599, 700}) {
    CAPTURE(until);
    std::set<uint64_t> expected, seen;
    for (const Timer& t : all) {
      if (!(Timestamp{until, 1} < t.due())) expected.insert(t.sequence);
    }
    q.forEachDueBy(Timestamp{until, 1}, [&](const Timer& t) {
      CHECK(seen.insert(t.sequence).second);  // each timer once
    });
    CHECK(seen == expected);
  }
}

}  // TEST_SUITE
