#include "tools/journey/testing/test_inputs_check.h"

#include <algorithm>
#include <set>
#include <string>

#include <simdjson.h>

#include "compiler/sema/test_data.h"
#include "vm/runtime/input_records.h"
#include "vm/runtime/interp_engine.h"
#include "vm/runtime/profile_merge.h"
#include "vm/value/json_string.h"

namespace journey::cli {
namespace {

// The `"id"` of a JSON object, when it has a string one.
std::optional<std::string> idIn(const std::string& json) {
  simdjson::dom::parser parser;
  std::string_view id;
  if (parser.parse(simdjson::padded_string(json))["id"].get(id)) return std::nullopt;
  return std::string(id);
}

}  // namespace

void checkTestInputs(Frontend& fe) {
  bool anyTest = std::any_of(fe.ast.modules.begin(), fe.ast.modules.end(),
                             [](const ast::Module& m) { return !m.tests.empty(); });
  if (!anyTest) return;
  const ir::ProgramIr& program = fe.lowered();
  std::unique_ptr<runtime::ExpressionEngine> engine = runtime::makeInterpEngine(program);
  std::vector<Value> defaults = runtime::evaluateFieldDefaults(program, *engine);
  runtime::FieldDefaults fieldDefault = [&](sema::RecordId record, size_t field) {
    return runtime::fieldDefaultIn(program, defaults, record, field);
  };
  runtime::InputReader reader(program, fieldDefault);
  size_t line = 0;
  // An event or a `set` of profile `id` as a record line (a `set` may repeat the id); its time,
  // and whether the profile was given, are the runner's to check.
  auto record = [&](const std::string& id, const std::string& rest) {
    std::string text = R"({"time": "2000-01-01T00:00:00Z", "profile": )";
    appendJsonString(text, id);
    return reader.readRecord(text + ", " + rest + "}", ++line);
  };
  for (const ast::Module& m : fe.ast.modules) {
    for (const ast::TestDecl& test : m.tests) {
      std::set<std::string> given;  // profiles given so far: one given again may be a part
      std::string last;             // the profile an input without `for "id"` is for
      for (const ast::TestStmt& stmt : test.stmts) {
        const auto* input = std::get_if<ast::TestInput>(&stmt.kind);
        if (!input) continue;
        auto json = sema::testDataJson(fe.ast, input->fields);
        const std::string* data = std::get_if<std::string>(&json);
        if (!data) continue;  // E0504, reported by the checker
        std::optional<std::string> refused;
        if (input->kind == ast::TestInput::Kind::Profile) {
          auto read = reader.readProfile(*data, ++line);
          if (auto* profile = std::get_if<runtime::ProfileInput>(&read)) {
            given.insert(last = profile->id);
            continue;
          }
          // Refused whole: the id is read from the text, perhaps a profile given before.
          std::optional<std::string> id = idIn(*data);
          if (id) last = *id;
          if (!id || !given.count(*id)) {
            refused = std::get<runtime::Rejection>(read).reason;
          } else {
            // Fields of a profile given before: merged as a `set` once the clock runs.
            runtime::RecordInput part = record(*id, "\"set\": " + *data);
            if (auto* r = std::get_if<runtime::Rejection>(&part)) refused = r->reason;
          }
        } else {
          std::string rest = "\"set\": " + *data;
          if (input->kind == ast::TestInput::Kind::Event) {
            rest = "\"event\": ";
            appendJsonString(rest, input->event.text);
            rest += ", \"data\": " + *data;
          }
          runtime::RecordInput read = record(input->profile ? input->profile->text : last, rest);
          if (auto* r = std::get_if<runtime::Rejection>(&read)) refused = r->reason;
        }
        if (refused) {
          fe.diags.report(DiagKind::TestInputRefused, stmt.range,
                          "the runtime would refuse this input: " + *refused);
        }
      }
    }
  }
}

}  // namespace journey::cli
