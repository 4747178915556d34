// Locations (`file:line:col`) go into JSON output records and SVG tooltips, and rejected lines
// name their input file: a file's name that is not UTF-8 comes out with U+FFFD in its place, so
// that each output stays valid.
#include <doctest/doctest.h>

#include <string>

#include "compiler/source/source_manager.h"
#include "vm/runtime/output.h"
#include "vm/value/value_convert.h"

TEST_CASE("a location or a rejected line naming a file that is not UTF-8 is UTF-8") {
  journey::SourceManager sources;
  journey::FileId file = sources.add("caf\xe9.journey", "schema P { id: string }\n");
  std::string at = sources.location(journey::SourceRange{file, 7, 8});
  CHECK(at == "caf\xef\xbf\xbd.journey:1:8");
  CHECK(journey::isValidUtf8(at));
  std::string line = journey::runtime::rejectedLine("ev\xe9.jsonl", 3, "not JSON: \xff");
  CHECK(line == "{\"kind\": \"rejected\", \"input\": \"ev\xef\xbf\xbd.jsonl\", \"line\": 3, "
                "\"reason\": \"not JSON: \xef\xbf\xbd\"}");
  // A name that is UTF-8 is as it was.
  CHECK(sources.location(journey::SourceRange{sources.add("é.journey", "x"), 0, 1}) ==
        "é.journey:1:1");
}
