// The store's timers in firing order: by due time, then by rank (Timer's TimerRank), then by
// sequence (the order they were set).
//
// Most timers are set at a fixed delay from the clock (`wait 1h`, `within 2d`, a journey's
// `timeout`), and the clock only moves forward, so the timers of one delay arrive already in
// firing order. The queue keeps a FIFO lane per delay (for the first few delays it is given)
// and a binary heap for the other timers. Taking the first timer then compares a few lane
// fronts with the heap's top instead of sifting through a heap of millions: on a run with a
// million waiting instances each sift was a chain of cache misses.
//
// Other timers fall due at instants that many of them share: sends held by quiet hours all
// end at a zone's local `to`. Those are kept in one bucket per instant, appended as they
// come and put in firing order once, when the first of them is taken.
#pragma once

#include <array>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <vector>

#include "vm/runtime/state.h"

namespace journey::runtime {

class TimerQueue {
 public:
  // `timer.sequence` must be larger than that of every timer queued before it. `delay`: how
  // long after the current time it is due, when it was set at a fixed delay; zero otherwise.
  // Only a hint: a timer that would not keep its lane in order goes to the heap.
  void push(const Timer& timer, Duration delay = {});
  // The same, for a timer due at an instant that many others are likely to share.
  void pushAtSharedInstant(const Timer& timer);
  // The first timer to fire, or null when none is queued.
  const Timer* top() const;
  // Removes the first timer (one must be queued) and returns it.
  Timer pop();
  size_t size() const { return size_; }

  // Drops the timers `stale` says are stale; the others keep their order.
  void eraseIf(const std::function<bool(const Timer&)>& stale);
  // Every queued timer, in firing order.
  void forEachInOrder(const std::function<void(const Timer&)>& visit) const;
  // Every queued timer due by `until`, in no set order; the cost is in proportion to how many
  // there are.
  void forEachDueBy(Timestamp until, const std::function<void(const Timer&)>& visit) const;
  // Up to `max` of the timers due by `until`, in no set order: each lane's from its front, the
  // heap's top, each bucket's. What prefetching needs: the timers about to fire, cheaply found.
  template <typename Visit>
  void forEachDueBy(Timestamp until, size_t max, Visit visit) const {
    for (const std::deque<Timer>& lane : lanes_) {
      for (const Timer& timer : lane) {
        if (max == 0 || until < timer.due()) break;
        visit(timer);
        --max;
      }
    }
    if (max > 0 && !heap_.empty() && !(until < heap_.front().due())) {
      visit(heap_.front());
      --max;
    }
    for (const auto& [due, bucket] : buckets_) {
      if (max == 0 || until < due) break;
      for (size_t i = bucket.next; i < bucket.timers.size() && max > 0; ++i, --max) {
        visit(bucket.timers[i]);
      }
    }
  }

 private:
  static constexpr size_t kLanes = 8;
  static constexpr size_t kHeap = kLanes;
  static constexpr size_t kBuckets = kLanes + 1;

  // The timers of one instant not yet taken: [next, end) of `timers`, in firing order once
  // `sorted` (the first is taken), else in the order they came, the first to fire at `first`.
  struct Bucket {
    std::vector<Timer> timers;
    size_t next = 0;
    size_t first = 0;
    bool sorted = false;
    const Timer& front() const { return timers[sorted ? next : first]; }
  };

  // Where the first timer is: a lane's index, kHeap or kBuckets; none when empty.
  size_t firstSource() const;
  const Timer& frontOf(size_t source) const;
  // The same, kept from one call to the next (each record asks for the first timer, and a pop
  // follows the question): a push updates it, a pop forgets it.
  static constexpr size_t kUnknown = kBuckets + 1;
  void noteFirst(size_t source, const Timer& timer);
  Timer popFirstBucket();

  std::array<std::deque<Timer>, kLanes> lanes_;
  std::array<Duration, kLanes> laneDelay_{};  // zero: the lane is not taken yet
  std::vector<Timer> heap_;  // the timers that fit no lane, earliest first
  std::map<Timestamp, Bucket> buckets_;  // by their instant; none empty
  size_t size_ = 0;
  mutable size_t first_ = kUnknown;
};

// Firing order: earlier due time first, then the lower rank, then the one set first.
inline bool firesBefore(const Timer& a, const Timer& b) {
  if (a.seconds != b.seconds) return a.seconds < b.seconds;
  if (a.nanos != b.nanos) return a.nanos < b.nanos;
  if (a.rank != b.rank) return a.rank < b.rank;
  return a.sequence < b.sequence;
}

}  // namespace journey::runtime
