// The history windows audience rules look through (`size(history(Purchase, 180d)) == 0`). An
// old event leaving a window can change a membership with nothing else changing, so the runtime
// re-evaluates a profile's audiences at the instant the oldest event in one of their windows
// leaves it (a timer), and otherwise only when something a rule reads changes.
#pragma once

#include <cstdint>
#include <vector>

#include "compiler/ir/program_ir.h"
#include "vm/value/value.h"

namespace journey::runtime {

struct AudienceWindow {
  uint32_t event = 0;
  Duration length;
};

struct AudienceWindows {
  // Per audience, the windows of its rule and of the audiences it reads (`inAudience`).
  std::vector<std::vector<AudienceWindow>> windows;
  // Per audience: a window whose event or length is not a constant (or an audience named by
  // an expression): when it moves is not known, so any record re-evaluates the audience, as
  // one that reads `now()`.
  std::vector<bool> unknown;
  // Per audience, the audiences whose rules read it (`inAudience`), directly or through
  // others: they can change when its membership is decided elsewhere (an input record).
  std::vector<std::vector<uint32_t>> readers;
};

AudienceWindows findAudienceWindows(const ir::ProgramIr& program);

}  // namespace journey::runtime
