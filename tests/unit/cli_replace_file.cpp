// tools/journey/replace_file: `build -o` and `graph -o` replace a file whole; through a symbolic
// link, the file the link names, also when it does not exist yet.
#include <doctest/doctest.h>

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tools/journey/replace_file.h"

using journey::cli::replaceFile;
namespace fs = std::filesystem;

namespace {

// A temporary folder, removed with what the test put in it.
class ScratchFolder {
 public:
  ScratchFolder() { REQUIRE(mkdtemp(path_) != nullptr); }
  ~ScratchFolder() { fs::remove_all(path_); }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  std::string file(const std::string& name) const { return std::string(path_) + "/" + name; }

 private:
  char path_[64] = "/tmp/replace_file_test.XXXXXX";
};

std::string contents(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("a replaced file holds the new bytes and keeps its permissions") {
  ScratchFolder folder;
  std::string out = folder.file("a.jart");
  std::ofstream(out) << "old";
  fs::permissions(out, fs::perms(0640));
  CHECK_FALSE(replaceFile(out, "new"));
  CHECK(contents(out) == "new");
  CHECK((fs::status(out).permissions() & fs::perms::all) == fs::perms(0640));
}

TEST_CASE("through a link, the file it names is written, whether or not it exists yet") {
  ScratchFolder folder;
  fs::create_directory(folder.file("out"));
  // Relative, to a file not built yet; then a link to that link.
  fs::create_symlink("out/g.dot", folder.file("g.dot"));
  fs::create_symlink("g.dot", folder.file("latest.dot"));
  CHECK_FALSE(replaceFile(folder.file("latest.dot"), "digraph {}"));
  CHECK(fs::is_symlink(folder.file("g.dot")));
  CHECK(fs::is_symlink(folder.file("latest.dot")));
  CHECK(contents(folder.file("out/g.dot")) == "digraph {}");
  // Again, now that it exists.
  CHECK_FALSE(replaceFile(folder.file("g.dot"), "digraph { a }"));
  CHECK(contents(folder.file("out/g.dot")) == "digraph { a }");
}

TEST_CASE("links that name each other, or a folder that is not there, are an error") {
  ScratchFolder folder;
  fs::create_symlink("b", folder.file("a"));
  fs::create_symlink("a", folder.file("b"));
  CHECK(replaceFile(folder.file("a"), "x"));
  fs::create_symlink("missing/g.dot", folder.file("g.dot"));
  CHECK(replaceFile(folder.file("g.dot"), "x"));
  CHECK(fs::is_symlink(folder.file("g.dot")));
}
