// Hands batches from one thread to another, in order, holding at most `capacity` of them and
// at most `byteCapacity` bytes (what each batch holds, as its producer counts it; a batch alone
// is always taken, whatever its size): a simulation's inputs are read and checked on one
// thread while the runtime applies them on another, and the spent batches go back to be
// destroyed where they were made (simulation.cpp).
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
  BatchQueue(size_t capacity, size_t byteCapacity)
      : capacity_(capacity), byteCapacity_(byteCapacity) {}

  // Waits for room, then queues the item of `bytes`; false (the item dropped) once the queue is
  // closed.
  bool push(T&& item, size_t bytes) {
    std::unique_lock lock(mutex_);
    roomFreed_.wait(lock, [&] { return hasRoom(bytes) || closed_; });
    if (closed_) return false;
    add(std::move(item), bytes);
    return true;
  }

  // Queues the item if there is room, without waiting; false (the item left with the caller)
  // when the queue is full or closed.
  bool tryPush(T&& item, size_t bytes) {
    std::lock_guard lock(mutex_);
    if (closed_ || !hasRoom(bytes)) return false;
    add(std::move(item), bytes);
    return true;
  }

  // Waits for items, then moves all of them, in order, into `out` (which must be empty);
  // false when the queue is closed and nothing is left.
  bool takeAll(std::deque<T>& out) {
    std::unique_lock lock(mutex_);
    itemsAdded_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return false;
    out.swap(items_);
    bytes_ = 0;
    roomFreed_.notify_one();
    return true;
  }

  // Moves whatever is queued into `out` (which must be empty), without waiting.
  void tryTakeAll(std::deque<T>& out) {
    std::lock_guard lock(mutex_);
    out.swap(items_);
    bytes_ = 0;
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
  bool hasRoom(size_t bytes) const {
    return items_.empty() || (items_.size() < capacity_ && bytes_ + bytes <= byteCapacity_);
  }
  void add(T&& item, size_t bytes) {
    items_.push_back(std::move(item));
    bytes_ += bytes;
    if (items_.size() == 1) itemsAdded_.notify_one();  // the consumer waits only when empty
  }

  const size_t capacity_;
  const size_t byteCapacity_;
  size_t bytes_ = 0;
  std::mutex mutex_;
  std::condition_variable itemsAdded_;
  std::condition_variable roomFreed_;
  std::deque<T> items_;
  bool closed_ = false;
};

}  // namespace journey::runtime
