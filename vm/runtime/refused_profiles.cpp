#include "vm/runtime/refused_profiles.h"

#include "vm/runtime/runtime.h"

namespace journey::runtime {

void RefusedProfiles::remember(const Rejection& rejected, std::string_view input) {
  if (rejected.profile.empty()) return;
  // A later line for the same id wins, as a later profile line does.
  where_[rejected.profile] = std::string(input) + ", line " + std::to_string(rejected.line);
}

std::string RefusedProfiles::unknownProfile(std::string_view id) const {
  std::string why = Runtime::unknownProfile(id);
  if (auto it = where_.find(std::string(id)); it != where_.end()) {
    why += ": its profile line (" + it->second + ") was rejected";
  }
  return why;
}

}  // namespace journey::runtime
