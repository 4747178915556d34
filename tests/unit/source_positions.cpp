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

TEST_CASE("source positions: columns of long lines count code points as short lines do") {
  // Lines longer than the code point checkpoints, with characters of 1 to 4 bytes across them.
  std::string text = "short é line\n";
  const char* pieces[] = {"a", "é", "€", "\xF0\x9F\x98\x80", "\t"};
  for (int i = 0; i < 5000; ++i) text += pieces[(i * 7) % 5];
  text += "\n\n";
  for (int i = 0; i < 3000; ++i) text += pieces[(i * 3) % 5];
  SourceManager sources;
  FileId f = sources.add("long.journey", text);
  uint32_t line = 1, column = 1;
  for (uint32_t offset = 0; offset <= text.size(); ++offset) {
    bool starts =
        offset == text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
    if (starts) {
      journey::LineCol at = sources.lineCol(f, offset);
      REQUIRE(at.line == line);
      REQUIRE(at.column == column);
    }
    if (offset == text.size()) break;
    if (text[offset] == '\n') {
      CHECK(sources.lineLength(f, line) == column - 1);
      ++line;
      column = 1;
    } else if (starts) {
      ++column;
    }
  }
  CHECK(sources.lineLength(f, line) == column - 1);
  CHECK(sources.lineLength(f, 3) == 0);
}
