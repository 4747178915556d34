#include "compiler/driver/constant_values.h"

#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "compiler/ir/lower.h"
#include "compiler/ir/record_layouts.h"
#include "vm/interp/expression_runner.h"

namespace journey {

void checkConstantValues(const ast::Ast& ast, const sema::CheckedProgram& program,
                         DiagnosticSink& diags) {
  ir::RecordLayouts layouts(program, &ast);
  ir::ExprPool pool;
  ir::Lowerer lowerer(ast, program, layouts, pool);
  std::set<ast::ExprId> seen;  // a record type's layout may be listed more than once
  struct Failure {
    SourceRange range;
    std::string message;
    std::string label;
    std::vector<std::string> helps;
  };
  std::vector<Failure> failures;
  // Pure by the checker's rules (no profile, clock, history or audience): the value is the same
  // whenever it is evaluated, so evaluating it here is evaluating it everywhere.
  auto evaluate = [&](ast::ExprId e, const std::string& what, std::string label) {
    if (e == ast::kNoExpr || !seen.insert(e).second) return;
    interp::ExpressionRunner runner(pool, lowerer.lowerRoot(e, {}), layouts);
    stdlib::CallContext context;
    Value v = runner.run(nullptr, context);
    if (!v.isError()) return;
    failures.push_back({ast[e].range,
                        what + " is always an error: " + std::string(v.errorMessage()),
                        std::move(label), {}});
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
      if (const auto* every = entry ? std::get_if<ast::ScheduledEntry>(&entry->kind) : nullptr) {
        evaluate(every->timezone, "the time zone of `" + name + "`", "the journey never starts");
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
  // A string conversion that always fails (W0107) inside such a value says the same: its help
  // (how to write the value) moves to the error, and the warning goes.
  diags.retain([&](Diagnostic& d) {
    if (d.kind != DiagKind::ConversionAlwaysFails) return true;
    for (Failure& f : failures) {
      if (d.range.file == f.range.file && f.range.begin <= d.range.begin &&
          d.range.end <= f.range.end) {
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
    Diagnostic& d = diags.report(DiagKind::ConstantAlwaysFails, f.range, std::move(f.message));
    d.label = std::move(f.label);
    d.helps = std::move(f.helps);
  }
}

}  // namespace journey
