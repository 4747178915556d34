// absl's own string_view for a std::string_view: Debian builds absl with a string_view of its
// own, which absl's containers look up and absl's hash hashes with its own fast hash (a
// std::string_view would be hashed through std::hash, libstdc++'s slower byte hash).
#pragma once

#include <string_view>

#include "absl/strings/string_view.h"

namespace journey::runtime {

inline absl::string_view abslView(std::string_view s) { return {s.data(), s.size()}; }

}  // namespace journey::runtime
