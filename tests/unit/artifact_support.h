// The example and scenario programs, checked, lowered and written as artifacts, for the
// artifact tests.
#pragma once

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

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

}  // namespace journey::test
