// Artifacts as files, for the verbs that read or write them: `.jart` names an artifact, and
// loading one reports its problem as one line.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "compiler/artifact/artifact.h"

namespace journey::cli {

// Whether a path on the command line names an artifact (by its `.jart` extension).
bool isArtifactPath(std::string_view path);

// Reads and checks an artifact. On failure prints `error: PATH: problem` on stderr and returns
// nothing; notes about skipped sections are printed as `note: PATH: …`.
std::optional<artifact::Artifact> loadArtifactFile(const std::string& path);

}  // namespace journey::cli
