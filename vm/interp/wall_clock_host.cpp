#include "vm/interp/wall_clock_host.h"

#include <chrono>
#include <string>

namespace journey::interp {

Value WallClockHost::now() {
  auto since = std::chrono::system_clock::now().time_since_epoch();
  int64_t nanos = std::chrono::duration_cast<std::chrono::nanoseconds>(since).count();
  return Value::timestamp(nanos / kNanosPerSecond, nanos % kNanosPerSecond);
}

Value WallClockHost::inAudience(std::string_view name) {
  return Value::error("`inAudience(" + std::string(name) +
                      ")` needs a profile in a running journey (`journey run`)");
}

Value WallClockHost::history(std::string_view event, Duration) {
  return Value::error("`history(" + std::string(event) +
                      ", ...)` needs a profile's events in a running journey (`journey run`)");
}

}  // namespace journey::interp
