// Helpers for the formatter's unit tests: format a source text, and read the repository's
// programs.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "compiler/format/formatter.h"
#include "test_paths.h"

namespace journey::format_test {

inline format::Formatted formatSource(const std::string& text) {
  SourceManager sources;
  FileId file = sources.add("test.journey", text);
  DiagnosticSink diags;
  return format::formatFile(file, sources, diags);
}

// The formatted text; fails the test when the source is not formatted.
inline std::string formatted(const std::string& text) {
  format::Formatted result = formatSource(text);
  INFO("refused: " << result.reason);
  REQUIRE(result.outcome == format::Formatted::Outcome::Done);
  return result.text;
}

// Every .journey file under the folders (relative to the repository), as (path, text).
inline std::vector<std::pair<std::string, std::string>> repositoryPrograms(
    std::initializer_list<const char*> folders) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const char* folder : folders) {
    std::error_code ec;
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(test::repoRoot() + folder, ec)) {
      if (entry.path().extension() != ".journey") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      out.emplace_back(entry.path().string(), text.str());
    }
  }
  return out;
}

}  // namespace journey::format_test
