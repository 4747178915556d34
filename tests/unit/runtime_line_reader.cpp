// LineReader: lines split on `\n` (a `\r` before it dropped), a last line without a newline,
// lines longer than the reader's block.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "vm/runtime/line_reader.h"

using journey::runtime::LineReader;

namespace {

// `text` written to a temporary file, read back with a LineReader: the lines.
std::vector<std::string> readBack(const std::string& text) {
  char path[] = "/tmp/line_reader_test.XXXXXX";
  int fd = mkstemp(path);
  REQUIRE(fd >= 0);
  std::FILE* file = fdopen(fd, "wb");
  std::fwrite(text.data(), 1, text.size(), file);
  std::fclose(file);
  std::vector<std::string> lines;
  {
    LineReader reader(path);
    REQUIRE(reader.ok());
    std::string_view line;
    while (reader.next(line)) {
      CHECK(reader.lineNumber() == lines.size() + 1);
      lines.emplace_back(line);
    }
  }
  std::remove(path);
  return lines;
}

}  // namespace

TEST_SUITE_BEGIN("runtime");

TEST_CASE("line reader: newlines, carriage returns and a last line without a newline") {
  CHECK(readBack("") == std::vector<std::string>{});
  CHECK(readBack("a\nbc\r\n\nd") == std::vector<std::string>{"a", "bc", "", "d"});
  CHECK(readBack("a\n") == std::vector<std::string>{"a"});
}

TEST_CASE("line reader: lines longer than a block, and many blocks") {
  std::string longLine(3'000'000, 'x');
  std::string text = "first\n" + longLine + "\nlast";
  CHECK(readBack(text) == std::vector<std::string>{"first", longLine, "last"});

  std::string many;
  std::vector<std::string> expected;
  for (int i = 0; i < 300'000; ++i) {
    expected.push_back("line " + std::to_string(i));
    many += expected.back() + "\n";
  }
  CHECK(readBack(many) == expected);
}

TEST_SUITE_END();
