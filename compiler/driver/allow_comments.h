// `// journey: allow W0104` on a line of its own leaves that warning (or those listed, by commas
// or spaces, before any `// reason`) out of the next line of code: the first after it that is
// neither blank nor only a comment, and the rest of each statement head that holds it
// (compiler/driver/statement_heads.h: one that starts on it, or one it is inside of), so that
// `fmt` spreading a head over lines or joining it keeps what the comment covers. It is the file's own record that a warning was read and
// accepted, where `--allow` on the command line applies to every file. A code that names no
// warning is warned about (W0105) at the comment, and so is a code that leaves no warning out
// (W0106), so that a comment does not outlive the warning it was written for. Strings and block
// comments are followed as the lexer reads them: a line inside either is never an allow comment.
#pragma once

#include <vector>

#include "compiler/diagnostics/diagnostic.h"
#include "compiler/source/source_manager.h"

namespace journey {

void applyAllowComments(DiagnosticSink& sink, const SourceManager& sources,
                        const std::vector<SourceRange>& statementHeads = {});

}  // namespace journey
