// Renders diagnostics the way rustc and Elm do: location and message, the user's own line with
// the narrowest span underlined, labelled secondary spans, then note: and help: lines.
#pragma once

#include <string>

#include "compiler/diagnostics/diagnostic.h"
#include "compiler/source/source_manager.h"

namespace journey {

struct RenderOptions {
  bool color = false;
};

std::string render(const Diagnostic& d, const SourceManager& sources, RenderOptions opts = {});

// "N errors, M warnings" style summary line ("" when there is nothing to say).
std::string renderSummary(const DiagnosticSink& sink);

}  // namespace journey
