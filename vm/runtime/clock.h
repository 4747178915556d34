// Time as the runtime sees it. The simulator moves a virtual clock from record to record and
// timer to timer; a long-running service would put a real clock behind the same interface,
// and the step logic would not change.
#pragma once

#include "vm/value/value.h"

namespace journey::runtime {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp now() const = 0;
  // Moves the clock to `t`; the runtime never moves it backwards.
  virtual void advanceTo(Timestamp t) = 0;
};

class VirtualClock final : public Clock {
 public:
  // At the earliest time a timestamp can hold until it is first moved, so that a run whose
  // first record is before 1970 starts there (the Unix epoch is no boundary for CEL's times).
  VirtualClock() : now_{kMinTimestampSeconds, 0} {}
  explicit VirtualClock(Timestamp start) : now_(start) {}
  Timestamp now() const override { return now_; }
  void advanceTo(Timestamp t) override {
    if (now_ < t) now_ = t;
  }

 private:
  Timestamp now_;
};

}  // namespace journey::runtime
