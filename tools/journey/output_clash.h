// An output file that is also one of the verb's inputs: opening it for writing would empty the
// input before it is read (`journey run --events e.jsonl --out e.jsonl`). Or one that another
// output names too: each would be opened afresh and write over the other.
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
// of `inputs` (through any path or link), or as an output before it. Standard streams ("-",
// empty) clash with nothing, and a file that does not exist yet with no input.
std::optional<std::string> outputClash(
    const std::vector<std::pair<std::string, std::string>>& outputs,
    const std::vector<NamedInput>& inputs);

// For (flag, path) inputs: an error message when two of them read one stream: standard input
// ("-", or another name of it such as /dev/stdin when it is a pipe), or one pipe or device by
// any name. The first would read all of it, and the second nothing.
std::optional<std::string> streamReadTwice(
    const std::vector<std::pair<std::string, std::string>>& inputs);

}  // namespace journey::cli
