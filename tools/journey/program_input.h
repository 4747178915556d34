// The program a verb runs on inputs (`run`, `audience`): checked and lowered from its source
// files, or read from one artifact built from them (`.jart`, given alone).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/artifact/artifact.h"
#include "compiler/ir/program_ir.h"
#include "tools/journey/diagnostics_output.h"
#include "tools/journey/output_clash.h"

namespace journey::cli {

// Reports its problems itself; when there is no program, `status` is the exit code. `read`:
// the files it came from, imports included (no output may name one). `native`: an artifact's
// compiled code, when it holds some.
std::optional<ir::ProgramIr> loadProgramInput(const std::vector<std::string>& files,
                                              const DiagnosticOptions& diagnostics, int& status,
                                              std::vector<NamedInput>& read,
                                              std::optional<artifact::NativeSection>* native);

}  // namespace journey::cli
