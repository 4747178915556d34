#include "compiler/driver/constant_values.h"

#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "compiler/ir/lower.h"
#include "compiler/ir/record_layouts.h"
#include "compiler/sema/program_checker.h"
#include "vm/interp/expression_runner.h"
#include "vm/interp/value_fits_type.h"
#include "vm/value/checked_arith.h"

namespace journey {

void checkConstantValues(const ast::Ast& ast, const sema::CheckedProgram& program,
                         DiagnosticSink& diags) {
  ir::RecordLayouts layouts(program, &ast);
  ir::ExprPool pool;
  ir::Lowerer lowerer(ast, program, layouts, pool);
  std::set<ast::ExprId> seen;  // a record type's layout may be listed more than once
  struct Failure {
    DiagKind kind;
    SourceRange range;
    std::string error;  // the evaluation's message
    std::string message;
    std::string label;
    std::vector<std::string> helps;
    std::vector<Label> secondary = {};
    ast::ExprId expr = ast::kNoExpr;  // for one too large to compile: what it names
  };
  std::vector<Failure> failures;
  // An expression's value without a profile, inputs or a clock (an error where it needs one).
  auto run = [&](ast::ExprId e) {
    interp::ExpressionRunner runner(pool, lowerer.lowerRoot(e, ir::InputNames()), layouts);
    stdlib::CallContext context;
    return runner.run(nullptr, context);
  };
  // Pure by the checker's rules (no profile, clock, history or audience): the value is the same
  // whenever it is evaluated, so evaluating it here is evaluating it everywhere. The value,
  // unless it is an error (then reported).
  auto evaluate = [&](ast::ExprId e, const std::string& what,
                      std::string label) -> std::optional<Value> {
    if (e == ast::kNoExpr || !seen.insert(e).second) return std::nullopt;
    Value v = run(e);
    if (!v.isError()) return v;
    std::string error(v.errorMessage());
    if (error == ir::kTooLargeMessage) {  // E0229, as where the run would lower it
      constexpr std::string_view kSubject = "the expression";  // the message's, replaced
      std::string message = error.starts_with(kSubject) ? what + error.substr(kSubject.size())
                                                        : what + ": " + error;
      failures.push_back({DiagKind::ExpressionTooLarge, ast[e].range, error, std::move(message),
                          std::move(label), {}, {}, e});
      return std::nullopt;
    }
    failures.push_back({DiagKind::ConstantAlwaysFails, ast[e].range, error,
                        what + " is always an error: " + error, std::move(label), {}});
    return std::nullopt;
  };
  // A value of another type than its place's, which only `dyn` gets past the checker
  // (`const Limit: int = dyn("ten")`), would break the types of every expression reading it.
  auto fits = [&](ast::ExprId e, const std::optional<Value>& v, sema::TypeId type,
                  const std::string& what, std::string label) {
    if (!v) return;
    const Value* value = &*v;
    if (program.types.kind(type) == sema::TypeKind::Optional &&
        value->kind() == ValueKind::Optional) {
      if (!value->hasValue()) return;
      value = &value->optionalValue();
    }
    if (auto misfit = interp::valueMisfit(*value, type, program.types, layouts)) {
      failures.push_back({DiagKind::TypeMismatch, ast[e].range, *misfit,
                          what + " does not fit its type: " + *misfit, std::move(label), {}});
    }
  };
  for (const auto& [name, c] : program.symbols.consts) {
    if (!c.decl) continue;
    std::string what = "the value of `" + name + "`";
    std::optional<Value> v =
        evaluate(c.decl->value, what, "fails wherever `" + name + "` is used");
    fits(c.decl->value, v, c.type, what, "every use of `" + name + "` reads it");
  }
  // A `fn` without parameters is pure too: one value, as a `const` has.
  for (const auto& [name, fn] : program.symbols.fns) {
    if (!fn.decl || !fn.params.empty()) continue;
    std::string what = "the value of `" + name + "()`";
    std::optional<Value> v =
        evaluate(fn.decl->body, what, "fails wherever `" + name + "()` is called");
    fits(fn.decl->body, v, fn.result, what, "every call of `" + name + "()` returns it");
  }
  for (size_t r = 0; r < layouts.size(); ++r) {
    const sema::RecordInfo& info = program.types.recordInfo(static_cast<sema::RecordId>(r));
    for (size_t f = 0; f < layouts[r].fieldCount(); ++f) {
      const std::string& field = layouts[r].fieldNames[f];
      std::string what = "the default of `" + field + "`";
      ast::ExprId e = layouts.fieldDefault(r, f);
      std::optional<Value> v = evaluate(e, what, "a record without `" + field + "` is rejected");
      fits(e, v, info.fields[f].type, what, "every record without `" + field + "` gets it");
    }
  }
  // As the checker judges a literal: an IANA name. The runtime's zones also take a profile's
  // fixed offset (`+05:30`), which a program's own zones do not.
  auto unknownZone = [](const Value& zone) {
    return zone.kind() == ValueKind::String && !sema::isKnownTimezone(zone.asString());
  };
  auto reportUnknownZone = [&](ast::ExprId e, std::string text, std::string label) {
    std::string help = sema::timezoneHelp(text).value_or(
        "time zones are IANA names such as `Europe/Paris`");
    failures.push_back({DiagKind::UnknownTimezone, ast[e].range, text,
                        "unknown time zone `" + text + "`", std::move(label), {std::move(help)}});
  };
  for (const auto& [name, journey] : program.symbols.journeys) {
    if (!journey.decl) continue;
    for (const ast::Clause& c : journey.decl->clauses) {
      // A journey's zone computed from constants (a literal is the checker's); one that reads
      // the profile or the entry fails here, without one, and is the run's to judge.
      const auto* zoneClause = std::get_if<ast::TimezoneClause>(&c.kind);
      if (zoneClause && !std::holds_alternative<ast::Literal>(ast[zoneClause->zone].node)) {
        Value zone = run(zoneClause->zone);
        if (unknownZone(zone)) {
          reportUnknownZone(zoneClause->zone, std::string(zone.asString()),
                            "every local time of `" + name + "` fails");
        }
      }
      const auto* entry = std::get_if<ast::EntryClause>(&c.kind);
      if (const auto* at = entry ? std::get_if<ast::AtEntry>(&entry->kind) : nullptr) {
        evaluate(at->at, "the `entry at` time of `" + name + "`", "the journey never starts");
      }
      const auto* every = entry ? std::get_if<ast::ScheduledEntry>(&entry->kind) : nullptr;
      if (!every) continue;
      // A literal is checked by the checker; a zone computed from constants is checked here.
      std::optional<Value> zone =
          evaluate(every->timezone, "the time zone of `" + name + "`", "the journey never starts");
      if (zone && unknownZone(*zone)) {
        reportUnknownZone(every->timezone, std::string(zone->asString()),
                          "the journey never starts");
      }
    }
  }
  for (const auto& [name, action] : program.symbols.actions) {
    if (!action.decl) continue;
    const sema::RecordInfo& response =
        program.types.recordInfo(program.types.get(action.response).record);
    for (const ast::FieldInit& f : action.decl->mock) {
      std::string what = "the mock's `" + f.field.text + "` in action `" + name + "`";
      std::optional<Value> v = evaluate(f.value, what, "every simulated call fails");
      if (int field = response.find(f.field.text); field >= 0) {
        fits(f.value, v, response.fields[static_cast<size_t>(field)].type, what,
             "every simulated response holds it");
      }
    }
  }
  // A `history` window computed from constants (`duration("-1h")`, a `fn` of one) is judged as
  // the checker judges one written with literals (E0220, W0109), which it has already reported.
  std::set<std::pair<uint32_t, uint32_t>> judged;  // where the checker reported a window
  for (const Diagnostic& d : diags.all()) {
    if (d.kind == DiagKind::NonPositiveValue || d.kind == DiagKind::HistoryNotKept) {
      judged.insert({d.range.file, d.range.begin});
    }
  }
  for (ast::ExprId e = 0; e < ast.exprs.size(); ++e) {
    auto* call = std::get_if<ast::Call>(&ast[e].node);
    if (!call || call->function != "history" || call->target != ast::kNoExpr ||
        call->args.size() != 2) {
      continue;
    }
    ast::ExprId windowExpr = call->args[1];
    const SourceRange& at = ast[windowExpr].range;
    if (judged.contains({at.file, at.begin})) continue;
    auto* name = std::get_if<ast::Ident>(&ast[call->args[0]].node);
    auto event = name ? program.symbols.events.find(name->name) : program.symbols.events.end();
    if (event == program.symbols.events.end() || !event->second.decl) continue;
    Value window = run(windowExpr);  // an error: not made of constants, or failing at run time
    if (window.kind() != ValueKind::Duration) continue;
    int64_t length = durationNanos(window.asDuration());
    if (length <= 0) {
      failures.push_back({DiagKind::NonPositiveValue, at, "",
                          "the window of `history` must be positive, not `" +
                              sema::formatDuration(length) + "`",
                          "", {}});
      continue;
    }
    ast::ExprId retainExpr = event->second.decl->retain;
    if (retainExpr == ast::kNoExpr) continue;  // the checker's warning, whatever the window
    Value retain = run(retainExpr);
    if (retain.kind() != ValueKind::Duration) continue;
    int64_t keptFor = durationNanos(retain.asDuration());
    if (keptFor >= length) continue;
    std::string kept = sema::formatDuration(keptFor);
    failures.push_back({DiagKind::HistoryNotKept, at, "",
                        "the window " + sema::formatDuration(length) + " is longer than `" +
                            name->name + "`'s `retain " + kept + "`: it holds " + kept +
                            " at most",
                        "", {}, {{ast[retainExpr].range, "kept this long"}}});
  }
  // A string conversion that always fails (W0107) inside such a value, and makes it fail, says
  // the same: its help (how to write the value) moves to the error, and the warning goes.
  diags.retain([&](Diagnostic& d) {
    if (d.kind != DiagKind::ConversionAlwaysFails) return true;
    for (Failure& f : failures) {
      if (!f.error.empty() && d.range.file == f.range.file && f.range.begin <= d.range.begin &&
          d.range.end <= f.range.end && d.message.ends_with(": " + f.error)) {
        f.helps.insert(f.helps.end(), d.helps.begin(), d.helps.end());
        return false;
      }
    }
    return true;
  });
  // A `const` too large to compile makes every value naming it too large as well: one
  // diagnostic, at the first (a chain of a thousand `const`s, each naming the one before).
  std::set<ast::ExprId> tooLargeValues;
  for (const Failure& f : failures) {
    if (f.expr != ast::kNoExpr) tooLargeValues.insert(f.expr);
  }
  std::set<std::string> tooLarge;
  for (const auto& [name, c] : program.symbols.consts) {
    if (c.decl && tooLargeValues.contains(c.decl->value)) tooLarge.insert(name);
  }
  std::erase_if(failures, [&](const Failure& f) {
    if (f.expr == ast::kNoExpr) return false;
    bool namesOne = false;
    std::vector<std::string> bound;
    sema::collectUses(ast, f.expr, bound, [&](const std::string& name, SourceRange, bool call) {
      namesOne = namesOne || (!call && tooLarge.contains(name));
    });
    return namesOne;
  });
  std::ranges::sort(failures, [](const Failure& a, const Failure& b) {
    return std::tie(a.range.file, a.range.begin) < std::tie(b.range.file, b.range.begin);
  });
  for (Failure& f : failures) {
    Diagnostic& d = diags.report(f.kind, f.range, std::move(f.message));
    d.label = std::move(f.label);
    d.helps = std::move(f.helps);
    d.secondary = std::move(f.secondary);
  }
}

}  // namespace journey
