// An output file that is also one of the verb's inputs: opening it for writing would empty the
// input before it is read (`journey run --events e.jsonl --out e.jsonl`). Or one that another
// output names too: each would be opened afresh and write over the other.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace journey {
class SourceManager;
}

namespace journey::cli {

// A file a verb reads, what the user calls it (`the --events file`, `a program file`), and
// what writing over it would do.
struct NamedInput {
  std::string path;
  std::string what;
  std::string loss = "writing it would destroy what is to be read";
};

// The files a program was read from, its imports included (`a program file`), before
// anything is written: an output over one would replace a source.
std::vector<NamedInput> programFiles(const SourceManager& sources);

// For each (flag, path) output: an error message when the path names the same file as one
// of `inputs` (through any path or link), or as an output before it. "-" is standard output
// for an output and standard input for an input, each by what it is (a file redirected in
// is as much an input as one named); two outputs "-" write one stream together. An empty
// path is no output, and a file that does not exist yet clashes with no input.
std::optional<std::string> outputClash(
    const std::vector<std::pair<std::string, std::string>>& outputs,
    const std::vector<NamedInput>& inputs);

// Whether `path` is the file, pipe or socket standard output writes to (`/dev/stdout` when
// standard output is one), where a verb prints text beside the file it writes.
bool isStandardOutput(const std::string& path);

// For (flag, path) inputs: an error message when two of them read one stream: standard input
// ("-", or another name of it such as /dev/stdin when it is a pipe), or one pipe or device by
// any name. The first would read all of it, and the second nothing.
std::optional<std::string> streamReadTwice(
    const std::vector<std::pair<std::string, std::string>>& inputs);

}  // namespace journey::cli
