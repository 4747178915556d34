// The renderer: location line, the source line with a caret underline of the span, labels,
// secondary spans, notes and help.
#include <doctest/doctest.h>

#include "compiler/diagnostics/renderer.h"

using namespace journey;

TEST_CASE("a diagnostic renders location, source line, caret, notes and help") {
  SourceManager sm;
  FileId f = sm.add("shop.journey", "journey A {\n  send emial \"x\"\n}\n");
  DiagnosticSink sink;
  Diagnostic& d = sink.report(DiagKind::FileNotReadable, SourceRange{f, 19, 24}, "unknown channel `emial`");
  d.label = "not declared";
  d.notes.push_back("channels are declared with `channel`");
  d.helps.push_back("did you mean `email`?");
  CHECK(render(d, sm) ==
        "shop.journey:2:8: error[E0001]: unknown channel `emial`\n"
        "2 |   send emial \"x\"\n"
        "  |        ^^^^^ not declared\n"
        "note: channels are declared with `channel`\n"
        "help: did you mean `email`?\n");
  CHECK(renderSummary(sink) == "1 error");
}

TEST_CASE("columns count code points and a secondary span is underlined with dashes") {
  SourceManager sm;
  FileId f = sm.add("u.journey", "// é\nconst é = 1\nconst x = \"ü\" + y\n");
  DiagnosticSink sink;
  std::string_view text = sm.text(f);
  uint32_t y = static_cast<uint32_t>(text.rfind('y'));
  uint32_t c = static_cast<uint32_t>(text.find("const"));
  Diagnostic& d = sink.report(DiagKind::FileNotReadable, SourceRange{f, y, y + 1}, "unknown name `y`");
  d.secondary.push_back(Label{SourceRange{f, c, c + 5}, "here"});
  std::string out = render(d, sm);
  CHECK(out.find("u.journey:3:17:") == 0);
  CHECK(out.find("3 | const x = \"ü\" + y\n  |                 ^\n") != std::string::npos);
  CHECK(out.find("2 | const é = 1\n  | ----- here\n") != std::string::npos);
}

TEST_CASE("a span over several lines is underlined to the end of its first line") {
  SourceManager sm;
  FileId f = sm.add("m.journey", "ab(\ncd)\n");
  DiagnosticSink sink;
  Diagnostic& d = sink.report(DiagKind::FileNotReadable, SourceRange{f, 0, 7}, "m");
  CHECK(render(d, sm).find("1 | ab(\n  | ^^^\n") != std::string::npos);
}

TEST_CASE("a diagnostic without a location has no source line") {
  SourceManager sm;
  DiagnosticSink sink;
  Diagnostic& d = sink.report(DiagKind::FileNotReadable, SourceRange{}, "cannot read `x.journey`");
  CHECK(render(d, sm) == "error[E0001]: cannot read `x.journey`\n");
}

TEST_CASE("a runaway name quoted in a message is cut to its first hundred bytes") {
  DiagnosticSink sink;
  std::string name(5000, 'x');
  Diagnostic& d = sink.report(DiagKind::UnknownIdentifier, SourceRange{},
                              "unknown name `" + name + "` (see `a`)");
  CHECK(d.message == "unknown name `" + std::string(100, 'x') + "…` (see `a`)");
  // Cut at a character's start: `é` is two bytes, the 100th byte the first of one.
  std::string accents = "a";
  for (int i = 0; i < 100; ++i) accents += "\xc3\xa9";
  Diagnostic& e = sink.report(DiagKind::UnknownIdentifier, SourceRange{},
                              "unknown name `" + accents + "`");
  CHECK(e.message == "unknown name `a" + accents.substr(1, 98) + "…`");
  // A message of names of the usual length is left as it is.
  std::string plain = "`" + std::string(150, 'y') + "` and `z`";
  CHECK(sink.report(DiagKind::UnknownIdentifier, SourceRange{}, plain).message == plain);
}
