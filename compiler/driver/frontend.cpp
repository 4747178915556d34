#include "compiler/driver/frontend.h"

#include <filesystem>
#include <fstream>
#include <string>

#include "compiler/driver/allow_comments.h"
#include "compiler/driver/statement_heads.h"
#include "compiler/syntax/parser.h"

namespace journey {
namespace fs = std::filesystem;

bool Frontend::parse(const std::vector<std::string>& paths) {
  size_t errorsBefore = diags.errorCount();
  for (const std::string& p : paths) load(p, SourceRange{});
  return diags.errorCount() == errorsBefore;
}

bool Frontend::load(const std::string& path, SourceRange importedFrom) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(path, ec);
  std::string key = ec ? path : canonical.string();
  for (const std::string& l : loaded_) {
    if (l == key) return true;  // imported twice, or a cycle: one program either way
  }
  std::optional<FileId> file = readFile(path, importedFrom);
  if (!file) return false;
  loaded_.push_back(key);
  ast.modules.push_back(syntax::parseFile(*file, sources, ast, diags));
  // Imports are resolved relative to the importing file. Copy them first: loading appends to
  // ast.modules, which would invalidate references into it.
  std::vector<ast::ImportDecl> imports;
  for (const ast::Decl& d : ast.modules.back().decls) {
    if (auto* imp = std::get_if<ast::ImportDecl>(&d.kind)) imports.push_back(*imp);
  }
  fs::path dir = fs::path(path).parent_path();
  for (const ast::ImportDecl& imp : imports) {
    load((dir / imp.path).lexically_normal().string(), imp.pathRange);
  }
  return true;
}

std::optional<FileId> Frontend::readFile(const std::string& path, SourceRange from) {
  std::error_code ec;
  std::ifstream in(path, std::ios::binary);
  if (!in || fs::is_directory(path, ec)) {
    Diagnostic& d = diags.report(DiagKind::FileNotReadable, from, "cannot read `" + path + "`");
    d.notes.push_back(fs::exists(path, ec) ? "it is a directory or not readable" : "no such file");
    return std::nullopt;
  }
  // Read with a bound: a file that never ends (`/dev/zero`) or is far beyond what the parser
  // takes (syntax::kMaxTokens) is refused before it exhausts memory.
  constexpr size_t kMaxSourceBytes = size_t{64} << 20;
  std::string text;
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    text.append(chunk, static_cast<size_t>(in.gcount()));
    if (text.size() > kMaxSourceBytes) {
      diags.report(DiagKind::InputTooLarge, from,
                   "`" + path + "` is larger than " + std::to_string(kMaxSourceBytes >> 20) +
                       " MiB");
      return std::nullopt;
    }
  }
  return sources.add(path, std::move(text));
}

bool Frontend::check() {
  sema::checkProgram(sources, ast, diags, program);
  applyAllowComments(diags, sources, statementHeads(ast));
  return !diags.hasErrors();
}

}  // namespace journey
