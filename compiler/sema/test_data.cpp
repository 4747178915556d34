#include "compiler/sema/test_data.h"

#include "compiler/sema/foreign_names.h"
#include "vm/value/json_string.h"
#include "vm/value/printer.h"
#include "vm/value/value_convert.h"

namespace journey::sema {

namespace {

class JsonWriter {
 public:
  explicit JsonWriter(const ast::Ast& ast) : ast_(ast) {}

  bool object(const std::vector<ast::FieldInit>& fields) {
    out += '{';
    for (size_t i = 0; i < fields.size(); ++i) {
      if (fields[i].optional) return fail(fields[i].range, "optional fields (`?name:`) are not data");
      if (i > 0) out += ", ";
      appendJsonString(out, fields[i].field.text);
      out += ": ";
      if (!value(fields[i].value)) return false;
    }
    out += '}';
    return true;
  }

  std::string out;
  NotLiteral problem;

 private:
  bool fail(SourceRange range, std::string why) {
    problem = NotLiteral{range, std::move(why)};
    return false;
  }

  bool value(ast::ExprId id) {
    const ast::Expr& e = ast_[id];
    if (auto* l = std::get_if<ast::Literal>(&e.node)) return literal(*l, e.range);
    if (auto* list = std::get_if<ast::ListLit>(&e.node)) {
      out += '[';
      for (size_t i = 0; i < list->elements.size(); ++i) {
        if (i > 0) out += ", ";
        if (!value(list->elements[i])) return false;
      }
      out += ']';
      return true;
    }
    if (auto* map = std::get_if<ast::MapLit>(&e.node)) return mapObject(*map);
    if (auto* record = std::get_if<ast::RecordLit>(&e.node)) return object(record->fields);
    if (auto* call = std::get_if<ast::Call>(&e.node)) {
      // `timestamp("...")` and `duration("...")`: the string is what the JSON line holds.
      bool conversion = (call->function == "timestamp" || call->function == "duration") &&
                        call->target == ast::kNoExpr && call->args.size() == 1;
      const auto* arg = conversion ? std::get_if<ast::Literal>(&ast_[call->args[0]].node) : nullptr;
      if (arg && arg->kind == ast::LiteralKind::String) return literal(*arg, e.range);
    }
    // `None`, `True`: another language's literal, named as CEL writes it.
    if (auto* name = std::get_if<ast::Ident>(&e.node)) {
      if (std::optional<std::string> cel = celLiteral(name->name)) {
        return fail(e.range, "test data is written as literals; `" + name->name +
                                 "` is written `" + *cel + "`");
      }
    }
    return fail(e.range, "test data is written as literals; this is an expression");
  }

  bool mapObject(const ast::MapLit& map) {
    out += '{';
    for (size_t i = 0; i < map.entries.size(); ++i) {
      const ast::MapEntry& entry = map.entries[i];
      const ast::Expr& key = ast_[entry.key];
      if (i > 0) out += ", ";
      if (auto* name = std::get_if<ast::Ident>(&key.node); name && !name->rooted) {
        appendJsonString(out, name->name);
      } else if (auto* s = std::get_if<ast::Literal>(&key.node);
                 s && s->kind == ast::LiteralKind::String) {
        appendJsonString(out, s->bytes);
      } else {
        return fail(key.range, "a field name is a name or a string");
      }
      out += ": ";
      if (!value(entry.value)) return false;
    }
    out += '}';
    return true;
  }

  bool literal(const ast::Literal& l, SourceRange range) {
    switch (l.kind) {
      case ast::LiteralKind::Null: out += "null"; return true;
      case ast::LiteralKind::Bool: out += l.boolValue ? "true" : "false"; return true;
      case ast::LiteralKind::Int: out += std::to_string(l.intValue); return true;
      case ast::LiteralKind::Uint: out += std::to_string(l.uintValue); return true;
      case ast::LiteralKind::Double: out += formatDoubleLiteral(l.doubleValue); return true;
      case ast::LiteralKind::String: appendJsonString(out, l.bytes); return true;
      case ast::LiteralKind::Duration: {
        Duration d{l.intValue / kNanosPerSecond, static_cast<int32_t>(l.intValue % kNanosPerSecond)};
        appendJsonString(out, journey::formatDuration(d));
        return true;
      }
      case ast::LiteralKind::Bytes: break;
    }
    return fail(range, "bytes have no form in JSON lines");
  }

  const ast::Ast& ast_;
};

}  // namespace

std::variant<std::string, NotLiteral> testDataJson(const ast::Ast& ast,
                                                   const std::vector<ast::FieldInit>& fields) {
  JsonWriter writer(ast);
  if (!writer.object(fields)) return writer.problem;
  return std::move(writer.out);
}

}  // namespace journey::sema
