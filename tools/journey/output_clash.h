// An output file that is also one of the verb's inputs: opening it for writing would empty the
// input before it is read (`journey run --events e.jsonl --out e.jsonl`).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace journey::cli {

// A file a verb reads, and what the user calls it (`the --events file`, `a program file`).
struct NamedInput {
  std::string path;
  std::string what;
};

// For each (flag, path) output: an error message when the path names the same file as one
// of `inputs` (through any path or link). Standard streams ("-", empty) and files that do not
// exist yet clash with nothing.
std::optional<std::string> outputClash(
    const std::vector<std::pair<std::string, std::string>>& outputs,
    const std::vector<NamedInput>& inputs);

}  // namespace journey::cli
