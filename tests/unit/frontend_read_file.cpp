// compiler/driver/frontend: a source file that cannot be opened, or whose reading fails part
// way, is E0001 with the system's reason; never a shorter program.
#include <doctest/doctest.h>

#include <stdlib.h>

#include <filesystem>
#include <string>

#include "compiler/driver/frontend.h"

namespace {

// The note of the one E0001 that reading `path` reports, or "" when it was read.
std::string readFailureNote(const std::string& path) {
  journey::Frontend fe;
  if (fe.readFile(path)) return "";
  REQUIRE(fe.diags.all().size() == 1);
  const journey::Diagnostic& d = fe.diags.all()[0];
  CHECK(d.kind == journey::DiagKind::FileNotReadable);
  CHECK(d.message == "cannot read `" + path + "`");
  REQUIRE(d.notes.size() == 1);
  return d.notes[0];
}

}  // namespace

TEST_CASE("a source file that cannot be read names the system's reason") {
  char folder[] = "/tmp/frontend_read_file.XXXXXX";
  REQUIRE(mkdtemp(folder) != nullptr);
  std::string loop = std::string(folder) + "/loop.journey";
  std::filesystem::create_symlink("loop.journey", loop);
  CHECK(readFailureNote(loop) == "too many levels of symbolic links");
  CHECK(readFailureNote(std::string(folder) + "/none.journey") == "no such file");
  std::filesystem::remove_all(folder);
}

TEST_CASE("a read that fails part way is no shorter program") {
  // Opened, then read at an address nothing maps: the kernel says EIO.
  CHECK(readFailureNote("/proc/self/mem") == "input/output error");
}
