#include "vm/runtime/timer_queue.h"

#include <algorithm>

namespace journey::runtime {

namespace {

// The heap's order: std::push_heap keeps the largest on top, so "larger" is "fires later".
bool firesAfter(const Timer& a, const Timer& b) { return firesBefore(b, a); }

}  // namespace

void TimerQueue::push(const Timer& timer, Duration delay) {
  ++size_;
  if (delay != Duration{}) {
    for (size_t i = 0; i < kLanes; ++i) {
      if (laneDelay_[i] == Duration{}) laneDelay_[i] = delay;  // the first free lane is taken
      if (laneDelay_[i] != delay) continue;
      std::deque<Timer>& lane = lanes_[i];
      if (lane.empty() || firesBefore(lane.back(), timer)) {
        lane.push_back(timer);
        noteFirst(i, timer);
        return;
      }
      break;
    }
  }
  heap_.push_back(timer);
  std::push_heap(heap_.begin(), heap_.end(), firesAfter);
  noteFirst(kHeap, timer);
}

void TimerQueue::pushAtSharedInstant(const Timer& timer) {
  ++size_;
  Bucket& bucket = buckets_[timer.due()];
  if (bucket.sorted) {  // being taken already: into its place
    auto from = bucket.timers.begin() + static_cast<std::ptrdiff_t>(bucket.next);
    bucket.timers.insert(std::upper_bound(from, bucket.timers.end(), timer, firesBefore), timer);
  } else {
    bucket.timers.push_back(timer);
    if (firesBefore(timer, bucket.timers[bucket.first])) bucket.first = bucket.timers.size() - 1;
  }
  noteFirst(kBuckets, timer);
}

const Timer& TimerQueue::frontOf(size_t source) const {
  if (source == kHeap) return heap_.front();
  if (source == kBuckets) return buckets_.begin()->second.front();
  return lanes_[source].front();
}

void TimerQueue::noteFirst(size_t source, const Timer& timer) {
  if (size_ == 1) {
    first_ = source;
  } else if (first_ != kUnknown) {
    // A timer that fires before the first is the front of its lane (which held none firing
    // earlier), the heap's top or the first bucket's front.
    if (firesBefore(timer, frontOf(first_))) first_ = source;
  }
}

size_t TimerQueue::firstSource() const {
  if (first_ != kUnknown) return first_;
  const Timer* first = nullptr;
  size_t source = kUnknown;
  auto consider = [&](size_t candidate, const Timer& front) {
    if (!first || firesBefore(front, *first)) {
      first = &front;
      source = candidate;
    }
  };
  if (!heap_.empty()) consider(kHeap, heap_.front());
  if (!buckets_.empty()) consider(kBuckets, buckets_.begin()->second.front());
  for (size_t i = 0; i < kLanes; ++i) {
    if (!lanes_[i].empty()) consider(i, lanes_[i].front());
  }
  first_ = source;
  return source;
}

const Timer* TimerQueue::top() const {
  if (size_ == 0) return nullptr;
  return &frontOf(firstSource());
}

Timer TimerQueue::popFirstBucket() {
  auto it = buckets_.begin();
  Bucket& bucket = it->second;
  if (!bucket.sorted) {
    std::sort(bucket.timers.begin() + static_cast<std::ptrdiff_t>(bucket.next),
              bucket.timers.end(), firesBefore);
    bucket.sorted = true;
  }
  Timer first = bucket.timers[bucket.next++];
  if (bucket.next == bucket.timers.size()) buckets_.erase(it);
  return first;
}

Timer TimerQueue::pop() {
  size_t source = firstSource();
  Timer first;
  if (source == kHeap) {
    std::pop_heap(heap_.begin(), heap_.end(), firesAfter);
    first = heap_.back();
    heap_.pop_back();
  } else if (source == kBuckets) {
    first = popFirstBucket();
  } else {
    first = lanes_[source].front();
    lanes_[source].pop_front();
  }
  --size_;
  first_ = kUnknown;
  return first;
}

void TimerQueue::eraseIf(const std::function<bool(const Timer&)>& stale) {
  size_ = 0;
  first_ = kUnknown;
  for (std::deque<Timer>& lane : lanes_) {
    std::erase_if(lane, stale);
    size_ += lane.size();
  }
  std::erase_if(heap_, stale);
  std::make_heap(heap_.begin(), heap_.end(), firesAfter);
  size_ += heap_.size();
  for (auto it = buckets_.begin(); it != buckets_.end();) {
    Bucket& bucket = it->second;
    bucket.timers.erase(bucket.timers.begin(),
                        bucket.timers.begin() + static_cast<std::ptrdiff_t>(bucket.next));
    bucket.next = 0;
    std::erase_if(bucket.timers, stale);  // keeps the order, sorted or not
    bucket.first = 0;
    for (size_t i = 1; i < bucket.timers.size(); ++i) {
      if (firesBefore(bucket.timers[i], bucket.timers[bucket.first])) bucket.first = i;
    }
    size_ += bucket.timers.size();
    it = bucket.timers.empty() ? buckets_.erase(it) : std::next(it);
  }
}

void TimerQueue::forEachDueBy(Timestamp until,
                              const std::function<void(const Timer&)>& visit) const {
  for (const std::deque<Timer>& lane : lanes_) {
    for (const Timer& timer : lane) {
      if (until < timer.due()) break;
      visit(timer);
    }
  }
  // A heap's children fire after their parent: below a timer due later, none is due.
  std::vector<size_t> pending;
  if (!heap_.empty()) pending.push_back(0);
  while (!pending.empty()) {
    size_t i = pending.back();
    pending.pop_back();
    if (until < heap_[i].due()) continue;
    visit(heap_[i]);
    for (size_t child : {2 * i + 1, 2 * i + 2}) {
      if (child < heap_.size()) pending.push_back(child);
    }
  }
  for (const auto& [due, bucket] : buckets_) {
    if (until < due) break;
    for (size_t i = bucket.next; i < bucket.timers.size(); ++i) visit(bucket.timers[i]);
  }
}

void TimerQueue::forEachInOrder(const std::function<void(const Timer&)>& visit) const {
  std::vector<Timer> all(heap_.begin(), heap_.end());
  for (const std::deque<Timer>& lane : lanes_) all.insert(all.end(), lane.begin(), lane.end());
  for (const auto& [due, bucket] : buckets_) {
    all.insert(all.end(), bucket.timers.begin() + static_cast<std::ptrdiff_t>(bucket.next),
               bucket.timers.end());
  }
  std::sort(all.begin(), all.end(), firesBefore);
  for (const Timer& t : all) visit(t);
}

}  // namespace journey::runtime
