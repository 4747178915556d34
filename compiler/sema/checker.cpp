// checkProgram: runs the passes of the program checker in order. Declarations are collected and
// their types resolved first, so that every expression is checked against complete symbols.
#include "compiler/sema/checker.h"

#include "compiler/sema/program_checker.h"
#include "compiler/sema/suggest.h"

namespace journey::sema {

std::optional<SourceRange> LocalScope::find(std::string_view name) const {
  for (const LocalScope* s = this; s; s = s->parent_) {
    for (const Site& site : s->sites_) {
      if (site.name == name) return site.range;
    }
  }
  return std::nullopt;
}

ProgramChecker::ProgramChecker(const SourceManager& sources, const ast::Ast& ast,
                               DiagnosticSink& diags, CheckedProgram& out)
    : sources(sources),
      ast(ast),
      diags(diags),
      types(out.types),
      symbols(out.symbols),
      context{sources, ast, out.types, out.symbols, diags, out.facts},
      exprs(context) {
  out.facts.types.assign(ast.exprs.size(), types.error());
  out.facts.overloads.assign(ast.exprs.size(), {});
  profileType = types.error();
}

void ProgramChecker::run() {
  collectNames();
  declareRecords();
  checkRecordCycles();
  resolveSignatures();
  checkAudienceCycles();
  checkConstsAndFns();
  checkFieldDefaults();
  for (const ast::Module& m : ast.modules) {
    for (const ast::Decl& d : m.decls) {
      if (auto* e = std::get_if<ast::EventDecl>(&d.kind)) checkEvent(*e);
      else if (auto* c = std::get_if<ast::ChannelDecl>(&d.kind)) checkChannel(*c);
      else if (auto* a = std::get_if<ast::AudienceDecl>(&d.kind)) checkAudience(*a);
      else if (auto* act = std::get_if<ast::ActionDecl>(&d.kind)) checkAction(*act);
      else if (auto* cap = std::get_if<ast::CapDecl>(&d.kind)) checkCap(*cap, Scope{});
      else if (auto* j = std::get_if<ast::JourneyDecl>(&d.kind)) checkJourney(*j);
    }
  }
  checkGotoCycles();
  checkJourneyLoops();
  checkHistoryWindows();
  checkTests();
}

Diagnostic& ProgramChecker::report(DiagKind kind, SourceRange range, std::string message) {
  return diags.report(kind, range, std::move(message));
}

void ProgramChecker::reportUnknown(DiagKind kind, const ast::Name& name, std::string_view what,
                                   const std::vector<std::string>& candidates) {
  Diagnostic& d = report(kind, name.range, "unknown " + std::string(what) + " `" + name.text + "`");
  suggestDeclaredName(d, name.text, candidates, std::string(what) + "s");
  // A name declared as something else is a likelier mistake than a typo: say what it is.
  auto other = declared.find(name.text);
  if (other != declared.end()) {
    d.secondary.push_back({other->second.range, "`" + name.text + "` is " +
                                                    std::string(other->second.kind) + " here"});
  }
}

std::optional<std::pair<std::string, SourceRange>> ProgramChecker::programName(
    std::string_view name) const {
  if (auto it = symbols.consts.find(name); it != symbols.consts.end() && it->second.decl) {
    return std::pair{"a constant", it->second.decl->name.range};
  }
  if (auto it = symbols.fns.find(name); it != symbols.fns.end() && it->second.decl) {
    return std::pair{"a function", it->second.decl->name.range};
  }
  if (auto it = symbols.events.find(name); it != symbols.events.end() && it->second.decl) {
    return std::pair{"an event type", it->second.decl->name.range};
  }
  if (auto it = symbols.recordTypes.find(name); it != symbols.recordTypes.end()) {
    return std::pair{"a record type", types.recordInfo(it->second).range};
  }
  if (isBuiltinTypeName(name)) return std::pair{"a built-in type", SourceRange{}};
  return std::nullopt;
}

bool ProgramChecker::refuseProgramName(const ast::Name& name) {
  auto named = programName(name.text);
  if (!named) return false;
  Diagnostic& d = report(DiagKind::DuplicateBinding, name.range,
                         "`" + name.text + "` already names " + named->first +
                             ", which every expression sees");
  if (named->second.valid()) d.secondary.push_back({named->second, "declared here"});
  d.helps.push_back("choose another name");
  return true;
}

Diagnostic& ProgramChecker::reportRedeclared(const ast::Name& name, SourceRange first) {
  Diagnostic& d =
      report(DiagKind::DuplicateBinding, name.range, "`" + name.text + "` is already declared");
  if (first.valid()) d.secondary.push_back({first, "first declared here"});
  else d.notes.push_back("`profile` always names the customer profile");
  return d;
}

std::optional<TypeId> ProgramChecker::eventType(const ast::Name& event) {
  if (auto it = symbols.events.find(event.text); it != symbols.events.end()) {
    return it->second.type;
  }
  reportUnknown(DiagKind::UnknownEvent, event, "event", namesOf(symbols.events));
  return std::nullopt;
}

void ProgramChecker::declareProfile(LocalScope& scope) {
  scope.declare("profile", SourceRange{}, profileType);
}

void checkProgram(const SourceManager& sources, const ast::Ast& ast, DiagnosticSink& diags,
                  CheckedProgram& out) {
  ProgramChecker checker(sources, ast, diags, out);
  checker.run();
}

}  // namespace journey::sema
