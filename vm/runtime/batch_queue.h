// Hands batches from one thread to another, in order, holding at most `capacity` of them: a
// simulation's inputs are read and checked on one thread while the runtime applies them on
// another, and the spent batches go back to be destroyed where they were made
// (simulation.cpp).
//
// The consumer takes everything queued at once, so the two threads meet once per run of
// batches rather than once per batch. Either side may close the queue: the producer when it
// has pushed its last batch (what is queued is still taken), the consumer when it stops early
// (the producer's next push fails, so it does not wait forever for room).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

namespace journey::runtime {

template <typename T>
class BatchQueue {
 public:
  explicit BatchQueue(size_t capacity) : capacity_(capacity) {}

  // Waits for room, then queues the item; false (the item dropped) once the queue is closed.
  bool push(T&& item) {
    std::unique_lock lock(mutex_);
    roomFreed_.wait(lock, [&] { return items_.size() < capacity_ || closed_; });
    if (closed_) return false;
    items_.push_back(std::move(item));
    if (items_.size() == 1) itemsAdded_.notify_one();  // the consumer waits only when empty
    return true;
  }

  // Queues the item if there is room, without waiting; false (the item left with the caller)
  // when the queue is full or closed.
  bool tryPush(T&& item) {
    std::lock_guard lock(mutex_);
    if (closed_ || items_.size() >= capacity_) return false;
    items_.push_back(std::move(item));
    if (items_.size() == 1) itemsAdded_.notify_one();
    return true;
  }

  // Waits for items, then moves all of them, in order, into `out` (which must be empty);
  // false when the queue is closed and nothing is left.
  bool takeAll(std::deque<T>& out) {
    std::unique_lock lock(mutex_);
    itemsAdded_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return false;
    out.swap(items_);
    roomFreed_.notify_one();
    return true;
  }

  // Moves whatever is queued into `out` (which must be empty), without waiting.
  void tryTakeAll(std::deque<T>& out) {
    std::lock_guard lock(mutex_);
    out.swap(items_);
    if (!out.empty()) roomFreed_.notify_one();
  }

  void close() {
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
    }
    itemsAdded_.notify_all();
    roomFreed_.notify_all();
  }

 private:
  const size_t capacity_;
  std::mutex mutex_;
  std::condition_variable itemsAdded_;
  std::condition_variable roomFreed_;
  std::deque<T> items_;
  bool closed_ = false;
};

}  // namespace journey::runtime
