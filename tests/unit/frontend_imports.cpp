// compiler/driver/frontend: an import names the file its path reaches from the importing file's
// folder, as the system resolves it (`..` after a symbolic link goes up from the link's target),
// and a path the system cannot take (a NUL byte) is E0001, not another file.
#include <doctest/doctest.h>

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "compiler/driver/frontend.h"

namespace {

void write(const std::filesystem::path& file, const std::string& text) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file) << text;
}

// A fresh folder under /tmp, removed with everything in it at the end of the test.
struct ProgramFolder {
  ProgramFolder() {
    char made[] = "/tmp/frontend_imports.XXXXXX";
    REQUIRE(mkdtemp(made) != nullptr);
    path = made;
  }
  ~ProgramFolder() { std::filesystem::remove_all(path); }
  std::filesystem::path path;
};

}  // namespace

TEST_CASE("an import's `..` after a symbolic link goes up from the link's target") {
  ProgramFolder made;
  const std::filesystem::path& folder = made.path;
  write(folder / "real/lib/model.journey", "schema Profile { id: string }\n");
  write(folder / "real/app/main.journey", "import \"../lib/model.journey\"\n");
  // Where the text alone would go: `link/../lib` read as `lib`, a file of its own.
  write(folder / "lib/model.journey", "const Decoy = 1\n");
  std::filesystem::create_directory_symlink("real/app", folder / "link");

  journey::Frontend fe;
  CHECK(fe.parse({(folder / "link/main.journey").string()}));
  REQUIRE(fe.ast.modules.size() == 2);
  CHECK(fe.sources.text(fe.ast.modules[1].file).find("schema Profile") == 0);

  // Without a link the path is shortened, as before.
  journey::Frontend plain;
  CHECK(plain.parse({(folder / "real/app/main.journey").string()}));
  REQUIRE(plain.ast.modules.size() == 2);
  CHECK(plain.sources.path(plain.ast.modules[1].file) ==
        (folder / "real/lib/model.journey").string());
}

TEST_CASE("an import's path that is empty or holds a NUL byte is E0001, not another file") {
  ProgramFolder made;
  const std::filesystem::path& folder = made.path;
  write(folder / "b.journey", "schema Profile { id: string }\n");
  write(folder / "n.journey", "import \"b.journey\\u0000zzz\"\n");
  journey::Frontend fe;
  CHECK_FALSE(fe.parse({(folder / "n.journey").string()}));
  REQUIRE(fe.diags.all().size() == 1);
  CHECK(fe.diags.all()[0].kind == journey::DiagKind::FileNotReadable);
  CHECK(fe.ast.modules.size() == 1);
  // Empty: not the importing file's folder.
  write(folder / "e.journey", "import \"\"\n");
  journey::Frontend empty;
  CHECK_FALSE(empty.parse({(folder / "e.journey").string()}));
  REQUIRE(empty.diags.all().size() == 1);
  REQUIRE(empty.diags.all()[0].notes.size() == 1);
  CHECK(empty.diags.all()[0].notes[0] == "the path is empty");
}

TEST_CASE("a file reached by a hard link, a symbolic link or another spelling is read once") {
  ProgramFolder made;
  const std::filesystem::path& folder = made.path;
  write(folder / "model.journey", "schema Profile { id: string }\n");
  std::filesystem::create_hard_link(folder / "model.journey", folder / "hard.journey");
  std::filesystem::create_symlink("model.journey", folder / "soft.journey");
  write(folder / "main.journey", "import \"hard.journey\"\nimport \"./soft.journey\"\n");
  journey::Frontend fe;
  CHECK(fe.parse({(folder / "main.journey").string(), (folder / "model.journey").string()}));
  CHECK(fe.ast.modules.size() == 2);  // main and the model, once
  CHECK(fe.diags.all().empty());
}
