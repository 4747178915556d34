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
  noteFirst(kLanes, timer);
}

void TimerQueue::noteFirst(size_t source, const Timer& timer) {
  if (size_ == 1) {
    first_ = source;
  } else if (first_ != kUnknown) {
    const Timer& first = first_ == kLanes ? heap_.front() : lanes_[first_].front();
    // A timer that fires before the first is the front of its lane (which held none firing
    // earlier) or the heap's top.
    if (firesBefore(timer, first)) first_ = source;
  }
}

size_t TimerQueue::firstSource() const {
  if (first_ != kUnknown) return first_;
  const Timer* first = heap_.empty() ? nullptr : &heap_.front();
  size_t source = kLanes;
  for (size_t i = 0; i < kLanes; ++i) {
    if (!lanes_[i].empty() && (!first || firesBefore(lanes_[i].front(), *first))) {
      first = &lanes_[i].front();
      source = i;
    }
  }
  first_ = source;
  return source;
}

const Timer* TimerQueue::top() const {
  if (size_ == 0) return nullptr;
  size_t source = firstSource();
  return source == kLanes ? &heap_.front() : &lanes_[source].front();
}

Timer TimerQueue::pop() {
  size_t source = firstSource();
  Timer first;
  if (source == kLanes) {
    std::pop_heap(heap_.begin(), heap_.end(), firesAfter);
    first = heap_.back();
    heap_.pop_back();
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
}

void TimerQueue::forEachInOrder(const std::function<void(const Timer&)>& visit) const {
  std::vector<Timer> all(heap_.begin(), heap_.end());
  for (const std::deque<Timer>& lane : lanes_) all.insert(all.end(), lane.begin(), lane.end());
  std::sort(all.begin(), all.end(), firesBefore);
  for (const Timer& t : all) visit(t);
}

}  // namespace journey::runtime
