#include "tools/journey/program_input.h"

#include <fmt/format.h>

#include "compiler/driver/frontend.h"
#include "tools/journey/artifact_file.h"
#include "tools/journey/commands.h"

namespace journey::cli {

std::optional<ir::ProgramIr> loadProgramInput(const std::vector<std::string>& files,
                                              const DiagnosticOptions& diagnostics, int& status,
                                              std::vector<NamedInput>& read,
                                              std::optional<artifact::NativeSection>* native) {
  status = kInputErrors;
  for (const std::string& f : files) {
    if (!isArtifactPath(f)) continue;
    if (files.size() != 1) {
      fmt::print(stderr, "error: an artifact runs alone: give one .jart file and no sources\n");
      status = kUsage;
      return std::nullopt;
    }
    // An artifact holds no warnings (they were reported, allowed or denied when it was
    // built): a --deny or --allow would be silently without effect.
    const WarningPolicy& policy = diagnostics.warnings;
    if (!policy.denied.empty() || !policy.allowed.empty()) {
      fmt::print(stderr,
                 "error: --deny and --allow apply to sources; {}'s warnings were decided when "
                 "it was built (`journey build --deny …`)\n", f);
      status = kUsage;
      return std::nullopt;
    }
    std::optional<artifact::Artifact> a = loadArtifactFile(f);
    if (!a) return std::nullopt;
    if (native) *native = std::move(a->native);
    read.push_back({f, "the artifact"});
    return std::move(a->program);
  }
  Frontend fe;
  if (!loadCheckedProgram(fe, files, diagnostics)) return std::nullopt;
  read = programFiles(fe.sources);
  return fe.takeLowered();
}

}  // namespace journey::cli
