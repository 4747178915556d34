// Field selection (`x.f`, `x.?f`), indexing (`l[i]`, `m[k]`, `m[?k]`), and the presence facts
// that `has()` tests establish for the unguarded-optional-read warning.
#include <cctype>

#include "compiler/sema/expr_checker_impl.h"
#include "compiler/sema/foreign_names.h"
#include "compiler/sema/suggest.h"
#include "stdlib/overloads.h"

namespace journey::sema {

TypeId ExprChecker::Impl::checkSelect(ast::ExprId e, const ast::Select& sel, const Scope& scope,
                                      bool inHas) {
  // A name bound with dots (`a.b.c`) wins over selecting from a shorter one, as CEL resolves
  // qualified names longest first (the lowering reads it the same way).
  if (!sel.optional && !inHas) {
    auto [path, rooted] = ast::namePath(ast, e);
    if (!path.empty()) {
      if (auto t = lookupName(path, rooted, scope)) return *t;
    }
  }
  // `google.protobuf.Timestamp` is a qualified type name, not a selection on a value.
  if (!sel.optional && !inHas) {
    std::string path = ast::dottedName(ast, e);
    if (!path.empty() && !isValueName(path.substr(0, path.find('.')), scope)) {
      if (auto t = typeNamed(path)) return types.typeOf(*t);
    }
  }

  TypeId operand = check(sel.operand, scope);
  if (isError(operand)) return types.error();
  // Selecting on an optional value chains: `o.f` is empty when `o` is.
  TypeId base = operand;
  bool optional = sel.optional;
  if (types.kind(base) == TypeKind::Optional) {
    base = types.param(base, 0);
    optional = true;
  }
  const std::string& name = sel.field.text;
  SourceRange fieldRange = sel.field.range.valid() ? sel.field.range : ast[e].range;
  TypeId field;
  switch (types.kind(base)) {
    case TypeKind::Dyn: field = types.dyn(); break;
    case TypeKind::Map: {
      TypeId key = types.param(base, 0);
      if (types.kind(key) != TypeKind::String && !isDyn(key)) {
        Diagnostic& d = report(
            DiagKind::InvalidIndex, fieldRange,
            "`." + name + "` reads a string key, but the keys of this map are " + quoted(key));
        d.helps.push_back("index the map with a key of its type: `m[key]`");
        return types.error();
      }
      field = types.param(base, 1);
      break;
    }
    case TypeKind::Record: {
      RecordId record = types.get(base).record;
      const RecordInfo& info = types.recordInfo(record);
      int index = info.find(name);
      if (index < 0) {
        Diagnostic& d = report(DiagKind::UnknownField, fieldRange,
                               describeRecord(record) + " has no field `" + name + "`");
        std::vector<std::string> names;
        for (const RecordField& f : info.fields) names.push_back(f.name);
        if (auto close = closestName(name, names))
          d.helps.push_back("did you mean `" + *close + "`?");
        return types.error();
      }
      const RecordField& f = info.fields[static_cast<size_t>(index)];
      field = f.type;
      if (f.optional && !optional && !inHas && !scope.absentAllowed()) {
        std::string path = presencePath(e);
        if (path.empty() || !scope.isGuarded(path)) {
          std::string what = path.empty() ? "the field `" + name + "` of " + describeRecord(record)
                                          : "`" + path + "`";
          Diagnostic& d = report(DiagKind::UnguardedOptionalRead, ast[e].range,
                                 what + " is optional and may be absent");
          d.label = "read without a presence test";
          if (!path.empty()) {
            std::string owner = path.substr(0, path.size() - name.size() - 1);
            // An optional read alone (`p.?cartId`) is an `optional<T>`, which a place that
            // wants a T refuses: the fallback makes it one. A record of an inline type has no
            // name to build a fallback with.
            bool inlineRecord =
                types.kind(f.type) == TypeKind::Record &&
                types.recordInfo(types.get(f.type).record).origin == RecordOrigin::Inline;
            d.helps.push_back("test it first with `has(" + path + ")`" +
                              (inlineRecord ? std::string()
                                            : ", or give a fallback: `" + owner + ".?" + name +
                                                  ".orValue(…)`"));
          }
        }
      }
      break;
    }
    default: {
      Diagnostic& d = report(DiagKind::NoFields, fieldRange,
                             "cannot read `." + name + "`: " + quoted(base) + " has no fields");
      std::string operand(ctx.sources.slice(ast[sel.operand].range));
      std::optional<std::string> cel = celSpelling(name, true, operand);
      // `tags.size`: a method of the operand's type named without its call. Its fewest arguments
      // decide the parentheses.
      std::optional<size_t> arguments;
      std::string printed = types.print(base);
      auto head = [](std::string_view type) { return type.substr(0, type.find('<')); };
      for (uint32_t i : stdlib::overloadsNamed(name)) {
        const stdlib::Overload& o = stdlib::standardOverloads()[i];
        std::string_view target = o.params[0];
        bool anyType = target.size() == 1 && std::isupper(static_cast<unsigned char>(target[0]));
        if (!o.receiver || !(anyType || head(target) == head(printed))) continue;
        arguments = std::min(arguments.value_or(o.params.size()), o.params.size() - 1);
      }
      TypeKind element = types.kind(base) == TypeKind::List ? types.kind(types.param(base, 0))
                                                            : TypeKind::Error;
      if (cel) {
        d.helps.push_back(*cel);
      } else if (arguments) {
        d.helps.push_back("`" + name + "` is a method: call it, `" + operand + "." + name +
                          (*arguments == 0 ? "()" : "(…)") + "`");
      } else if (element == TypeKind::Record || element == TypeKind::Map ||
                 element == TypeKind::Dyn) {
        // A list of what has fields: one element's, or each one's.
        d.helps.push_back("index the list first, like `" + operand + "[0]." + name +
                          "`, or use a macro such as `" + operand + ".map(e, e." + name + ")`");
      }
      return types.error();
    }
  }
  return optional ? types.optional(field) : field;
}

TypeId ExprChecker::Impl::checkIndex(ast::ExprId e, const ast::Index& index, const Scope& scope) {
  TypeId operand = check(index.operand, scope);
  TypeId key = check(index.index, scope);
  if (isError(operand) || isError(key)) return types.error();
  TypeId base = operand;
  bool optional = index.optional;
  if (types.kind(base) == TypeKind::Optional) {
    base = types.param(base, 0);
    optional = true;
  }
  TypeId element;
  switch (types.kind(base)) {
    case TypeKind::Dyn: element = types.dyn(); break;
    case TypeKind::List: {
      TypeKind k = types.kind(key);
      if (k != TypeKind::Int && k != TypeKind::Uint && k != TypeKind::Dyn) {
        report(DiagKind::InvalidIndex, ast[index.index].range,
               "a list index must be `int`, found " + quoted(key));
        return types.error();
      }
      // A negative literal: CEL's lists do not count from the end, so this fails at every run.
      // A warning, as W0107 is: CEL defines it as an evaluation error, which a program may mean.
      auto* literal = std::get_if<ast::Literal>(&ast[index.index].node);
      if (!index.optional && literal && literal->kind == ast::LiteralKind::Int &&
          literal->intValue < 0) {
        Diagnostic& d = report(DiagKind::NegativeListIndex, ast[index.index].range,
                               "a list index is never negative: this one is out of range at "
                               "every run");
        d.helps.push_back("for the last item write `xs[size(xs) - 1]`; `xs[?" +
                          std::to_string(literal->intValue) + "]` gives `optional.none()`");
      }
      element = types.param(base, 0);
      break;
    }
    case TypeKind::Map: {
      TypeId keyType = types.param(base, 0);
      if (!assignable(key, keyType)) {
        report(DiagKind::InvalidIndex, ast[index.index].range,
               "the keys of this map are " + quoted(keyType) + ", but the key given is " +
                   quoted(key));
        return types.error();
      }
      element = types.param(base, 1);
      break;
    }
    default: {
      Diagnostic& d = report(DiagKind::NotIndexable, ast[e].range,
                             "a value of type " + quoted(base) + " cannot be indexed");
      if (types.kind(base) == TypeKind::Record) {
        d.helps.push_back("read a field with `.name`");
      } else if (types.kind(base) == TypeKind::String) {
        d.helps.push_back("use `s.charAt(i)` or `s.substring(i, j)`");
      }
      return types.error();
    }
  }
  return optional ? types.optional(element) : element;
}

// ---------------------------------------------------------------------------------------------
// Presence guards

std::string ExprChecker::Impl::presencePath(ast::ExprId e) const {
  if (e == ast::kNoExpr) return "";
  const ast::ExprNode& node = ast[e].node;
  if (auto* id = std::get_if<ast::Ident>(&node)) return (id->rooted ? "." : "") + id->name;
  if (auto* sel = std::get_if<ast::Select>(&node)) {
    std::string base = presencePath(sel->operand);
    if (base.empty()) return "";
    return base + (sel->optional ? ".?" : ".") + sel->field.text;
  }
  if (auto* idx = std::get_if<ast::Index>(&node)) {
    std::string base = presencePath(idx->operand);
    auto* lit = std::get_if<ast::Literal>(&ast[idx->index].node);
    if (base.empty() || !lit) return "";
    std::string key;
    switch (lit->kind) {
      case ast::LiteralKind::Int: key = std::to_string(lit->intValue); break;
      case ast::LiteralKind::Uint: key = std::to_string(lit->uintValue) + "u"; break;
      case ast::LiteralKind::String: key = "\"" + lit->bytes + "\""; break;
      default: return "";
    }
    return base + (idx->optional ? "[?" : "[") + key + "]";
  }
  return "";
}

void ExprChecker::Impl::addGuards(ast::ExprId condition, bool outcome, Scope& scope) const {
  if (condition == ast::kNoExpr) return;
  const ast::ExprNode& node = ast[condition].node;
  if (auto* m = std::get_if<ast::Macro>(&node)) {
    if (m->kind == ast::MacroKind::Has && outcome && !m->args.empty()) {
      std::string path = presencePath(m->args[0]);
      if (!path.empty()) scope.guard(path);
    }
    return;
  }
  auto* call = std::get_if<ast::Call>(&node);
  if (!call || call->target != ast::kNoExpr) return;
  if (call->function == "!_" && call->args.size() == 1) {
    addGuards(call->args[0], !outcome, scope);
  } else if (call->args.size() == 2 &&
             ((call->function == "_&&_" && outcome) || (call->function == "_||_" && !outcome))) {
    // Both sides of a true `&&` (a false `||`) hold.
    addGuards(call->args[0], outcome, scope);
    addGuards(call->args[1], outcome, scope);
  }
}

}  // namespace journey::sema
