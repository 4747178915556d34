#include "tools/journey/artifact_file.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "compiler/artifact/artifact_error.h"
#include "compiler/artifact/artifact_reader.h"

namespace journey::cli {

bool isArtifactPath(std::string_view path) { return path.ends_with(".jart"); }

std::optional<artifact::Artifact> loadArtifactFile(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    fmt::print(stderr, "error: {}: cannot read the file: it is a directory\n", path);
    return std::nullopt;
  }
  std::ifstream file(path, std::ios::binary);
  std::string bytes{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
  if (!file.is_open() || file.bad()) {
    fmt::print(stderr, "error: {}: cannot read the file{}\n", path,
               std::filesystem::exists(path, ec) ? "" : ": no such file");
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
