#include "compiler/ast/ast.h"

namespace journey::ast {

const char* macroName(MacroKind k) {
  switch (k) {
    case MacroKind::Has: return "has";
    case MacroKind::All: return "all";
    case MacroKind::Exists: return "exists";
    case MacroKind::ExistsOne: return "exists_one";
    case MacroKind::Map: return "map";
    case MacroKind::Filter: return "filter";
    case MacroKind::All2: return "all";
    case MacroKind::Exists2: return "exists";
    case MacroKind::ExistsOne2: return "existsOne";
    case MacroKind::TransformList: return "transformList";
    case MacroKind::TransformMap: return "transformMap";
    case MacroKind::TransformMapEntry: return "transformMapEntry";
    case MacroKind::Bind: return "cel.bind";
    case MacroKind::OptMap: return "optMap";
    case MacroKind::OptFlatMap: return "optFlatMap";
  }
  return "?";
}

const char* weekdayName(Weekday d) {
  static const char* const names[] = {"sunday", "monday", "tuesday", "wednesday",
                                      "thursday", "friday", "saturday"};
  return names[static_cast<int>(d)];
}

bool isNamePrefix(std::string_view prefix, std::string_view path) {
  return path.size() > prefix.size() && path[prefix.size()] == '.' && path.starts_with(prefix);
}

NamePath namePath(const Ast& ast, ExprId e) {
  if (e == kNoExpr) return {};
  if (auto* id = std::get_if<Ident>(&ast[e].node)) return {id->name, id->rooted};
  if (auto* sel = std::get_if<Select>(&ast[e].node)) {
    if (sel->optional) return {};
    NamePath base = namePath(ast, sel->operand);
    if (!base.path.empty()) base.path += "." + sel->field.text;
    return base;
  }
  return {};
}

std::string dottedName(const Ast& ast, ExprId e) {
  NamePath p = namePath(ast, e);
  return p.rooted ? "" : std::move(p.path);
}

}  // namespace journey::ast
