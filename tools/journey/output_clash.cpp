#include "tools/journey/output_clash.h"

#include <filesystem>

#include "tools/journey/same_file.h"

namespace journey::cli {

namespace {

bool isStream(const std::string& path) { return path.empty() || path == "-"; }

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

std::optional<std::string> standardInputTwice(
    const std::vector<std::pair<std::string, std::string>>& inputs) {
  const std::string* first = nullptr;
  for (const auto& [flag, path] : inputs) {
    if (path != "-") continue;
    if (first != nullptr) {
      return *first + " and " + flag + " both read standard input: only one of them can";
    }
    first = &flag;
  }
  return std::nullopt;
}

}  // namespace journey::cli
