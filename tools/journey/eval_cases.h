// `journey eval --cases FILE.jsonl`: the conformance runner (../shared/conformance/cel/README.md).
#pragma once

#include <string>

namespace journey::cli {

struct CasesOptions {
  std::string file;
  std::string engine = "interp";
  bool forceUnchecked = false;
  std::string skipFile;
};

// Prints one JSON line per case, then `N passed, M failed`; 0 only when every case passed.
int runCases(const CasesOptions& options);

}  // namespace journey::cli
