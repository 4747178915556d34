// Calls: macros (`has`, comprehensions, `cel.bind`, `optMap`) and qualified global function names
// (`math.abs(x)` is the function `math.abs`, not a method `abs` of a variable `math`).
#include <array>

#include "compiler/syntax/ast_builder.h"

namespace journey::syntax {

bool isLibraryNamespace(std::string_view name) {
  static const std::array<const char*, 5> kNamespaces = {"math", "strings", "base64", "optional",
                                                         "cel"};
  for (const char* n : kNamespaces) {
    if (name == n) return true;
  }
  return false;
}

namespace {

// How a macro is written, for messages.
const char* macroUsage(const std::string& name) {
  if (name == "all" || name == "exists") return "`e.NAME(x, p)` or `e.NAME(i, v, p)`";
  if (name == "exists_one" || name == "existsOne") return "`e.NAME(x, p)` or `e.NAME(i, v, p)`";
  if (name == "map") return "`e.map(x, t)` or `e.map(x, p, t)`";
  if (name == "filter") return "`e.filter(x, p)`";
  if (name == "optMap" || name == "optFlatMap") return "`o.NAME(x, t)`";
  if (name == "bind") return "`cel.bind(x, init, body)`";
  return "`e.NAME(i, v, t)` or `e.NAME(i, v, p, t)`";
}

std::string usageOf(const std::string& name) {
  std::string usage = macroUsage(name);
  for (size_t at = usage.find("NAME"); at != std::string::npos; at = usage.find("NAME")) {
    usage.replace(at, 4, name);
  }
  return usage;
}

}  // namespace

std::optional<std::string> AstBuilder::qualifiedName(ast::ExprId e) const {
  const ast::ExprNode& n = ast_[e].node;
  if (auto* id = std::get_if<ast::Ident>(&n)) {
    if (!id->rooted && isLibraryNamespace(id->name)) return id->name;
    return std::nullopt;
  }
  if (auto* sel = std::get_if<ast::Select>(&n)) {
    if (sel->optional) return std::nullopt;
    if (auto prefix = qualifiedName(sel->operand)) return *prefix + "." + sel->field.text;
  }
  return std::nullopt;
}

ast::ExprId AstBuilder::globalCall(ast::Name function, std::vector<ast::ExprId> args,
                                   SourceRange whole) {
  if (function.text == "has") {
    if (args.size() != 1) {
      report(DiagKind::InvalidMacroCall, function.range,
             "`has` takes one argument, a field selection like `has(profile.email)`");
      return error(whole);
    }
    const ast::Expr& arg = ast_[args[0]];
    if (std::holds_alternative<ast::ErrorExpr>(arg.node)) return error(whole);
    auto* sel = std::get_if<ast::Select>(&arg.node);
    if (sel == nullptr || sel->optional) {
      report(DiagKind::InvalidMacroCall, arg.range,
             "the argument of `has` must be a field selection, like `has(profile.email)`");
      return error(whole);
    }
    return add(ast::Macro{ast::MacroKind::Has, ast::kNoExpr, {}, {args[0]}}, whole);
  }
  return add(ast::Call{function.text, function.range, ast::kNoExpr, std::move(args)}, whole);
}

ast::ExprId AstBuilder::receiverCall(ast::ExprId target, ast::Name function,
                                     std::vector<ast::ExprId> args, SourceRange whole) {
  using K = ast::MacroKind;
  const std::string& f = function.text;
  if (f == "bind") {
    if (auto* id = std::get_if<ast::Ident>(&ast_[target].node); id && !id->rooted && id->name == "cel") {
      if (args.size() != 3) {
        report(DiagKind::InvalidMacroCall, function.range,
               "`cel.bind` takes three arguments: " + usageOf("bind"));
        return error(whole);
      }
      return macro(K::Bind, ast::kNoExpr, function, std::move(args), 1, whole);
    }
  }
  if (auto ns = qualifiedName(target)) {
    ast::Name qualified{*ns + "." + f, SourceRange::cover(rangeOf(target), function.range)};
    return add(ast::Call{qualified.text, qualified.range, ast::kNoExpr, std::move(args)}, whole);
  }

  std::optional<K> kind;
  size_t vars = 1;
  size_t n = args.size();
  if (f == "all" || f == "exists") {
    if (n == 2) kind = f == "all" ? K::All : K::Exists;
    if (n == 3) {
      kind = f == "all" ? K::All2 : K::Exists2;
      vars = 2;
    }
  } else if (f == "exists_one" || f == "existsOne") {
    if (n == 2) kind = K::ExistsOne;
    if (n == 3) {
      kind = K::ExistsOne2;
      vars = 2;
    }
  } else if (f == "map") {
    if (n == 2 || n == 3) kind = K::Map;
  } else if (f == "filter") {
    if (n == 2) kind = K::Filter;
  } else if (f == "transformList" || f == "transformMap" || f == "transformMapEntry") {
    vars = 2;
    if (n == 3 || n == 4) {
      kind = f == "transformList" ? K::TransformList
             : f == "transformMap" ? K::TransformMap
                                   : K::TransformMapEntry;
    }
  } else if (f == "optMap" || f == "optFlatMap") {
    if (n == 2) kind = f == "optMap" ? K::OptMap : K::OptFlatMap;
  } else {
    return add(ast::Call{f, function.range, target, std::move(args)}, whole);
  }
  if (!kind) {
    report(DiagKind::InvalidMacroCall, function.range,
           "`" + f + "` is given " + std::to_string(n) + " argument" + (n == 1 ? "" : "s") +
               "; write " + usageOf(f));
    return error(whole);
  }
  return macro(*kind, target, function, std::move(args), vars, whole);
}

ast::ExprId AstBuilder::macro(ast::MacroKind kind, ast::ExprId target, const ast::Name& function,
                              std::vector<ast::ExprId> args, size_t varCount, SourceRange whole) {
  ast::Macro m;
  m.kind = kind;
  m.target = target;
  for (size_t i = 0; i < varCount; ++i) {
    const ast::Expr& arg = ast_[args[i]];
    if (std::holds_alternative<ast::ErrorExpr>(arg.node)) return error(whole);
    auto* id = std::get_if<ast::Ident>(&arg.node);
    if (id == nullptr || id->rooted) {
      std::string which = i == 0 ? "the first argument" : "the second argument";
      std::string macroText = kind == ast::MacroKind::Bind ? "cel.bind" : function.text;
      report(DiagKind::InvalidMacroCall, arg.range,
             which + " of `" + macroText + "` must be a simple name, the variable it binds")
          .helps.push_back("write " + usageOf(function.text));
      return error(whole);
    }
    m.vars.push_back(ast::Name{id->name, arg.range});
    refuseNamespace(m.vars.back());
  }
  m.args.assign(args.begin() + static_cast<std::ptrdiff_t>(varCount), args.end());
  return add(std::move(m), whole);
}

}  // namespace journey::syntax
