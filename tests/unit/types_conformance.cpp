// Acceptance test of the type checker on the CEL conformance vectors: every case that is meant
// to be type-checked (not `unchecked`) and expects a value must check without errors, with a
// type assignable to the expected value's type. The cases are read from
// ../shared/conformance/cel/cases.jsonl at run time (never copied here).
#include <doctest/doctest.h>
#include <simdjson.h>

#include <filesystem>
#include <map>
#include <optional>
#include <sstream>

#include "tests/unit/types_support.h"

using namespace journey;
using namespace journey::sema;

namespace {

namespace fs = std::filesystem;

std::optional<fs::path> findCases() {
  const fs::path relative = fs::path("shared") / "conformance" / "cel" / "cases.jsonl";
  std::vector<fs::path> starts = {fs::current_path(), fs::path(__FILE__).parent_path()};
  for (fs::path dir : starts) {
    std::error_code ec;
    dir = fs::absolute(dir, ec);
    while (!dir.empty()) {
      if (fs::exists(dir / relative, ec)) return dir / relative;
      if (fs::exists(dir / ".." / relative, ec)) return dir / ".." / relative;
      if (dir == dir.parent_path()) break;
      dir = dir.parent_path();
    }
  }
  return std::nullopt;
}

// The type of a typed value of the case format: `{"int": "1"}`, `{"list": [...]}`, ...
// Mixed lists and maps have dyn elements, as the checker types such literals.
TypeId typeOfValue(simdjson::dom::element value, TypeTable& types) {
  simdjson::dom::object object;
  if (value.get_object().get(object)) return types.error();
  for (auto [key, inner] : object) {
    if (key == "null") return types.null();
    if (key == "bool") return types.boolean();
    if (key == "int") return types.int64();
    if (key == "uint") return types.uint64();
    if (key == "double") return types.double64();
    if (key == "string") return types.string();
    if (key == "bytes") return types.bytes();
    if (key == "timestamp") return types.timestamp();
    if (key == "duration") return types.duration();
    if (key == "type") return types.typeOf(types.dyn());
    auto unite = [&](std::optional<TypeId>& acc, TypeId t) {
      acc = !acc || *acc == t ? t : types.dyn();
    };
    if (key == "list") {
      std::optional<TypeId> element;
      for (simdjson::dom::element e : inner.get_array()) unite(element, typeOfValue(e, types));
      return types.list(element.value_or(types.dyn()));
    }
    if (key == "map") {
      std::optional<TypeId> k, v;
      for (simdjson::dom::element entry : inner.get_array()) {
        simdjson::dom::array pair = entry.get_array();
        unite(k, typeOfValue(pair.at(0), types));
        unite(v, typeOfValue(pair.at(1), types));
      }
      return types.map(k.value_or(types.dyn()), v.value_or(types.dyn()));
    }
  }
  return types.error();
}

// Cases not expected to pass, each with the reason. Keep this list short and explicit; a skipped
// case that passes is reported so that it can be removed.
const std::map<std::string, std::string> kSkipped = {};

}  // namespace

TEST_SUITE_BEGIN("types");

TEST_CASE("the CEL conformance cases type-check") {
  std::optional<fs::path> path = findCases();
  REQUIRE_MESSAGE(path,
                  "cannot find shared/conformance/cel/cases.jsonl above the current directory");

  simdjson::dom::parser parser;
  simdjson::dom::document_stream stream;
  REQUIRE(parser.load_many(path->string()).get(stream) == simdjson::SUCCESS);

  size_t considered = 0, passed = 0, skipped = 0;
  std::ostringstream failures;
  for (auto doc : stream) {
    simdjson::dom::element c;
    REQUIRE(doc.get(c) == simdjson::SUCCESS);
    bool unchecked = false;
    if (c["unchecked"].get_bool().get(unchecked) == simdjson::SUCCESS && unchecked) continue;
    simdjson::dom::element expected;
    if (c["expect"]["value"].get(expected) != simdjson::SUCCESS) continue;  // an error case
    std::string id(c["id"].get_string().value());
    std::string expr(c["expr"].get_string().value());
    ++considered;

    test::TypeWorld world;
    simdjson::dom::object bindings;
    if (c["bindings"].get_object().get(bindings) == simdjson::SUCCESS) {
      for (auto [name, value] : bindings) {
        world.scope.declare(std::string(name), typeOfValue(value, world.types));
      }
    }
    test::Checked checked = world.check(expr);
    TypeId want = typeOfValue(expected, world.types);
    ExprChecker checker(world.context());
    std::string problem;
    if (!checked.parsed) {
      problem = "does not parse: " + checked.messages();
    } else if (checked.errors) {
      problem = checked.messages();
    } else if (!checker.assignable(checked.type, want)) {
      problem =
          "type " + checked.printed + " is not assignable to " + world.types.print(want) + "\n";
    }
    if (kSkipped.count(id)) {
      ++skipped;
      WARN_MESSAGE(!problem.empty(), id << " passes now: remove it from kSkipped");
    } else if (problem.empty()) {
      ++passed;
    } else {
      failures << id << ": " << expr << "\n    " << problem;
    }
  }
  MESSAGE("CEL conformance, type checking: " << passed << " of " << considered << " passed, "
                                             << skipped << " skipped");
  std::string failed = failures.str();
  CHECK_MESSAGE(failed.empty(), failed);
  CHECK(considered >= 600);
  CHECK(passed + skipped == considered);
}

TEST_SUITE_END();
