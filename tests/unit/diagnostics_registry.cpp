// The diagnostic registry: codes unique and well-formed, every kind explained and tested by a
// failing program in tests/diagnostics/ whose expected output shows that code.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "compiler/diagnostics/diagnostic.h"
#include "test_paths.h"

using namespace journey;

TEST_CASE("diagnostic codes are unique and well formed") {
  std::set<std::string_view> codes;
  std::regex shape("[EW][0-9]{4}");
  for (const DiagKindInfo& k : allDiagKinds()) {
    CAPTURE(k.name);
    CHECK(codes.insert(k.code).second);
    CHECK(std::regex_match(std::string(k.code), shape));
    CHECK((k.code[0] == 'E') == (k.severity == Severity::Error));
    CHECK(!k.summary.empty());
    CHECK(k.explanation.size() > 40);
  }
}

TEST_CASE("codes are found case-insensitively") {
  const DiagKindInfo& first = allDiagKinds().front();
  std::string lower(first.code);
  lower[0] = static_cast<char>(std::tolower(lower[0]));
  REQUIRE(findDiagKind(lower) != nullptr);
  CHECK(findDiagKind(lower)->kind == first.kind);
  CHECK(findDiagKind("E9999") == nullptr);
}

TEST_CASE("every diagnostic kind has a failing test program") {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(test::repoRoot()) / "tests" / "diagnostics";
  for (const DiagKindInfo& k : allDiagKinds()) {
    CAPTURE(k.code);
    CAPTURE(k.name);
    bool shown = false;
    for (const auto& entry : fs::directory_iterator(dir)) {
      std::string name = entry.path().filename().string();
      if (name.rfind(std::string(k.code) + "_", 0) != 0 || entry.path().extension() != ".expected") continue;
      std::ifstream in(entry.path());
      std::stringstream text;
      text << in.rdbuf();
      std::string severity = k.severity == Severity::Error ? "error" : "warning";
      shown = shown || text.str().find(severity + "[" + std::string(k.code) + "]") != std::string::npos;
    }
    CHECK_MESSAGE(shown, "no tests/diagnostics/" << k.code << "_*.journey whose expected output shows it");
  }
}
