// Encodes a lowered program as artifact bytes (artifact_format.h). The bytes depend only on
// the program, the sources and this compiler: building the same sources twice gives the same
// artifact.
#pragma once

#include <string>
#include <vector>

#include "compiler/artifact/artifact.h"
#include "compiler/ir/program_ir.h"
#include "compiler/source/source_manager.h"

namespace journey::artifact {

// The source table of a compilation.
std::vector<SourceFile> sourceFiles(const SourceManager& sources);

// Throws ArtifactError when the program holds something the format cannot store.
// `native`, when given, is stored as the optional NATV section.
std::string writeArtifact(const ir::ProgramIr& program, const std::vector<SourceFile>& sources,
                          const NativeSection* native = nullptr);

}  // namespace journey::artifact
