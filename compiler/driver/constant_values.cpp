#include "compiler/driver/constant_values.h"

#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "compiler/ir/lower.h"
#include "compiler/ir/record_layouts.h"
#include "vm/interp/expression_runner.h"
#include "vm/value/time_zone.h"

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
  };
  std::vector<Failure> failures;
  // Pure by the checker's rules (no profile, clock, history or audience): the value is the same
  // whenever it is evaluated, so evaluating it here is evaluating it everywhere. The value,
  // unless it is an error (then reported).
  auto evaluate = [&](ast::ExprId e, const std::string& what,
                      std::string label) -> std::optional<Value> {
    if (e == ast::kNoExpr || !seen.insert(e).second) return std::nullopt;
    interp::ExpressionRunner runner(pool, lowerer.lowerRoot(e, {}), layouts);
    stdlib::CallContext context;
    Value v = runner.run(nullptr, context);
    if (!v.isError()) return v;
    std::string error(v.errorMessage());
    failures.push_back({DiagKind::ConstantAlwaysFails, ast[e].range, error,
                        what + " is always an error: " + error, std::move(label), {}});
    return std::nullopt;
  };
  for (const auto& [name, c] : program.symbols.consts) {
    if (!c.decl) continue;
    evaluate(c.decl->value, "the value of `" + name + "`", "fails wherever `" + name + "` is used");
  }
  for (size_t r = 0; r < layouts.size(); ++r) {
    for (size_t f = 0; f < layouts[r].fieldCount(); ++f) {
      const std::string& field = layouts[r].fieldNames[f];
      evaluate(layouts.fieldDefault(r, f), "the default of `" + field + "`",
               "a record without `" + field + "` is rejected");
    }
  }
  for (const auto& [name, journey] : program.symbols.journeys) {
    if (!journey.decl) continue;
    for (const ast::Clause& c : journey.decl->clauses) {
      const auto* entry = std::get_if<ast::EntryClause>(&c.kind);
      if (const auto* at = entry ? std::get_if<ast::AtEntry>(&entry->kind) : nullptr) {
        evaluate(at->at, "the `entry at` time of `" + name + "`", "the journey never starts");
      }
      const auto* every = entry ? std::get_if<ast::ScheduledEntry>(&entry->kind) : nullptr;
      if (!every) continue;
      // A literal is checked by the checker; a zone computed from constants is checked here.
      std::optional<Value> zone =
          evaluate(every->timezone, "the time zone of `" + name + "`", "the journey never starts");
      if (zone && zone->kind() == ValueKind::String && !TimeZone::find(zone->asString())) {
        std::string text(zone->asString());
        failures.push_back({DiagKind::UnknownTimezone, ast[every->timezone].range, text,
                            "unknown time zone `" + text + "`", "the journey never starts",
                            {"time zones are IANA names such as `Europe/Paris`"}});
      }
    }
  }
  for (const auto& [name, action] : program.symbols.actions) {
    if (!action.decl) continue;
    for (const ast::FieldInit& f : action.decl->mock) {
      evaluate(f.value, "the mock's `" + f.field.text + "` in action `" + name + "`",
               "every simulated call fails");
    }
  }
  // A string conversion that always fails (W0107) inside such a value, and makes it fail, says
  // the same: its help (how to write the value) moves to the error, and the warning goes.
  diags.retain([&](Diagnostic& d) {
    if (d.kind != DiagKind::ConversionAlwaysFails) return true;
    for (Failure& f : failures) {
      if (d.range.file == f.range.file && f.range.begin <= d.range.begin &&
          d.range.end <= f.range.end && d.message.ends_with(": " + f.error)) {
        f.helps.insert(f.helps.end(), d.helps.begin(), d.helps.end());
        return false;
      }
    }
    return true;
  });
  std::ranges::sort(failures, [](const Failure& a, const Failure& b) {
    return std::tie(a.range.file, a.range.begin) < std::tie(b.range.file, b.range.begin);
  });
  for (Failure& f : failures) {
    Diagnostic& d = diags.report(f.kind, f.range, std::move(f.message));
    d.label = std::move(f.label);
    d.helps = std::move(f.helps);
  }
}

}  // namespace journey
