#include "tools/journey/output_clash.h"

#include <filesystem>

namespace journey::cli {

namespace {

bool isStream(const std::string& path) { return path.empty() || path == "-"; }

// Whether two paths name one file: by identity when both exist, else by their paths made
// absolute and normal (an output not written yet: `o.jsonl` and `./o.jsonl`).
bool sameFile(const std::string& a, const std::string& b) {
  std::error_code ec;
  if (std::filesystem::equivalent(a, b, ec) && !ec) return true;
  std::filesystem::path ca = std::filesystem::weakly_canonical(a, ec);
  if (ec) return false;
  std::filesystem::path cb = std::filesystem::weakly_canonical(b, ec);
  return !ec && ca == cb;
}

}  // namespace

std::optional<std::string> outputClash(
    const std::vector<std::pair<std::string, std::string>>& outputs,
    const std::vector<NamedInput>& inputs) {
  for (size_t i = 0; i < outputs.size(); ++i) {
    const auto& [flag, output] = outputs[i];
    if (isStream(output)) continue;
    for (const NamedInput& input : inputs) {
      if (isStream(input.path)) continue;
      std::error_code ec;
      if (std::filesystem::equivalent(output, input.path, ec) && !ec) {
        return flag + " " + output + " is " + input.what +
               ": writing it would destroy what is to be read";
      }
    }
    for (size_t j = 0; j < i; ++j) {
      const auto& [earlierFlag, earlier] = outputs[j];
      if (!isStream(earlier) && sameFile(output, earlier)) {
        return flag + " " + output + " is the file " + earlierFlag + " names: each would " +
               "overwrite the other's lines (give `-` to both to write them together)";
      }
    }
  }
  return std::nullopt;
}

}  // namespace journey::cli
