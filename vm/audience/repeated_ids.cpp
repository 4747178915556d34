#include "vm/audience/repeated_ids.h"

#include <absl/hash/hash.h>

#include <functional>

#include "vm/value/json_string.h"

namespace journey::audience {

std::optional<size_t> RepeatedIds::earlierLine(std::string_view id, size_t line) {
  Key key{absl::HashOf(id), std::hash<std::string_view>{}(id)};
  auto [it, added] = lines_.try_emplace(key, line);
  if (added) return std::nullopt;
  return it->second;
}

std::string RepeatedIds::reason(std::string_view id, size_t earlierLine) {
  std::string text = "profile ";
  appendJsonString(text, id);
  return text + " was given before, at line " + std::to_string(earlierLine) +
         ": the first line is kept";
}

}  // namespace journey::audience
