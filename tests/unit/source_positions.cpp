// compiler/source: lines and columns of byte offsets, as diagnostics print them.
#include <doctest/doctest.h>

#include "compiler/source/source_manager.h"

using journey::FileId;
using journey::SourceManager;

TEST_CASE("source positions: a byte order mark that starts the file takes no column") {
  SourceManager sources;
  FileId marked = sources.add("a.journey", "\xEF\xBB\xBFtype T\nx");
  CHECK(sources.lineCol(marked, 3).column == 1);  // `type`
  CHECK(sources.lineCol(marked, 8).column == 6);  // `T`
  CHECK(sources.lineCol(marked, 0).line == 1);    // inside the mark: the line's start
  CHECK(sources.lineCol(marked, 0).column == 1);
  CHECK(sources.lineText(marked, 1) == "type T");
  CHECK(sources.lineCol(marked, 10).line == 2);
  CHECK(sources.lineCol(marked, 10).column == 1);

  FileId plain = sources.add("b.journey", "type T\n\xEF\xBB\xBFx");
  CHECK(sources.lineCol(plain, 5).column == 6);
  CHECK(sources.lineCol(plain, 10).column == 2);  // a mark elsewhere is a character like any
}
