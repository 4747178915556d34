// `journey fmt FILE…`: prints each file in the canonical layout (docs/fmt.md); `-w` rewrites the
// files that change, `--check` lists them, `-d` shows the changes as a unified diff.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "compiler/driver/frontend.h"
#include "compiler/format/formatter.h"
#include "compiler/format/unified_diff.h"
#include "tools/journey/commands.h"
#include "tools/journey/diagnostics_output.h"
#include "tools/journey/replace_file.h"

namespace journey::cli {
namespace {

struct FmtOptions {
  std::vector<std::string> files;
  bool write = false;
  bool check = false;
  bool diff = false;
  DiagnosticOptions diagnostics;  // colour only: nothing here warns
};

std::string readStandardInput() {
  return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
}

int runFmt(const FmtOptions& opt) {
  if (opt.write && (opt.check || opt.diff)) {
    fmt::print(stderr, "error: -w rewrites the files; it does not go with --check or -d\n");
    return kUsage;
  }
  bool fromStdin = std::find(opt.files.begin(), opt.files.end(), "-") != opt.files.end();
  if (fromStdin && (opt.write || opt.files.size() > 1)) {
    fmt::print(stderr, "error: `-` (standard input) is formatted alone, to standard output\n");
    return kUsage;
  }
  Frontend fe;  // its sources and diagnostics; each file is formatted on its own
  bool failed = false;
  bool anyChange = false;
  for (const std::string& path : opt.files) {
    // An editor pipes its buffer in: `journey fmt -`.
    std::optional<FileId> file =
        path == "-" ? std::optional(fe.sources.add("<stdin>", readStandardInput()))
                    : fe.readFile(path);
    if (!file) {
      failed = true;
      continue;
    }
    format::Formatted result = format::formatFile(*file, fe.sources, fe.diags);
    if (result.outcome == format::Formatted::Outcome::SyntaxErrors) {
      failed = true;
      continue;
    }
    if (result.outcome == format::Formatted::Outcome::Refused) {
      fmt::print(stderr, "error: {}: internal error: {}; the file is left as it is\n", path,
                 result.reason);
      failed = true;
      continue;
    }
    const std::string& original = fe.sources.text(*file);
    bool changes = result.text != original;
    anyChange = anyChange || changes;
    if (opt.write) {
      if (std::optional<std::string> error = changes ? replaceFile(path, result.text)
                                                     : std::nullopt) {
        fmt::print(stderr, "error: {}: cannot write the formatted file: {}\n", path, *error);
        failed = true;
      }
    } else if (opt.check || opt.diff) {
      std::string name = path == "-" ? "<stdin>" : path;
      if (changes && opt.check) fmt::print("{}\n", name);
      if (changes && opt.diff) fmt::print("{}", format::unifiedDiff(original, result.text, name));
    } else {
      fmt::print("{}", result.text);
    }
  }
  if (printDiagnostics(fe, opt.diagnostics) != kSuccess) failed = true;
  if (failed) return kInputErrors;
  return opt.check && anyChange ? kInputErrors : kSuccess;
}

}  // namespace

Action addFmtCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("fmt", "print .journey files in the canonical layout");
  auto opt = std::make_shared<FmtOptions>();
  cmd->add_option("files", opt->files, "the .journey files, or - for standard input")->required();
  cmd->add_flag("-w,--write", opt->write,
                "rewrite the files that change, in place (not with --check or --diff)");
  cmd->add_flag("--check", opt->check, "list the files that would change; exit 1 if any");
  cmd->add_flag("-d,--diff", opt->diff, "print the changes as a unified diff");
  addColorOption(*cmd, opt->diagnostics.color);
  return [opt]() { return runFmt(*opt); };
}

}  // namespace journey::cli
