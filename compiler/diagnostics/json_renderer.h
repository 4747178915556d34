// Diagnostics as JSON, one object per line, for editors and CI (`--diagnostic-format json`):
// the same facts as the text renderer, without the source excerpt.
//   {"severity": "warning", "code": "W0102", "message": "…", "file": "a.journey", "line": 8,
//    "column": 3, "end_line": 8, "end_column": 7, "label": "", "secondary": [{"file": …,
//    "line": …, "column": …, "end_line": …, "end_column": …, "label": "…"}], "notes": […],
//    "helps": […]}
// Lines and columns are 1-based, columns counted in code points as in the text form; the end
// is exclusive. A diagnostic about no place in a file (a file that cannot be read) has null
// for the file and the positions.
#pragma once

#include <string>

#include "compiler/diagnostics/diagnostic.h"
#include "compiler/source/source_manager.h"

namespace journey {

std::string renderJson(const Diagnostic& d, const SourceManager& sources);

}  // namespace journey
