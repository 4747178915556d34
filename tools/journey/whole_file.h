// Writing a whole output file at once, for the verbs whose output is one document.
#pragma once

#include <string>

namespace journey::cli {

// Writes beside the target, then renames: a reader never sees half a file, and a failed write
// leaves an earlier version in place.
bool writeWholeFile(const std::string& path, const std::string& bytes);

}  // namespace journey::cli
