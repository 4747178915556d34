// compiler/driver/lowered_sizes: an expression that inlining makes too deep is reported by the
// check (E0229) where it is written, not met by every run; one within the limits is not.
#include <doctest/doctest.h>

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "compiler/driver/frontend.h"

namespace {

// The diagnostics' codes of checking a program whose audience calls the last of `fns` functions,
// each calling the one before.
std::string checkChain(int fns) {
  std::string source = "schema Profile { id: string, x: int }\nfn f0(a: int): int = a + 1\n";
  for (int i = 1; i < fns; ++i) {
    source += "fn f" + std::to_string(i) + "(a: int): int = f" + std::to_string(i - 1) +
              "(a) + 1\n";
  }
  source += "audience A = f" + std::to_string(fns - 1) + "(profile.x) > 0\n";
  char folder[] = "/tmp/frontend_lowered_sizes.XXXXXX";
  REQUIRE(mkdtemp(folder) != nullptr);
  std::string path = std::string(folder) + "/chain.journey";
  std::ofstream(path) << source;
  journey::Frontend fe;
  bool parsed = fe.parse({path});
  bool checked = parsed && fe.check();
  std::string codes;
  for (const journey::Diagnostic& d : fe.diags.all()) {
    codes += std::string(journey::info(d.kind).code) + "@" +
             std::to_string(fe.sources.lineCol(d.range.file, d.range.begin).line) + " ";
  }
  std::filesystem::remove_all(folder);
  CHECK(parsed);
  CHECK(checked == codes.empty());
  return codes;
}

}  // namespace

TEST_CASE("an expression too deep once its functions are inlined is E0229 at the check") {
  CHECK(checkChain(100) == "");
  CHECK(checkChain(1200) == "E0229@1202 ");  // the audience's line
}
