// Where tests find the repository's files and the shared conformance material.
#pragma once

#include <string>

namespace journey::test {

// The repository root (set by CMake).
inline std::string repoRoot() { return JOURNEY_SOURCE_DIR; }
// `../shared` beside the repository: the CEL conformance cases and the design.
inline std::string sharedDir() { return repoRoot() + "/../shared"; }

}  // namespace journey::test
