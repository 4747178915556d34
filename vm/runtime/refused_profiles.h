// The profiles whose lines were rejected, or whose creating `set` was. Every record naming such
// a profile is then rejected as for an unknown profile; the reason says where that line was, so
// that the two rejections read as one cause rather than two.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "vm/runtime/input_records.h"

namespace journey::runtime {

class RefusedProfiles {
 public:
  // A rejected line of the profiles file `input` (one that names no id is not remembered).
  void remember(const Rejection& rejected, std::string_view input);
  // A rejected `set` that would have created profile `id`: line `line` of the records `input`.
  void rememberCreatingSet(std::string_view id, std::string_view input, size_t line);
  // Runtime::unknownProfile's reason, and where the profile's line was rejected if it was.
  std::string unknownProfile(std::string_view id) const;

 private:
  // id → `its profile line (profiles.jsonl, line 3) was rejected`
  std::unordered_map<std::string, std::string> where_;
};

}  // namespace journey::runtime
