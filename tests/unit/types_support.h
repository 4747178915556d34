// Shared by the tests/unit/types_*.cpp files: a small world of declarations in which single
// expressions are parsed and type-checked.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/diagnostics/diagnostic.h"
#include "compiler/sema/expr_checker.h"
#include "compiler/sema/symbols.h"
#include "compiler/sema/types.h"
#include "compiler/source/source_manager.h"
#include "compiler/syntax/parser.h"

namespace journey::test {

struct FieldSpec {
  std::string name;
  std::string type;  // a stdlib pattern (`list<string>`) or a record name declared before
  bool optional = false;
  bool hasDefault = false;
};

// The result of checking one expression.
struct Checked {
  bool parsed = false;
  sema::TypeId type = 0;
  std::string printed;                  // the type, or "<error>"
  std::vector<Diagnostic> diagnostics;  // the ones this expression produced
  size_t errors = 0;
  size_t warnings = 0;
  ast::ExprId root = ast::kNoExpr;

  // The messages, one per line, for CHECK failures that explain themselves.
  std::string messages() const {
    std::string out;
    for (const Diagnostic& d : diagnostics) out += d.message + "\n";
    return out;
  }
  bool has(std::string_view message) const {
    for (const Diagnostic& d : diagnostics) {
      if (d.message == message) return true;
    }
    return false;
  }
};

class TypeWorld {
 public:
  TypeWorld() : context_{sources, ast, types, symbols, diags, facts} {}

  // A stdlib pattern, in which the names of records declared before may appear.
  sema::TypeId type(std::string_view pattern) {
    for (const auto& [name, id] : records_) {
      if (name == pattern) return types.record(id);
    }
    auto inner = [&](std::string_view prefix) {
      return pattern.substr(prefix.size(), pattern.size() - prefix.size() - 1);
    };
    if (pattern.starts_with("list<")) return types.list(type(inner("list<")));
    if (pattern.starts_with("optional<")) return types.optional(type(inner("optional<")));
    if (pattern.starts_with("map<")) {
      std::string_view params = inner("map<");
      int depth = 0;
      for (size_t i = 0; i < params.size(); ++i) {
        if (params[i] == '<') ++depth;
        if (params[i] == '>') --depth;
        if (params[i] == ',' && depth == 0) {
          std::string_view value = params.substr(i + 1);
          while (value.starts_with(' ')) value.remove_prefix(1);
          return types.map(type(params.substr(0, i)), type(value));
        }
      }
    }
    return types.parsePattern(pattern);
  }

  sema::RecordId addRecord(const std::string& name, sema::RecordOrigin origin,
                           const std::vector<FieldSpec>& fields) {
    sema::RecordInfo info;
    info.name = name;
    info.origin = origin;
    for (const FieldSpec& f : fields) {
      info.fields.push_back({f.name, type(f.type), f.optional, f.hasDefault, {}});
    }
    sema::RecordId id = types.addRecord(std::move(info));
    records_.emplace_back(name, id);
    return id;
  }
  sema::RecordId declareType(const std::string& name, const std::vector<FieldSpec>& fields) {
    sema::RecordId id = addRecord(name, sema::RecordOrigin::Type, fields);
    symbols.recordTypes[name] = id;
    return id;
  }
  sema::RecordId declareEvent(const std::string& name, std::vector<FieldSpec> fields) {
    fields.push_back({"time", "timestamp"});
    sema::RecordId id = addRecord(name, sema::RecordOrigin::Event, fields);
    symbols.events[name] = sema::EventSymbol{nullptr, id, types.record(id)};
    return id;
  }
  void declareProfile(const std::vector<FieldSpec>& fields) {
    sema::RecordId id = addRecord("Profile", sema::RecordOrigin::Schema, fields);
    symbols.profile = id;
    symbols.profileType = types.record(id);
  }
  void declareAudience(const std::string& name) { symbols.audiences[name] = {}; }
  void declareConst(const std::string& name, std::string_view t) {
    symbols.consts[name] = sema::ConstSymbol{nullptr, type(t)};
  }
  void declareFn(const std::string& name, const std::vector<std::string>& params,
                 std::string_view result) {
    sema::FnSymbol fn;
    for (const std::string& p : params) fn.params.push_back(type(p));
    fn.result = type(result);
    symbols.fns[name] = fn;
  }
  void declare(const std::string& name, std::string_view t) { scope.declare(name, type(t)); }

  Checked check(std::string_view source) { return check(source, scope); }

  Checked check(std::string_view source, const sema::Scope& in) {
    Checked out;
    FileId file = sources.add("<expr " + std::to_string(sources.size()) + ">", std::string(source));
    size_t before = diags.all().size();
    out.root = syntax::parseExpression(file, sources, ast, diags);
    out.parsed = out.root != ast::kNoExpr;
    if (out.parsed) {
      sema::ExprChecker checker(context_);
      out.type = checker.check(out.root, in);
    } else {
      out.type = types.error();
    }
    out.printed = types.print(out.type);
    for (size_t i = before; i < diags.all().size(); ++i) {
      const Diagnostic& d = diags.all()[i];
      out.diagnostics.push_back(d);
      (d.severity() == Severity::Error ? out.errors : out.warnings)++;
    }
    return out;
  }

  // The type of a well-typed expression, or the diagnostics when there are any.
  std::string typeOf(std::string_view source) {
    Checked c = check(source);
    if (!c.parsed) return "<parse error> " + c.messages();
    if (c.errors) return "<error> " + c.messages();
    return c.printed;
  }
  // The one error message of an ill-typed expression.
  std::string errorOf(std::string_view source) {
    Checked c = check(source);
    if (!c.parsed) return "<parse error> " + c.messages();
    if (c.errors != 1) return std::to_string(c.errors) + " errors: " + c.messages();
    for (const Diagnostic& d : c.diagnostics) {
      if (d.severity() == Severity::Error) return d.message;
    }
    return "";
  }

  sema::CheckContext& context() { return context_; }

  SourceManager sources;
  ast::Ast ast;
  DiagnosticSink diags;
  sema::TypeTable types;
  sema::ProgramSymbols symbols;
  sema::ExprFacts facts;
  sema::Scope scope;

 private:
  sema::CheckContext context_;
  std::vector<std::pair<std::string, sema::RecordId>> records_;
};

// A world like the design's shop example: records, the profile, events, audiences, a `fn`, a
// `const`, and local bindings of many types.
inline void declareShop(TypeWorld& w) {
  w.declareType("Item", {{"sku", "string"}, {"qty", "int"}, {"price", "double"}});
  w.declareType("Address", {{"city", "string"}, {"zip", "string", true}});
  w.addRecord("Profile.loyalty", sema::RecordOrigin::Inline,
              {{"tier", "string"}, {"points", "int"}});
  w.declareProfile({{"id", "string"},
                    {"email", "string", true},
                    {"phone", "string", true},
                    {"firstName", "string"},
                    {"timezone", "string", false, true},
                    {"loyalty", "Profile.loyalty"},
                    {"address", "Address", true},
                    {"tags", "list<string>"},
                    {"scores", "map<string, int>"},
                    {"lastPurchase", "timestamp", true}});
  w.declareEvent("CartAbandoned",
                 {{"cartId", "string"}, {"total", "double"}, {"items", "list<Item>"}});
  w.declareEvent("Purchase",
                 {{"orderId", "string"}, {"cartId", "string", true}, {"total", "double"}});
  w.declareAudience("Gold");
  w.declareAudience("LapsedBuyers");
  w.declareFn("discounted", {"double", "double"}, "double");
  w.declareConst("LIMIT", "int");
  w.declare("cart", "CartAbandoned");
  w.declare("bought", "Purchase");
  w.declare("d", "dyn");
  w.declare("m", "map<string, int>");
  w.declare("mi", "map<int, string>");
  w.declare("l", "list<int>");
  w.declare("s", "string");
  w.declare("ts", "timestamp");
  w.declare("o", "optional<string>");
}

}  // namespace journey::test
