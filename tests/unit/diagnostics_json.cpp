// `--diagnostic-format json`: one JSON object per diagnostic, with every fact the text form
// shows but the source excerpt.
#include <doctest/doctest.h>

#include <simdjson.h>

#include <string>

#include "compiler/diagnostics/json_renderer.h"

using namespace journey;

// The span is the `1` after `é`: byte 11, column 11 (columns count code points).
TEST_CASE("a diagnostic as JSON: place, label, secondary spans in other files, notes, helps") {
  SourceManager sm;
  FileId a = sm.add("dir/a.journey", "const é = 1\nconst x = y\n");
  FileId b = sm.add("b.journey", "const y = 2\n");
  DiagnosticSink sink;
  Diagnostic& d = sink.report(DiagKind::DuplicateName, SourceRange{a, 11, 12}, "say \"x\"\\ then\nmore");
  d.label = "here";
  d.secondary.push_back(Label{SourceRange{b, 6, 7}, "first"});
  d.notes.push_back("a note");
  d.helps.push_back("a help");
  std::string json = renderJson(d, sm);
  CHECK(json ==
        R"({"severity": "error", "code": "E0201", "message": "say \"x\"\\ then\nmore", )"
        R"("file": "dir/a.journey", "line": 1, "column": 11, "end_line": 1, "end_column": 12, "label": "here", )"
        R"("secondary": [{"file": "b.journey", "line": 1, "column": 7, "end_line": 1, "end_column": 8, )"
        R"("label": "first"}], "notes": ["a note"], "helps": ["a help"]})");
  simdjson::dom::parser parser;
  simdjson::dom::element parsed;
  REQUIRE(parser.parse(json).get(parsed) == simdjson::SUCCESS);
  CHECK(std::string_view(parsed["message"]) == "say \"x\"\\ then\nmore");
  CHECK(int64_t(parsed["secondary"].at(0)["column"]) == 7);
}

TEST_CASE("a diagnostic of no place has null positions, and a denied warning is an error") {
  SourceManager sm;
  DiagnosticSink sink;
  Diagnostic& missing = sink.report(DiagKind::FileNotReadable, {}, "cannot read `x.journey`");
  CHECK(renderJson(missing, sm) ==
        R"({"severity": "error", "code": "E0001", "message": "cannot read `x.journey`", )"
        R"("file": null, "line": null, "column": null, "end_line": null, "end_column": null, "label": "", )"
        R"("secondary": [], "notes": [], "helps": []})");
  Diagnostic& loop = sink.report(DiagKind::JourneyLoop, {}, "a loop");
  CHECK(renderJson(loop, sm).find(R"("severity": "warning", "code": "W0104")") == 1);
  loop.denied = true;
  CHECK(renderJson(loop, sm).find(R"("severity": "error", "code": "W0104")") == 1);
}
