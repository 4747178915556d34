// The profiles whose lines were rejected. Every record naming such a profile is then rejected
// as for an unknown profile; the reason says where its line was, so that the two rejections
// read as one cause rather than two.
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
  // Runtime::unknownProfile's reason, and where the profile's line was rejected if it was.
  std::string unknownProfile(std::string_view id) const;

 private:
  std::unordered_map<std::string, std::string> where_;  // id → `profiles.jsonl, line 3`
};

}  // namespace journey::runtime
