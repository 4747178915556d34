#include "tools/journey/artifact_file.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "compiler/artifact/artifact_error.h"
#include "compiler/artifact/artifact_format.h"
#include "compiler/artifact/artifact_reader.h"

namespace journey::cli {

bool isArtifactPath(std::string_view path) { return path.ends_with(".jart"); }

namespace {

// Far above any program's artifact (the examples' are a few kilobytes, with native code a few
// hundred).
constexpr size_t kMaxArtifactBytes = size_t{1} << 30;

}  // namespace

std::optional<artifact::Artifact> loadArtifactFile(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    fmt::print(stderr, "error: {}: cannot read the file: it is a directory\n", path);
    return std::nullopt;
  }
  std::ifstream file(path, std::ios::binary);
  if (!file.is_open()) {
    fmt::print(stderr, "error: {}: cannot read the file{}\n", path,
               std::filesystem::exists(path, ec) ? "" : ": no such file");
    return std::nullopt;
  }
  // Read with a bound, and no further than the header when it is not an artifact's: a stream
  // that never ends (`/dev/zero`) would otherwise take all memory before the magic is checked.
  std::string bytes;
  char chunk[1 << 16];
  while (file.read(chunk, sizeof chunk) || file.gcount() > 0) {
    bytes.append(chunk, static_cast<size_t>(file.gcount()));
    if (bytes.size() >= artifact::kMagic.size() && !bytes.starts_with(artifact::kMagic)) break;
    if (bytes.size() > kMaxArtifactBytes) {
      fmt::print(stderr, "error: {}: larger than {} MiB, which no artifact is\n", path,
                 kMaxArtifactBytes >> 20);
      return std::nullopt;
    }
  }
  if (file.bad()) {
    fmt::print(stderr, "error: {}: cannot read the file\n", path);
    return std::nullopt;
  }
  try {
    artifact::Artifact a = artifact::readArtifact(bytes);
    for (const std::string& note : a.notes) fmt::print(stderr, "note: {}: {}\n", path, note);
    return a;
  } catch (const artifact::ArtifactError& e) {
    fmt::print(stderr, "error: {}: {}\n", path, e.what());
    return std::nullopt;
  }
}

}  // namespace journey::cli
