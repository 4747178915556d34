// An instance's slots (JourneyIr::frame): a fixed-size array of Values, allocated once when
// the instance starts. Two words, not a vector's three, and no capacity to spare: a run holds
// one per waiting instance.
#pragma once

#include <cstdint>
#include <new>
#include <utility>

#include "vm/value/value.h"

namespace journey::runtime {

class Frame {
 public:
  Frame() = default;
  explicit Frame(uint32_t size) : size_(size) {
    if (size == 0) return;
    slots_ = static_cast<Value*>(::operator new(sizeof(Value) * size));
    for (uint32_t i = 0; i < size; ++i) new (slots_ + i) Value();
  }
  Frame(Frame&& other) noexcept
      : slots_(std::exchange(other.slots_, nullptr)), size_(std::exchange(other.size_, 0)) {}
  Frame& operator=(Frame&& other) noexcept {
    if (this != &other) {
      release();
      slots_ = std::exchange(other.slots_, nullptr);
      size_ = std::exchange(other.size_, 0);
    }
    return *this;
  }
  Frame(const Frame&) = delete;
  Frame& operator=(const Frame&) = delete;
  ~Frame() { release(); }

  uint32_t size() const { return size_; }
  Value* data() { return slots_; }
  Value& operator[](size_t i) { return slots_[i]; }

 private:
  void release() {
    for (uint32_t i = 0; i < size_; ++i) slots_[i].~Value();
    ::operator delete(slots_, sizeof(Value) * size_);  // sized: see freeHeapObject
    slots_ = nullptr;
    size_ = 0;
  }

  Value* slots_ = nullptr;
  uint32_t size_ = 0;
};

// Slot 0 of a frame is `profile`. An instance's frame keeps it empty and lends it the profile
// only while the instance evaluates: a waiting instance then holds no reference to its profile,
// so a `set` record changes the profile in place instead of copying it, and running an
// instance touches no reference count on the profile's (often cold) line. The loan must end
// before the frame can go: not across a step that may end the instance.
class ProfileLoan {
 public:
  ProfileLoan(Value* frame, const Value& profile) : slot_(frame[0]) { slot_.lend(profile); }
  ~ProfileLoan() { slot_.unlend(); }
  ProfileLoan(const ProfileLoan&) = delete;
  ProfileLoan& operator=(const ProfileLoan&) = delete;

 private:
  Value& slot_;
};

}  // namespace journey::runtime
