#include "compiler/driver/frontend.h"

#include <sys/stat.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "compiler/driver/allow_comments.h"
#include "compiler/driver/constant_values.h"
#include "compiler/driver/lowered_sizes.h"
#include "compiler/driver/statement_heads.h"
#include "compiler/ir/lower_program.h"
#include "compiler/syntax/parser.h"

namespace journey {
namespace fs = std::filesystem;

bool Frontend::parse(const std::vector<std::string>& paths) {
  size_t errorsBefore = diags.errorCount();
  for (const std::string& p : paths) load(p);
  return diags.errorCount() == errorsBefore;
}

namespace {

// The path of `written`, imported by a file in `dir`: shortened (`app/../lib/x.journey` to
// `lib/x.journey`) only where that names the same file, or where neither names one. After a
// symbolic link, `..` goes up from where the link points, which the text alone cannot know:
// shortened, the path would name another file, or none.
std::string importedPath(const fs::path& dir, const std::string& written) {
  fs::path joined = dir / written;
  fs::path shortened = joined.lexically_normal();
  std::error_code ec;
  if (!fs::exists(joined, ec)) return (fs::exists(shortened, ec) ? joined : shortened).string();
  return (fs::equivalent(joined, shortened, ec) ? shortened : joined).string();
}

// What names one file however it is reached: its device and inode (so a hard link is the file it
// links, as a symbolic link or another spelling is), or its canonical path when it has none.
std::string fileIdentity(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0) {
    return std::to_string(info.st_dev) + ":" + std::to_string(info.st_ino);
  }
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(path, ec);
  return ec ? path : canonical.string();
}

}  // namespace

void Frontend::load(const std::string& first) {
  struct Pending {
    std::string path;
    SourceRange importedFrom;
  };
  std::vector<Pending> pending = {{first, SourceRange{}}};  // the next to load at the back
  while (!pending.empty()) {
    Pending next = std::move(pending.back());
    pending.pop_back();
    // Imported twice, or a cycle: one program either way.
    if (!loaded_.insert(fileIdentity(next.path)).second) continue;
    std::optional<FileId> file = readFile(next.path, next.importedFrom);
    if (!file) continue;
    ast.modules.push_back(syntax::parseFile(*file, sources, ast, diags));
    // Imports are resolved relative to the importing file, and loaded in the order written.
    fs::path dir = fs::path(next.path).parent_path();
    const std::vector<ast::Decl>& decls = ast.modules.back().decls;
    for (auto d = decls.rbegin(); d != decls.rend(); ++d) {
      if (auto* imp = std::get_if<ast::ImportDecl>(&d->kind)) {
        if (imp->path.empty() || imp->path.find('\0') != std::string::npos) {
          Diagnostic& e = diags.report(DiagKind::FileNotReadable, imp->pathRange,
                                       "cannot read this import's path");
          e.notes.push_back(imp->path.empty() ? "the path is empty"
                                              : "a file's name cannot hold a NUL byte (`\\0`)");
          continue;
        }
        pending.push_back({importedPath(dir, imp->path), imp->pathRange});
      }
    }
  }
}

namespace {

// Why a file could not be opened or read, from the system's error: the usual two in words of
// our own, the rest as the C library says them (`too many levels of symbolic links`).
std::string whyNotRead(int error, const std::string& path) {
  std::error_code ec;
  if (error == ENOENT || (error == 0 && !fs::exists(path, ec))) return "no such file";
  if (error == EACCES || error == 0) return "it is not readable";
  std::string why = std::strerror(error);
  if (!why.empty()) why[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(why[0])));
  return why;
}

}  // namespace

std::optional<FileId> Frontend::readFile(const std::string& path, SourceRange from) {
  std::error_code ec;
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  int openError = errno;
  if (!in || fs::is_directory(path, ec)) {
    Diagnostic& d = diags.report(DiagKind::FileNotReadable, from, "cannot read `" + path + "`");
    if (fs::is_directory(path, ec)) {
      d.notes.push_back("it is a directory");
      // `journey check examples/shop`: the program is its files, named one by one (an
      // import names a file).
      std::string files = (fs::path(path) / "*.journey").string();
      d.helps.push_back(from.valid() ? "import each of its files"
                                     : "name its files: `" + files + "`");
    } else {
      d.notes.push_back(whyNotRead(openError, path));
    }
    return std::nullopt;
  }
  // Read with a bound: a file that never ends (`/dev/zero`) or is far beyond what the parser
  // takes (syntax::kMaxTokens) is refused before it exhausts memory.
  constexpr size_t kMaxSourceBytes = size_t{64} << 20;
  std::string text;
  char chunk[1 << 16];
  errno = 0;
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    text.append(chunk, static_cast<size_t>(in.gcount()));
    if (text.size() > kMaxSourceBytes) {
      diags.report(DiagKind::InputTooLarge, from,
                   "`" + path + "` is larger than " + std::to_string(kMaxSourceBytes >> 20) +
                       " MiB");
      return std::nullopt;
    }
  }
  // A read that failed part way (a disk's or a network file system's error) is no shorter
  // program: the file is not read.
  if (in.bad()) {
    diags.report(DiagKind::FileNotReadable, from, "cannot read `" + path + "`")
        .notes.push_back(whyNotRead(errno ? errno : EIO, path));
    return std::nullopt;
  }
  return sources.add(path, std::move(text));
}

bool Frontend::check() {
  lowered_.reset();
  sema::checkProgram(sources, ast, diags, program);
  if (!diags.hasErrors()) checkConstantValues(ast, program, diags);
  if (!diags.hasErrors()) checkLoweredSizes(lowered(), diags);
  applyAllowComments(diags, sources, statementHeads(ast));
  return !diags.hasErrors();
}

const ir::ProgramIr& Frontend::lowered() {
  if (!lowered_) lowered_ = ir::lowerProgram(sources, ast, program);
  return *lowered_;
}

ir::ProgramIr Frontend::takeLowered() {
  lowered();
  ir::ProgramIr out = std::move(*lowered_);
  lowered_.reset();
  return out;
}

}  // namespace journey
