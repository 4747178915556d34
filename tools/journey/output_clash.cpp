#include "tools/journey/output_clash.h"

#include <sys/stat.h>

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

std::optional<std::string> streamReadTwice(
    const std::vector<std::pair<std::string, std::string>>& inputs) {
  // What an input reads when it cannot be read twice: standard input (`-`, whatever it is), or
  // a pipe by any name (`/dev/stdin` or `/dev/fd/0` of a piped input). A file or a device
  // named twice is opened twice, each reader with its own position.
  struct Stream {
    const std::string* flag;
    bool standardInput;
    bool pipe;
    dev_t device;
    ino_t inode;
  };
  std::vector<Stream> streams;
  for (const auto& [flag, path] : inputs) {
    if (path.empty()) continue;
    struct stat st {};
    bool dash = path == "-";
    if ((dash ? fstat(0, &st) : stat(path.c_str(), &st)) != 0) continue;
    bool pipe = S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode);
    if (!dash && !pipe) continue;
    for (const Stream& earlier : streams) {
      bool samePipe = pipe && earlier.pipe && earlier.device == st.st_dev &&
                      earlier.inode == st.st_ino;
      if (!(dash && earlier.standardInput) && !samePipe) continue;
      std::string what = dash || earlier.standardInput ? "standard input" : path;
      return *earlier.flag + " and " + flag + " both read " + what + ": only one of them can";
    }
    streams.push_back({&flag, dash, pipe, st.st_dev, st.st_ino});
  }
  return std::nullopt;
}

}  // namespace journey::cli
