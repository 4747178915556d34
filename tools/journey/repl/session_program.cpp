#include "tools/journey/repl/session_program.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "compiler/diagnostics/renderer.h"
#include "compiler/syntax/parser.h"
#include "tools/journey/same_file.h"

namespace journey::repl {

namespace {

// What a declaration declares, for replacing it: its name (the schema and caps by what they
// are about, since a program has one schema and one cap per channel).
std::optional<std::string> declaredName(const ast::Decl& decl) {
  return std::visit(
      [](const auto& d) -> std::optional<std::string> {
        using T = std::decay_t<decltype(d)>;
        if constexpr (std::is_same_v<T, ast::ImportDecl>) {
          return std::nullopt;
        } else if constexpr (std::is_same_v<T, ast::SchemaDecl>) {
          return "the schema";
        } else if constexpr (std::is_same_v<T, ast::CapDecl>) {
          return "the cap on " + d.channel.text;
        } else {
          return "`" + d.name.text + "`";
        }
      },
      decl.kind);
}

// The name a `let` could also bind (`Gold`), if the declaration has one.
std::optional<std::string> bindableName(const ast::Decl& decl) {
  std::optional<std::string> name = declaredName(decl);
  if (!name || !name->starts_with('`')) return std::nullopt;
  return name->substr(1, name->size() - 2);
}

// `audience Gold`, `cap email`: what a declaration is, for the REPL's answer.
std::string describe(const ast::Decl& decl) {
  return std::visit(
      [](const auto& d) -> std::string {
        using T = std::decay_t<decltype(d)>;
        if constexpr (std::is_same_v<T, ast::ImportDecl>) return "import \"" + d.path + "\"";
        if constexpr (std::is_same_v<T, ast::TypeDecl>) return "type " + d.name.text;
        if constexpr (std::is_same_v<T, ast::SchemaDecl>) return "schema " + d.name.text;
        if constexpr (std::is_same_v<T, ast::EventDecl>) return "event " + d.name.text;
        if constexpr (std::is_same_v<T, ast::ChannelDecl>) return "channel " + d.name.text;
        if constexpr (std::is_same_v<T, ast::AudienceDecl>) return "audience " + d.name.text;
        if constexpr (std::is_same_v<T, ast::ActionDecl>) return "action " + d.name.text;
        if constexpr (std::is_same_v<T, ast::CapDecl>) return "cap " + d.channel.text;
        if constexpr (std::is_same_v<T, ast::ConstDecl>) return "const " + d.name.text;
        if constexpr (std::is_same_v<T, ast::FnDecl>) return "fn " + d.name.text;
        if constexpr (std::is_same_v<T, ast::JourneyDecl>) return "journey " + d.name.text;
        return "";
      },
      decl.kind);
}

// Leaves out every declaration that a later unit declares again; `unitOf` maps a file to its
// unit. Returns a note for each one replaced by a new unit (from `firstNew` on).
std::vector<std::string> dropReplaced(Frontend& fe, const std::vector<size_t>& unitOf,
                                      size_t firstNew) {
  struct Where {
    size_t module, decl;
  };
  std::map<std::string, Where> last;
  std::vector<std::vector<bool>> dropped(fe.ast.modules.size());
  std::vector<std::string> notes;
  for (size_t m = 0; m < fe.ast.modules.size(); ++m) {
    const ast::Module& module = fe.ast.modules[m];
    dropped[m].resize(module.decls.size());
    for (size_t d = 0; d < module.decls.size(); ++d) {
      std::optional<std::string> name = declaredName(module.decls[d]);
      if (!name) continue;
      auto [it, fresh] = last.try_emplace(*name, Where{m, d});
      if (fresh) continue;
      Where earlier = it->second;
      it->second = Where{m, d};
      size_t earlierUnit = unitOf[fe.ast.modules[earlier.module].file];
      size_t unit = unitOf[module.file];
      if (earlierUnit == unit) continue;  // twice in one unit: the checker's business
      dropped[earlier.module][earlier.decl] = true;
      if (unit >= firstNew) {
        const ast::Decl& old = fe.ast.modules[earlier.module].decls[earlier.decl];
        notes.push_back(fmt::format("{} replaces its declaration at {}", *name,
                                    fe.sources.location(old.range)));
      }
    }
  }
  for (size_t m = 0; m < fe.ast.modules.size(); ++m) {
    std::vector<ast::Decl>& decls = fe.ast.modules[m].decls;
    size_t d = 0;
    std::erase_if(decls, [&](const ast::Decl&) { return dropped[m][d++]; });
  }
  return notes;
}

// A file an earlier unit imported, loaded again as a unit of its own: its module moves to the
// end (after the rest), so that its declarations win as those of a file loaded again do.
// Returns its file, if a module has that path.
std::optional<FileId> moveToEnd(Frontend& fe, const std::string& path) {
  auto& modules = fe.ast.modules;
  for (size_t m = 0; m < modules.size(); ++m) {
    if (!cli::sameFile(fe.sources.path(modules[m].file), path)) continue;
    std::rotate(modules.begin() + static_cast<std::ptrdiff_t>(m),
                modules.begin() + static_cast<std::ptrdiff_t>(m) + 1, modules.end());
    return modules.back().file;
  }
  return std::nullopt;
}

}  // namespace

SessionProgram::SessionProgram() : fe_(std::make_unique<Frontend>()) { fe_->check(); }

std::vector<std::string> SessionProgram::files() const {
  std::vector<std::string> paths;
  for (const Unit& u : units_) {
    if (u.isFile) paths.push_back(u.path);
  }
  return paths;
}

SessionProgram::Change SessionProgram::addDeclarations(const std::string& text, int number) {
  std::vector<Unit> units = units_;
  units.push_back(Unit{false, fmt::format("<repl {}>", number), text});
  return build(std::move(units), units_.size());
}

SessionProgram::Change SessionProgram::load(const std::vector<std::string>& paths) {
  // A file is one unit however its path is spelt (`f.journey`, `./f.journey`, absolute):
  // loading it again moves it after the others, so that its declarations win again.
  auto named = [](const std::vector<std::string>& list, const std::string& path) {
    return std::any_of(list.begin(), list.end(),
                       [&](const std::string& p) { return cli::sameFile(p, path); });
  };
  std::vector<Unit> units;
  for (const Unit& u : units_) {
    if (!u.isFile || !named(paths, u.path)) units.push_back(u);
  }
  size_t firstNew = units.size();
  std::vector<std::string> added;
  for (const std::string& p : paths) {
    if (named(added, p)) continue;
    added.push_back(p);
    units.push_back(Unit{true, p, ""});
  }
  Change change = build(std::move(units), firstNew);
  change.loaded = std::move(added);
  return change;
}

SessionProgram::Change SessionProgram::reload() {
  // The lets are newer than what was declared before: only a name the files now declare anew
  // replaces one (`const A` typed, `let A`, `:reload` keeps the let).
  std::set<std::string> before;
  for (const ast::Module& m : fe_->ast.modules) {
    for (const ast::Decl& d : m.decls) {
      if (std::optional<std::string> name = bindableName(d)) before.insert(*name);
    }
  }
  Change change = build(units_, 0);
  std::erase_if(change.names, [&](const std::string& name) { return before.count(name) > 0; });
  return change;
}

SessionProgram::Change SessionProgram::build(std::vector<Unit> units, size_t firstNew) {
  auto fe = std::make_unique<Frontend>();
  std::vector<size_t> unitOf;  // by FileId
  FileId firstNewFile = kNoFile;
  for (size_t u = 0; u < units.size(); ++u) {
    if (u == firstNew) firstNewFile = static_cast<FileId>(fe->sources.size());
    std::optional<FileId> movedHere;
    if (units[u].isFile) {
      size_t before = fe->ast.modules.size();
      fe->parse({units[u].path});
      if (fe->ast.modules.size() == before) movedHere = moveToEnd(*fe, units[u].path);
    } else {
      FileId file = fe->sources.add(units[u].path, units[u].text);
      fe->ast.modules.push_back(syntax::parseFile(file, fe->sources, fe->ast, fe->diags));
    }
    unitOf.resize(fe->sources.size(), u);
    if (movedHere) unitOf[*movedHere] = u;
  }
  Change change;
  change.notes = dropReplaced(*fe, unitOf, firstNew);
  for (const ast::Module& m : fe->ast.modules) {
    size_t unit = unitOf[m.file];
    if (unit < firstNew) continue;
    for (const ast::Decl& d : m.decls) {
      if (std::optional<std::string> name = bindableName(d)) change.names.push_back(*name);
      if (!units[unit].isFile) change.declared.push_back(describe(d));
    }
  }
  if (!fe->diags.hasErrors()) fe->check();
  for (const Diagnostic& d : fe->diags.all()) {
    bool isNew = d.range.file != kNoFile && d.range.file >= firstNewFile;
    if (d.severity() == Severity::Error || isNew) {
      change.diagnostics += render(d, fe->sources, RenderOptions{color_}) + "\n";
    }
  }
  change.ok = !fe->diags.hasErrors();
  if (change.ok) {
    units_ = std::move(units);
    fe_ = std::move(fe);
  } else {
    change.notes.clear();
    change.declared.clear();
  }
  return change;
}

}  // namespace journey::repl
