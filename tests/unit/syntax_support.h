// Helpers for the parser's unit tests: parse a file or an expression from a string, show an
// expression in a compact one-line form, and look at the diagnostics.
#pragma once

#include <charconv>
#include <memory>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/diagnostics/diagnostic.h"
#include "compiler/source/source_manager.h"
#include "compiler/syntax/parser.h"

namespace journey::syntax_test {

struct Parsed {
  SourceManager sources;
  ast::Ast ast;
  DiagnosticSink diags;
  ast::Module module;
  FileId file = kNoFile;
  ast::ExprId expr = ast::kNoExpr;  // for parseExpr

  std::vector<std::string> codes() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : diags.all()) out.emplace_back(info(d.kind).code);
    return out;
  }
  // The first diagnostic's message, or "" when there is none.
  std::string message() const { return diags.all().empty() ? "" : diags.all()[0].message; }
  std::string code() const {
    return diags.all().empty() ? "" : std::string(info(diags.all()[0].kind).code);
  }
  // "line:col" of the first diagnostic.
  std::string where() const {
    if (diags.all().empty()) return "";
    LineCol lc = sources.lineCol(file, diags.all()[0].range.begin);
    return std::to_string(lc.line) + ":" + std::to_string(lc.column);
  }
  // The source text the first diagnostic underlines.
  std::string underlined() const {
    return diags.all().empty() ? "" : std::string(sources.slice(diags.all()[0].range));
  }
  std::string text(SourceRange r) const { return std::string(sources.slice(r)); }
};

inline std::unique_ptr<Parsed> parse(const std::string& text) {
  auto p = std::make_unique<Parsed>();
  p->file = p->sources.add("test.journey", text);
  p->module = syntax::parseFile(p->file, p->sources, p->ast, p->diags);
  return p;
}

inline std::unique_ptr<Parsed> parseExpr(const std::string& text) {
  auto p = std::make_unique<Parsed>();
  p->file = p->sources.add("expr.cel", text);
  p->expr = syntax::parseExpression(p->file, p->sources, p->ast, p->diags);
  return p;
}

inline std::string quote(const std::string& s, bool bytes) {
  std::string out = bytes ? "b\"" : "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7F || (bytes && c >= 0x80)) {
      const char* hex = "0123456789abcdef";
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

// A compact form: `_+_(a, _*_(b, c))`, `a.?b`, `x[?0]`, `T{f: 1}`, `all<x>(list; p)`.
inline std::string show(const ast::Ast& ast, ast::ExprId id) {
  if (id == ast::kNoExpr) return "<none>";
  const ast::Expr& e = ast[id];
  auto list = [&](const std::vector<ast::ExprId>& xs) {
    std::string out;
    for (size_t i = 0; i < xs.size(); ++i) out += (i ? ", " : "") + show(ast, xs[i]);
    return out;
  };
  return std::visit(
      [&](const auto& n) -> std::string {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, ast::Literal>) {
          switch (n.kind) {
            case ast::LiteralKind::Null: return "null";
            case ast::LiteralKind::Bool: return n.boolValue ? "true" : "false";
            case ast::LiteralKind::Int: return std::to_string(n.intValue);
            case ast::LiteralKind::Uint: return std::to_string(n.uintValue) + "u";
            case ast::LiteralKind::Double: {
              char buf[64];
              auto r = std::to_chars(buf, buf + sizeof buf, n.doubleValue);
              std::string s(buf, r.ptr);
              if (s.find_first_of(".en") == std::string::npos) s += ".0";
              return s;
            }
            case ast::LiteralKind::String: return quote(n.bytes, false);
            case ast::LiteralKind::Bytes: return quote(n.bytes, true);
            case ast::LiteralKind::Duration: return "dur(" + std::to_string(n.intValue) + ")";
          }
          return "?";
        } else if constexpr (std::is_same_v<T, ast::Ident>) {
          return (n.rooted ? "." : "") + n.name;
        } else if constexpr (std::is_same_v<T, ast::Select>) {
          return show(ast, n.operand) + (n.optional ? ".?" : ".") + n.field.text;
        } else if constexpr (std::is_same_v<T, ast::Index>) {
          return show(ast, n.operand) + (n.optional ? "[?" : "[") + show(ast, n.index) + "]";
        } else if constexpr (std::is_same_v<T, ast::Call>) {
          std::string target = n.target == ast::kNoExpr ? "" : show(ast, n.target) + ".";
          return target + n.function + "(" + list(n.args) + ")";
        } else if constexpr (std::is_same_v<T, ast::ListLit>) {
          std::string out = "[";
          for (size_t i = 0; i < n.elements.size(); ++i) {
            out += (i ? ", " : "") + std::string(n.optionalElements[i] ? "?" : "") +
                   show(ast, n.elements[i]);
          }
          return out + "]";
        } else if constexpr (std::is_same_v<T, ast::MapLit>) {
          std::string out = "{";
          for (size_t i = 0; i < n.entries.size(); ++i) {
            const ast::MapEntry& m = n.entries[i];
            out += (i ? ", " : "") + std::string(m.optional ? "?" : "") + show(ast, m.key) + ": " +
                   show(ast, m.value);
          }
          return out + "}";
        } else if constexpr (std::is_same_v<T, ast::RecordLit>) {
          std::string out = n.type.text + "{";
          for (size_t i = 0; i < n.fields.size(); ++i) {
            const ast::FieldInit& f = n.fields[i];
            out += (i ? ", " : "") + std::string(f.optional ? "?" : "") + f.field.text + ": " +
                   show(ast, f.value);
          }
          return out + "}";
        } else if constexpr (std::is_same_v<T, ast::Macro>) {
          std::string vars;
          for (size_t i = 0; i < n.vars.size(); ++i) vars += (i ? ", " : "") + n.vars[i].text;
          std::string target = n.target == ast::kNoExpr ? "" : show(ast, n.target) + "; ";
          return std::string(ast::macroName(n.kind)) + "<" + vars + ">(" + target + list(n.args) + ")";
        } else {
          return "<error>";
        }
      },
      e.node);
}

// The expression in compact form, or "error: <first message>".
inline std::string expr(const std::string& text) {
  auto p = parseExpr(text);
  if (p->expr == ast::kNoExpr || p->diags.hasErrors()) return "error: " + p->message();
  return show(p->ast, p->expr);
}

// The first diagnostic of parsing `text` as a file, as "CODE line:col message".
inline std::string fileError(const std::string& text) {
  auto p = parse(text);
  if (p->diags.all().empty()) return "";
  return p->code() + " " + p->where() + " " + p->message();
}

// Parses `expr` in a statement position (`let x = ...`) and shows it.
inline std::string inStep(const std::string& exprText) {
  auto p = parse("journey J {\n  entry on E\n  let x = " + exprText + "\n}\n");
  if (p->diags.hasErrors()) return "error: " + p->message();
  const auto& j = std::get<ast::JourneyDecl>(p->module.decls.at(0).kind);
  return show(p->ast, std::get<ast::LetStep>(j.steps.at(0).kind).value);
}

}  // namespace journey::syntax_test
