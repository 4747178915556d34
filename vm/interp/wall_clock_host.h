// The Host of evaluations outside a running journey (`journey eval`, the conformance runner):
// `now()` reads the wall clock; there is no profile, so `inAudience()` and `history()` are
// errors.
#pragma once

#include "stdlib/function.h"

namespace journey::interp {

class WallClockHost final : public stdlib::Host {
 public:
  Value now() override;
  Value inAudience(std::string_view name) override;
  Value history(std::string_view event, Duration window) override;
};

}  // namespace journey::interp
