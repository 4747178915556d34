#include "vm/runtime/refused_profiles.h"

#include "vm/runtime/runtime.h"

namespace journey::runtime {

void RefusedProfiles::remember(const Rejection& rejected, std::string_view input) {
  if (rejected.profile.empty()) return;
  // A later line for the same id wins, as a later profile line does.
  where_[rejected.profile] = "its profile line (" + std::string(input) + ", line " +
                             std::to_string(rejected.line) + ") was rejected";
}

void RefusedProfiles::rememberCreatingSet(std::string_view id, std::string_view input,
                                          size_t line) {
  where_[std::string(id)] = "the `set` that would have created it (" + std::string(input) +
                            ", line " + std::to_string(line) + ") was rejected";
}

std::string RefusedProfiles::unknownProfile(std::string_view id) const {
  std::string why = Runtime::unknownProfile(id);
  if (auto it = where_.find(std::string(id)); it != where_.end()) {
    why += ": " + it->second;
  }
  return why;
}

}  // namespace journey::runtime
