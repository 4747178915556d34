// The strings extension's `format`: when the format string is a literal, its clauses are
// checked against the values, so `'%d'.format([name])` is caught before it runs. Values of
// type dyn are left to the run-time check.
#include "compiler/sema/expr_checker_impl.h"

namespace journey::sema {

namespace {

// Which value types a verb formats, and how to say so.
bool verbAccepts(char verb, TypeKind k) {
  bool integer = k == TypeKind::Int || k == TypeKind::Uint;
  bool number = integer || k == TypeKind::Double;
  switch (verb) {
    case 's': return true;
    case 'd':
    case 'f':
    case 'e': return number;
    case 'x':
    case 'X': return integer || k == TypeKind::String || k == TypeKind::Bytes;
    case 'o': return integer;
    case 'b': return integer || k == TypeKind::Bool;
    default: return false;
  }
}

const char* verbWants(char verb) {
  switch (verb) {
    case 'd':
    case 'f':
    case 'e': return "`int`, `uint` or `double`";
    case 'x':
    case 'X': return "`int`, `uint`, `string` or `bytes`";
    case 'o': return "`int` or `uint`";
    case 'b': return "`int`, `uint` or `bool`";
    default: return "any value";
  }
}

}  // namespace

void ExprChecker::Impl::checkFormat(const ast::Call& call) {
  auto* literal = std::get_if<ast::Literal>(&ast[call.target].node);
  if (!literal || literal->kind != ast::LiteralKind::String || call.args.size() != 1) return;
  const std::string& text = literal->bytes;
  SourceRange where = ast[call.target].range;

  std::vector<char> clauses;  // the verb of each clause, in order
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') continue;
    if (i + 1 < text.size() && text[i + 1] == '%') {
      ++i;
      continue;
    }
    ++i;
    bool precision = false;
    if (i < text.size() && text[i] == '.') {
      ++i;
      size_t digits = i;
      while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
      precision = i > digits;
      if (!precision) {
        report(DiagKind::InvalidFormat, where,
               "a precision in a format clause needs digits, like `%.2f`");
        return;
      }
    }
    char verb = i < text.size() ? text[i] : '\0';
    if (std::string_view("sdfexXob").find(verb) == std::string_view::npos || verb == '\0') {
      std::string shown = verb ? std::string("%") + verb : std::string("%");
      Diagnostic& d = report(DiagKind::InvalidFormat, where,
                             "unknown format clause `" + shown + "` in the format string");
      d.helps.push_back(
          "the clauses are `%s`, `%d`, `%f`, `%e`, `%x`, `%X`, `%o` and `%b`; write "
          "`%%` for a percent sign");
      return;
    }
    if (precision && verb != 'f' && verb != 'e') {
      report(DiagKind::InvalidFormat, where,
             std::string("`%") + verb + "` takes no precision; only `%f` and `%e` do");
      return;
    }
    clauses.push_back(verb);
  }

  ast::ExprId values = call.args[0];
  auto* list = std::get_if<ast::ListLit>(&ast[values].node);
  if (list) {
    bool optionalElements = false;
    for (bool o : list->optionalElements) optionalElements |= o;
    if (!optionalElements && list->elements.size() != clauses.size()) {
      size_t n = list->elements.size();
      report(DiagKind::InvalidFormat, ast[values].range,
             "the format string has " + std::to_string(clauses.size()) +
                 (clauses.size() == 1 ? " clause" : " clauses") + " but " + std::to_string(n) +
                 (n == 1 ? " value is" : " values are") + " given");
      return;
    }
  }
  TypeId listType = ctx.facts.types[values];
  for (size_t i = 0; i < clauses.size(); ++i) {
    TypeId value;
    SourceRange at = ast[values].range;
    if (list && i < list->elements.size()) {
      if (i < list->optionalElements.size() && list->optionalElements[i]) return;
      value = ctx.facts.types[list->elements[i]];
      at = ast[list->elements[i]].range;
    } else if (types.kind(listType) == TypeKind::List) {
      value = types.param(listType, 0);
    } else {
      return;
    }
    TypeKind k = types.kind(value);
    if (k == TypeKind::Dyn || k == TypeKind::Error || verbAccepts(clauses[i], k)) continue;
    Diagnostic& d =
        report(DiagKind::InvalidFormat, at,
               std::string("`%") + clauses[i] + "` cannot format a value of type " + quoted(value));
    d.notes.push_back(std::string("`%") + clauses[i] + "` formats " + verbWants(clauses[i]));
    if (k != TypeKind::Record) d.helps.push_back("use `%s` to format any value as text");
    return;  // one mistake per format string
  }
}

}  // namespace journey::sema
