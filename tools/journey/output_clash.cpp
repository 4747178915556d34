#include "tools/journey/output_clash.h"

#include <sys/stat.h>
#include <unistd.h>


#include "compiler/source/source_manager.h"
#include "tools/journey/same_file.h"

namespace journey::cli {

namespace {

bool isStandard(const std::string& path) { return path == "-"; }

// What a path, or a standard stream ("-"), writes to or reads from, when that is something a
// second opening would overwrite or contend for: a regular file, a pipe or a socket (not a
// terminal or /dev/null, which any number may write).
struct Identity {
  dev_t device;
  ino_t inode;
  bool regular;
};
std::optional<Identity> identity(const std::string& path, int standardFd) {
  struct stat st {};
  if ((isStandard(path) ? fstat(standardFd, &st) : stat(path.c_str(), &st)) != 0) {
    return std::nullopt;
  }
  if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode) && !S_ISSOCK(st.st_mode)) return std::nullopt;
  return Identity{st.st_dev, st.st_ino, S_ISREG(st.st_mode)};
}

// Whether an output, already there, takes any number of writers (identity() found none).
bool takesManyWriters(const std::string& path, const std::optional<Identity>& found) {
  struct stat st {};
  return !found && (isStandard(path) || stat(path.c_str(), &st) == 0);
}

bool same(const std::optional<Identity>& a, const std::optional<Identity>& b) {
  return a && b && a->device == b->device && a->inode == b->inode;
}

std::string named(const std::string& path, const char* standard) {
  return isStandard(path) ? std::string(standard) : path;
}

}  // namespace

std::vector<NamedInput> programFiles(const SourceManager& sources) {
  std::vector<NamedInput> files;
  for (FileId f = 0; f < sources.size(); ++f) {
    files.push_back({sources.path(f), "a program file", "writing it would replace a source"});
  }
  return files;
}

std::optional<std::string> outputClash(
    const std::vector<std::pair<std::string, std::string>>& outputs,
    const std::vector<NamedInput>& inputs) {
  for (size_t i = 0; i < outputs.size(); ++i) {
    const auto& [flag, output] = outputs[i];
    if (output.empty()) continue;
    std::optional<Identity> written = identity(output, STDOUT_FILENO);
    for (const NamedInput& input : inputs) {
      // Only a file is emptied by its writer: a pipe both read and written is the caller's.
      if (input.path.empty() || !written || !written->regular ||
          !same(written, identity(input.path, STDIN_FILENO))) {
        continue;
      }
      return flag + " " + named(output, "(standard output)") + " is " + input.what +
             (isStandard(input.path) ? " (standard input)" : "") + ": " + input.loss;
    }
    for (size_t j = 0; j < i && !takesManyWriters(output, written); ++j) {
      const auto& [earlierFlag, earlier] = outputs[j];
      if (earlier.empty() || (isStandard(output) && isStandard(earlier))) continue;
      if (!same(written, identity(earlier, STDOUT_FILENO)) &&
          (isStandard(output) || isStandard(earlier) || !sameFile(output, earlier))) {
        continue;
      }
      return flag + " " + named(output, "-") + " is " +
             (isStandard(earlier) ? "standard output, which " + earlierFlag + " writes"
                                  : "the file " + earlierFlag + " names") +
             ": each would overwrite the other's lines (give `-` to both to write them "
             "together)";
    }
  }
  return std::nullopt;
}

bool isStandardOutput(const std::string& path) {
  return same(identity(path, STDOUT_FILENO), identity("-", STDOUT_FILENO));
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
