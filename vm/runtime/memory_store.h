// The Store of the simulator: everything in memory, in hash maps and a timer heap.
#pragma once

#include <memory>

#include "vm/runtime/store.h"

namespace journey::runtime {

std::unique_ptr<Store> makeMemoryStore();

}  // namespace journey::runtime
