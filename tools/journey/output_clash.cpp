#include "tools/journey/output_clash.h"

#include <filesystem>

namespace journey::cli {

std::optional<std::string> outputClash(
    const std::vector<std::pair<std::string, std::string>>& outputs,
    const std::vector<NamedInput>& inputs) {
  for (const auto& [flag, output] : outputs) {
    if (output.empty() || output == "-") continue;
    for (const NamedInput& input : inputs) {
      if (input.path.empty() || input.path == "-") continue;
      std::error_code ec;
      if (std::filesystem::equivalent(output, input.path, ec) && !ec) {
        return flag + " " + output + " is " + input.what +
               ": writing it would destroy what is to be read";
      }
    }
  }
  return std::nullopt;
}

}  // namespace journey::cli
