// `--emit ast`: one node per line, indented by two spaces per level, as
//   [role: ]kind attributes @line:col[ : type]
// Golden files depend on this form: change it only together with them.
#include "compiler/ast/printer.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace journey::ast {

namespace {


std::string doubleText(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  std::string s(buf, ec == std::errc() ? end : buf);
  if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
  return s;
}

std::string durationText(int64_t nanos) {
  if (nanos == 0) return "0s";
  std::string out;
  uint64_t n = nanos < 0 ? 0 - static_cast<uint64_t>(nanos) : static_cast<uint64_t>(nanos);
  if (nanos < 0) out += "-";
  static const struct {
    uint64_t size;
    const char* unit;
  } kUnits[] = {{86'400'000'000'000, "d"}, {3'600'000'000'000, "h"}, {60'000'000'000, "m"},
                {1'000'000'000, "s"},      {1'000'000, "ms"},         {1'000, "us"},
                {1, "ns"}};
  for (const auto& u : kUnits) {
    if (n >= u.size) {
      out += std::to_string(n / u.size) + u.unit;
      n %= u.size;
    }
  }
  return out;
}

std::string twoDigits(int v) { return (v < 10 && v >= 0 ? "0" : "") + std::to_string(v); }

std::string timeText(const TimeOfDay& t) { return twoDigits(t.hour) + ":" + twoDigits(t.minute); }

std::string typeText(const TypeRef* t) {
  if (t == nullptr) return "?";
  switch (t->kind) {
    case TypeRef::Kind::Optional:
      return typeText(t->inner.get()) + "?";
    case TypeRef::Kind::Record: {
      std::string out = "{";
      for (size_t i = 0; i < t->fields.size(); ++i) {
        if (i > 0) out += ", ";
        out += t->fields[i].name.text + ": " + typeText(t->fields[i].type.get());
        if (t->fields[i].defaultValue != kNoExpr) out += " = ...";
      }
      return out + "}";
    }
    case TypeRef::Kind::Named: {
      std::string out = t->name.text;
      if (!t->params.empty()) {
        out += "<";
        for (size_t i = 0; i < t->params.size(); ++i) {
          if (i > 0) out += ", ";
          out += typeText(t->params[i].get());
        }
        out += ">";
      }
      return out;
    }
  }
  return "?";
}

class Printer {
 public:
  Printer(const Ast& ast, const SourceManager& sources, const TypeAnnotator& annotate)
      : ast_(ast), sources_(sources), annotate_(annotate) {}

  std::string take() { return std::move(out_); }

  void module(const Module& m) {
    out_ += "module " + (m.file < sources_.size() ? sources_.path(m.file) : std::string("?")) + "\n";
    for (const Decl& d : m.decls) decl(d, 1);
  }

  void expr(ExprId e, int depth, const std::string& role = "") {
    if (e == kNoExpr) return;
    const Expr& x = ast_[e];
    std::string head = nodeHead(x.node);
    line(depth, role, head, x.range, e);
    std::visit([&](const auto& n) { exprChildren(n, depth + 1); }, x.node);
  }

 private:
  // --- expressions
  std::string nodeHead(const ExprNode& node) const {
    return std::visit(
        [&](const auto& n) -> std::string {
          using T = std::decay_t<decltype(n)>;
          if constexpr (std::is_same_v<T, Literal>) {
            switch (n.kind) {
              case LiteralKind::Null: return "literal null";
              case LiteralKind::Bool: return std::string("literal bool ") + (n.boolValue ? "true" : "false");
              case LiteralKind::Int: return "literal int " + std::to_string(n.intValue);
              case LiteralKind::Uint: return "literal uint " + std::to_string(n.uintValue) + "u";
              case LiteralKind::Double: return "literal double " + doubleText(n.doubleValue);
              case LiteralKind::String: return "literal string " + quoted(n.bytes, false);
              case LiteralKind::Bytes: return "literal bytes " + quoted(n.bytes, true);
              case LiteralKind::Duration: return "literal duration " + durationText(n.intValue);
            }
            return "literal ?";
          } else if constexpr (std::is_same_v<T, Ident>) {
            return std::string("ident ") + (n.rooted ? "." : "") + n.name;
          } else if constexpr (std::is_same_v<T, Select>) {
            return std::string("select ") + (n.optional ? "?" : "") + n.field.text;
          } else if constexpr (std::is_same_v<T, Index>) {
            return n.optional ? "index ?" : "index";
          } else if constexpr (std::is_same_v<T, Call>) {
            return "call " + n.function;
          } else if constexpr (std::is_same_v<T, ListLit>) {
            return "list";
          } else if constexpr (std::is_same_v<T, MapLit>) {
            return "map";
          } else if constexpr (std::is_same_v<T, RecordLit>) {
            return "record " + n.type.text;
          } else if constexpr (std::is_same_v<T, Macro>) {
            std::string vars;
            for (const Name& v : n.vars) vars += (vars.empty() ? "" : ", ") + v.text;
            return std::string("macro ") + macroName(n.kind) + (vars.empty() ? "" : " (" + vars + ")");
          } else {
            return "error";
          }
        },
        node);
  }

  void exprChildren(const Literal&, int) {}
  void exprChildren(const Ident&, int) {}
  void exprChildren(const ErrorExpr&, int) {}
  void exprChildren(const Select& n, int depth) { expr(n.operand, depth); }
  void exprChildren(const Index& n, int depth) {
    expr(n.operand, depth);
    expr(n.index, depth);
  }
  void exprChildren(const Call& n, int depth) {
    expr(n.target, depth, "target");
    for (ExprId a : n.args) expr(a, depth);
  }
  void exprChildren(const ListLit& n, int depth) {
    for (size_t i = 0; i < n.elements.size(); ++i) {
      bool optional = i < n.optionalElements.size() && n.optionalElements[i];
      expr(n.elements[i], depth, optional ? "optional" : "");
    }
  }
  void exprChildren(const MapLit& n, int depth) {
    for (const MapEntry& m : n.entries) {
      line(depth, "", m.optional ? "entry ?" : "entry", m.range);
      expr(m.key, depth + 1, "key");
      expr(m.value, depth + 1, "value");
    }
  }
  void exprChildren(const RecordLit& n, int depth) { fieldInits(n.fields, depth); }
  void exprChildren(const Macro& n, int depth) {
    expr(n.target, depth, "target");
    for (ExprId a : n.args) expr(a, depth);
  }

  void fieldInits(const std::vector<FieldInit>& fields, int depth) {
    for (const FieldInit& f : fields) expr(f.value, depth, (f.optional ? "?" : "") + f.field.text);
  }

  // --- declarations
  void fieldDecls(const std::vector<FieldDecl>& fields, int depth) {
    for (const FieldDecl& f : fields) {
      line(depth, "", "field " + f.name.text + ": " + typeText(f.type.get()), f.range);
      expr(f.defaultValue, depth + 1, "default");
      nestedDefaults(f.type.get(), depth + 1, f.name.text);
    }
  }
  // Defaults of fields inside inline record types, which typeText shows as `= ...`.
  void nestedDefaults(const TypeRef* t, int depth, const std::string& path) {
    if (t == nullptr) return;
    if (t->kind == TypeRef::Kind::Optional) return nestedDefaults(t->inner.get(), depth, path);
    if (t->kind != TypeRef::Kind::Record) return;
    for (const FieldDecl& f : t->fields) {
      std::string p = path + "." + f.name.text;
      expr(f.defaultValue, depth, "default " + p);
      nestedDefaults(f.type.get(), depth, p);
    }
  }

  void decl(const Decl& d, int depth) {
    std::visit([&](const auto& k) { declKind(k, d.range, depth); }, d.kind);
  }
  void declKind(const ImportDecl& d, SourceRange r, int depth) {
    line(depth, "", "import " + quoted(d.path, false), r);
  }
  void declKind(const TypeDecl& d, SourceRange r, int depth) {
    line(depth, "", "type " + d.name.text, r);
    fieldDecls(d.fields, depth + 1);
  }
  void declKind(const SchemaDecl& d, SourceRange r, int depth) {
    line(depth, "", "schema " + d.name.text, r);
    fieldDecls(d.fields, depth + 1);
  }
  void declKind(const EventDecl& d, SourceRange r, int depth) {
    line(depth, "", "event " + d.name.text, r);
    expr(d.retain, depth + 1, "retain");
    fieldDecls(d.fields, depth + 1);
  }
  void declKind(const ChannelDecl& d, SourceRange r, int depth) {
    line(depth, "", "channel " + d.name.text, r);
    expr(d.address, depth + 1, "address");
    expr(d.consent, depth + 1, "consent");
    fieldInits(d.otherFields, depth + 1);
  }
  void declKind(const AudienceDecl& d, SourceRange r, int depth) {
    line(depth, "", "audience " + d.name.text, r);
    expr(d.rule, depth + 1);
  }
  void declKind(const ActionDecl& d, SourceRange r, int depth) {
    line(depth, "", "action " + d.name.text, r);
    if (d.method) line(depth + 1, "", "method " + d.method->text, d.method->range);
    expr(d.url, depth + 1, "url");
    expr(d.timeout, depth + 1, "timeout");
    expr(d.retries, depth + 1, "retries");
    if (d.hasResponse) {
      line(depth + 1, "", "response", SourceRange{});
      fieldDecls(d.response, depth + 2);
    }
    if (d.hasMock) {
      line(depth + 1, "", "mock", d.mockRange);
      fieldInits(d.mock, depth + 2);
    }
    expr(d.mockError, depth + 1, "mock error");
  }
  void declKind(const CapDecl& d, SourceRange r, int depth) { cap(d, r, depth); }
  void declKind(const ConstDecl& d, SourceRange r, int depth) {
    line(depth, "", "const " + d.name.text + (d.type ? ": " + typeText(d.type.get()) : ""), r);
    expr(d.value, depth + 1);
  }
  void declKind(const FnDecl& d, SourceRange r, int depth) {
    std::string sig = "fn " + d.name.text + "(";
    for (size_t i = 0; i < d.params.size(); ++i) {
      if (i > 0) sig += ", ";
      sig += d.params[i].name.text + ": " + typeText(d.params[i].type.get());
    }
    sig += ")";
    if (d.result) sig += ": " + typeText(d.result.get());
    line(depth, "", sig, r);
    expr(d.body, depth + 1);
  }
  void declKind(const JourneyDecl& d, SourceRange r, int depth) {
    line(depth, "", "journey " + d.name.text, r);
    for (const Clause& c : d.clauses) clause(c, depth + 1);
    block(d.steps, depth + 1);
  }

  void cap(const CapDecl& d, SourceRange r, int depth) {
    line(depth, "", "cap " + d.channel.text, r);
    expr(d.count, depth + 1, "count");
    expr(d.window, depth + 1, "per");
  }

  // --- clauses
  void clause(const Clause& c, int depth) {
    std::visit([&](const auto& k) { clauseKind(k, c.range, depth); }, c.kind);
  }
  void clauseKind(const EntryClause& c, SourceRange r, int depth) {
    std::visit([&](const auto& e) { entry(e, r, depth); }, c.kind);
  }
  void entry(const EventEntry& e, SourceRange r, int depth) {
    line(depth, "", "entry on " + e.event.text + (e.binding ? " as " + e.binding->text : ""), r);
    expr(e.when, depth + 1, "when");
  }
  void entry(const AudienceEntry& e, SourceRange r, int depth) {
    line(depth, "", "entry on audience " + e.audience.text + (e.onExit ? " exit" : ""), r);
  }
  void entry(const ScheduledEntry& e, SourceRange r, int depth) {
    std::string s = "entry every ";
    switch (e.schedule.kind) {
      case Schedule::Kind::DayAt: s += "day at " + timeText(e.schedule.time); break;
      case Schedule::Kind::WeekdayAt:
        s += std::string(weekdayName(e.schedule.weekday)) + " at " + timeText(e.schedule.time);
        break;
      case Schedule::Kind::Hour: s += "hour"; break;
      case Schedule::Kind::Every: s += "duration"; break;
      case Schedule::Kind::Cron: s += "cron " + quoted(e.schedule.cron, false); break;
    }
    s += " for audience " + e.audience.text + (e.incremental ? " incremental" : "");
    line(depth, "", s, r);
    expr(e.schedule.every, depth + 1, "every");
    expr(e.timezone, depth + 1, "in");
  }
  void entry(const AtEntry& e, SourceRange r, int depth) {
    line(depth, "", "entry at for audience " + e.audience.text, r);
    expr(e.at, depth + 1, "at");
  }
  void clauseKind(const KeyClause& c, SourceRange r, int depth) {
    line(depth, "", "key", r);
    expr(c.key, depth + 1);
  }
  void clauseKind(const ReentryClause& c, SourceRange r, int depth) {
    const char* kind = c.kind == ReentryClause::Kind::Never    ? "never"
                       : c.kind == ReentryClause::Kind::Always ? "always"
                                                               : "after";
    line(depth, "", std::string("reentry ") + kind, r);
    expr(c.after, depth + 1);
  }
  void clauseKind(const ExitOnClause& c, SourceRange r, int depth) {
    line(depth, "", "exit on " + c.event.text + (c.binding ? " as " + c.binding->text : ""), r);
    expr(c.when, depth + 1, "when");
  }
  void clauseKind(const ExitWhenClause& c, SourceRange r, int depth) {
    line(depth, "", "exit when", r);
    expr(c.condition, depth + 1);
  }
  void clauseKind(const TimeoutClause& c, SourceRange r, int depth) {
    line(depth, "", "timeout", r);
    expr(c.duration, depth + 1);
  }
  void clauseKind(const TimezoneClause& c, SourceRange r, int depth) {
    line(depth, "", "timezone", r);
    expr(c.zone, depth + 1);
  }
  void clauseKind(const QuietHoursClause& c, SourceRange r, int depth) {
    line(depth, "", "quiet hours " + timeText(c.from) + " to " + timeText(c.to) +
                        (c.discard ? " discard" : " queue"),
         r);
  }
  void clauseKind(const CapDecl& c, SourceRange r, int depth) { cap(c, r, depth); }

  // --- steps
  void block(const Block& b, int depth) {
    for (const Step& s : b) step(s, depth);
  }
  void step(const Step& s, int depth) {
    std::visit([&](const auto& k) { stepKind(k, s.range, depth); }, s.kind);
  }
  void stepKind(const WaitStep& s, SourceRange r, int depth) {
    line(depth, "", "wait", r);
    expr(s.duration, depth + 1);
  }
  void stepKind(const WaitUntilStep& s, SourceRange r, int depth) {
    line(depth, "", "wait until", r);
    expr(s.at, depth + 1);
  }
  void stepKind(const WaitUntilTimeStep& s, SourceRange r, int depth) {
    line(depth, "", "wait until " + timeText(s.time) +
                        (s.weekday ? std::string(" on ") + weekdayName(*s.weekday) : ""),
         r);
  }
  void stepKind(const WaitForStep& s, SourceRange r, int depth) {
    line(depth, "", "wait for", r);
    for (const AwaitedEvent& e : s.events) {
      line(depth + 1, "", "event " + e.event.text + (e.binding ? " as " + e.binding->text : ""),
           e.range);
      expr(e.when, depth + 2, "when");
    }
    expr(s.within, depth + 1, "within");
    for (const OnHandler& h : s.handlers) {
      line(depth + 1, "", "on " + h.binding.text, h.range);
      block(h.body, depth + 2);
    }
    if (s.timeout) {
      line(depth + 1, "", "timeout", s.timeoutRange);
      block(*s.timeout, depth + 2);
    }
  }
  void stepKind(const IfStep& s, SourceRange r, int depth) {
    line(depth, "", "if", r);
    for (const IfBranch& b : s.branches) {
      line(depth + 1, "", "branch", b.range);
      expr(b.condition, depth + 2, "condition");
      block(b.body, depth + 2);
    }
    if (s.elseBody) {
      line(depth + 1, "", "else", SourceRange{});
      block(*s.elseBody, depth + 2);
    }
  }
  void stepKind(const SplitStep& s, SourceRange r, int depth) {
    line(depth, "", "split " + quoted(s.name, false), r);
    for (const SplitArm& a : s.arms) {
      line(depth + 1, "", "arm " + std::to_string(a.percent) + "%", a.percentRange);
      block(a.body, depth + 2);
    }
  }
  void stepKind(const SendStep& s, SourceRange r, int depth) {
    line(depth, "", "send " + s.channel.text + " " + quoted(s.templateName, false), r);
    fieldInits(s.payload, depth + 1);
  }
  void stepKind(const CallStep& s, SourceRange r, int depth) {
    line(depth, "", "call " + s.action.text + (s.binding ? " as " + s.binding->text : ""), r);
    fieldInits(s.args, depth + 1);
    if (s.onError) {
      line(depth + 1, "", "on error", SourceRange{});
      block(*s.onError, depth + 2);
    }
  }
  void stepKind(const SetStep& s, SourceRange r, int depth) {
    std::string path;
    for (const Name& n : s.path) path += (path.empty() ? "" : ".") + n.text;
    line(depth, "", "set " + path, r);
    expr(s.value, depth + 1);
  }
  void stepKind(const LetStep& s, SourceRange r, int depth) {
    line(depth, "", "let " + s.name.text, r);
    expr(s.value, depth + 1);
  }
  void stepKind(const EmitStep& s, SourceRange r, int depth) {
    line(depth, "", "emit " + s.event.text, r);
    fieldInits(s.fields, depth + 1);
  }
  void stepKind(const GotoStep& s, SourceRange r, int depth) {
    line(depth, "", "goto " + s.journey.text, r);
  }
  void stepKind(const EndStep& s, SourceRange r, int depth) {
    line(depth, "", "end" + (s.reason ? " " + quoted(*s.reason, false) : ""), r);
  }

  // --- output
  void line(int depth, const std::string& role, const std::string& text, SourceRange r,
            ExprId typed = kNoExpr) {
    out_.append(static_cast<size_t>(depth) * 2, ' ');
    if (!role.empty()) out_ += role + ": ";
    out_ += text;
    if (r.valid() && r.file < sources_.size()) {
      LineCol lc = sources_.lineCol(r.file, r.begin);
      out_ += " @" + std::to_string(lc.line) + ":" + std::to_string(lc.column);
    }
    if (typed != kNoExpr && annotate_) {
      std::string type = annotate_(typed);
      if (!type.empty()) out_ += " : " + type;
    }
    out_ += "\n";
  }

  const Ast& ast_;
  const SourceManager& sources_;
  const TypeAnnotator& annotate_;
  std::string out_;
};

}  // namespace

std::string quoted(const std::string& s, bool bytes) {
  std::string out = bytes ? "b\"" : "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7F || (bytes && c >= 0x80)) {
          char buf[8];
          snprintf(buf, sizeof buf, "\\x%02x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

std::string printModule(const Ast& ast, const Module& module, const SourceManager& sources,
                        const TypeAnnotator& annotate) {
  Printer p(ast, sources, annotate);
  p.module(module);
  return p.take();
}

std::string printExpr(const Ast& ast, ExprId e, const SourceManager& sources,
                      const TypeAnnotator& annotate) {
  Printer p(ast, sources, annotate);
  p.expr(e, 0);
  return p.take();
}

}  // namespace journey::ast
