// `journey fmt`: one file in the canonical layout (docs/fmt.md).
#pragma once

#include <cstdint>
#include <string>

#include "compiler/diagnostics/diagnostic.h"
#include "compiler/source/source_manager.h"

namespace journey::format {

// Lines are broken to stay within this many columns where the syntax allows.
inline constexpr uint32_t kLineWidth = 100;

struct Formatted {
  enum class Outcome : uint8_t {
    Done,          // `text` is the file in the canonical layout (maybe unchanged)
    SyntaxErrors,  // reported to the sink; nothing to format
    Refused,       // an internal error: the output would not be the same program (`reason`)
  } outcome = Outcome::Done;
  std::string text;
  std::string reason;
};

// Formats one file of `sources` on its own (imports are not read). Syntax errors are reported to
// `diags` as `journey check` reports them.
Formatted formatFile(FileId file, const SourceManager& sources, DiagnosticSink& diags);

}  // namespace journey::format
