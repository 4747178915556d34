// The example and scenario programs, checked, lowered and written as artifacts, for the
// artifact tests.
#pragma once

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "compiler/artifact/artifact_format.h"
#include "compiler/artifact/artifact_reader.h"
#include "compiler/artifact/artifact_writer.h"
#include "compiler/driver/frontend.h"
#include "compiler/ir/lower_program.h"
#include "test_paths.h"

namespace journey::test {

struct BuiltProgram {
  std::string name;  // `examples/shop`
  ir::ProgramIr program;
  std::string bytes;  // the artifact
};

// Every example and scenario folder whose program checks.
inline std::vector<BuiltProgram> buildPrograms() {
  std::vector<BuiltProgram> out;
  std::vector<std::filesystem::path> dirs;
  for (const char* parent : {"/examples", "/tests/scenarios"}) {
    for (const auto& entry : std::filesystem::directory_iterator(repoRoot() + parent)) {
      if (entry.is_directory()) dirs.push_back(entry.path());
    }
  }
  std::sort(dirs.begin(), dirs.end());
  for (const auto& dir : dirs) {
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() == ".journey") files.push_back(entry.path().string());
    }
    if (files.empty()) continue;
    std::sort(files.begin(), files.end());
    Frontend fe;
    if (!fe.parse(files) || !fe.check()) continue;
    BuiltProgram b;
    b.name = dir.parent_path().filename().string() + "/" + dir.filename().string();
    b.program = ir::lowerProgram(fe.sources, fe.ast, fe.program);
    b.bytes = artifact::writeArtifact(b.program, artifact::sourceFiles(fe.sources));
    out.push_back(std::move(b));
  }
  return out;
}

// Built once per test process.
inline const std::vector<BuiltProgram>& builtPrograms() {
  static const std::vector<BuiltProgram> programs = buildPrograms();
  return programs;
}

// Little-endian fixed-width integers inside an artifact's bytes, for tests that damage or
// extend artifacts on purpose.
inline void putFixed(std::string& bytes, size_t at, uint64_t v, int width) {
  for (int i = 0; i < width; ++i) bytes[at + i] = static_cast<char>(v >> (8 * i));
}

inline uint64_t getFixed(const std::string& bytes, size_t at, int width) {
  uint64_t v = 0;
  for (int i = 0; i < width; ++i) v |= static_cast<uint64_t>(static_cast<uint8_t>(bytes[at + i])) << (8 * i);
  return v;
}

// Makes the header's checksum match the (damaged) bytes, so that the reader goes past it.
inline void fixChecksum(std::string& bytes) {
  if (bytes.size() < artifact::kHeaderSize) return;
  putFixed(bytes, artifact::kChecksumOffset, artifact::artifactChecksum(bytes), 8);
}

}  // namespace journey::test
