// LineReader: lines split on `\n` (a `\r` before it dropped), a last line without a newline,
// lines longer than the reader's block; read one at a time or in batches that stay valid
// together, each line followed by the readable bytes it promises (ASan checks the touch).
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "vm/runtime/line_reader.h"

using journey::runtime::LineReader;

namespace {

// Touches the last byte a line promises to be readable after it.
void touchAfter(std::string_view line) {
  volatile char last = line.data()[line.size() + LineReader::kReadableAfter - 1];
  (void)last;
}

// Both are read through the reader's buffer; a pipe's bytes may come in smaller pieces.
// `SlowPipe` writes its first four bytes one at a time, a few milliseconds apart, so that the
// reader's first reads most likely get one byte each.
enum class Source { File, Pipe, SlowPipe };

// `text` in a temporary file, or in a named pipe that another thread writes as it is read.
class TextInput {
 public:
  TextInput(const std::string& text, Source source) {
    if (source == Source::File) {
      int fd = mkstemp(path_);
      REQUIRE(fd >= 0);
      std::FILE* file = fdopen(fd, "wb");
      std::fwrite(text.data(), 1, text.size(), file);
      std::fclose(file);
      return;
    }
    REQUIRE(mkdtemp(path_) != nullptr);
    dir_ = path_;
    std::strcat(path_, "/fifo");
    REQUIRE(mkfifo(path_, 0600) == 0);
    writer_ = std::thread([this, text, source] {
      std::FILE* file = std::fopen(path_, "wb");
      size_t slow = source == Source::SlowPipe ? std::min<size_t>(4, text.size()) : 0;
      for (size_t i = 0; i < slow; ++i) {
        std::fputc(text[i], file);
        std::fflush(file);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      }
      std::fwrite(text.data() + slow, 1, text.size() - slow, file);
      std::fclose(file);
    });
  }
  ~TextInput() {
    if (writer_.joinable()) writer_.join();
    std::remove(path_);
    if (!dir_.empty()) ::rmdir(dir_.c_str());
  }
  TextInput(const TextInput&) = delete;
  TextInput& operator=(const TextInput&) = delete;
  const char* path() const { return path_; }

 private:
  char path_[64] = "/tmp/line_reader_test.XXXXXX";
  std::string dir_;  // the pipe's
  std::thread writer_;
};

// `text` read back with a LineReader: the lines. `batch` 0 reads them one at a time with
// next(); otherwise up to `batch` at a time with nextLines().
std::vector<std::string> readBack(const std::string& text, size_t batch = 0,
                                  Source source = Source::File) {
  TextInput input(text, source);
  std::vector<std::string> lines;
  size_t misnumbered = 0, oversized = 0;  // counted, not checked per line: there are many
  {
    LineReader reader(input.path());
    REQUIRE(reader.ok());
    std::string_view line;
    if (batch == 0) {
      while (reader.next(line)) {
        misnumbered += reader.lineNumber() != lines.size() + 1;
        touchAfter(line);
        lines.emplace_back(line);
      }
    } else {
      std::vector<std::string_view> views;
      std::vector<size_t> numbers;
      for (reader.nextLines(batch, views, numbers); !views.empty();
           reader.nextLines(batch, views, numbers)) {
        if (views.size() != numbers.size()) FAIL("a line number for each line");
        oversized += views.size() > batch;
        for (size_t i = 0; i < views.size(); ++i) {
          misnumbered += numbers[i] != lines.size() + 1;
          touchAfter(views[i]);
          lines.emplace_back(views[i]);
        }
      }
    }
  }
  CHECK(misnumbered == 0);
  CHECK(oversized == 0);
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
  for (size_t batch : {1, 7, 32768, 1'000'000}) {
    CAPTURE(batch);
    CHECK(readBack(many) == readBack(many, batch));
    CHECK(readBack(text, batch) == std::vector<std::string>{"first", longLine, "last"});
  }
}

TEST_CASE("line reader: a pipe, read through the buffer") {
  std::string many;
  for (int i = 0; i < 200'000; ++i) many += "line " + std::to_string(i) + "\n";
  many += "no newline";
  std::vector<std::string> expected = readBack(many);
  REQUIRE(expected.size() == 200'001);
  CHECK(readBack(many, 0, Source::Pipe) == expected);
  CHECK(readBack(many, 1000, Source::Pipe) == expected);
  CHECK(readBack("a\r\nb", 0, Source::Pipe) == std::vector<std::string>{"a", "b"});
}

TEST_CASE("line reader: a file ending at or near a page's or a block's end") {
  size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  size_t block = size_t{1} << 20;  // the reader's read size
  for (size_t size : {page, page - 1, page - 30, page + 1, 3 * page, 3 * page - 63, block - 1,
                      block, block + 1, 2 * block + 63}) {
    CAPTURE(size);
    std::string text;
    std::vector<std::string> expected;
    while (text.size() < size) {
      std::string line(std::min<size_t>(size - text.size(), 1 + text.size() % 97), 'x');
      line.back() = text.size() + line.size() < size ? '\n' : 'y';
      text += line;
      if (line.back() == '\n') line.pop_back();
      expected.push_back(line);
    }
    REQUIRE(text.size() == size);
    CHECK(readBack(text) == expected);
    CHECK(readBack(text, 5) == expected);
  }
}

TEST_CASE("line reader: what cannot be read is not ok, and says why") {
  LineReader missing("/nonexistent/line_reader_test");
  CHECK_FALSE(missing.ok());
  CHECK(missing.whyNot() == std::strerror(ENOENT));
  LineReader directory("/tmp");
  CHECK_FALSE(directory.ok());
  CHECK(directory.whyNot() == "it is a directory");
  std::string_view line;
  CHECK_FALSE(directory.next(line));
  LineReader file(JOURNEY_SOURCE_DIR "/README.md");
  CHECK(file.ok());
  CHECK(file.whyNot().empty());
}

TEST_CASE("line reader: a line over the bound is dropped, and the lines after it are read") {
  // A bound of 3 MB: three blocks, as the real one is 64 (the reader reads a megabyte at a time).
  const size_t bound = 3'000'000;
  // A line at the bound is kept; one a byte over it is not, here or last without a newline.
  // The first line before it was where the bound was once not checked: a batch holding a
  // whole line let the line after it grow without end.
  TextInput input("first\n" + std::string(bound + 1, 'x') + "\nafter\n" +
                      std::string(bound, 'y') + "\n" + std::string(bound + 1, 'z'),
                  Source::File);
  // Each line as its length and first byte: the long ones are not copied.
  using Lines = std::vector<std::pair<size_t, char>>;
  auto seen = [](std::string_view line) { return std::pair(line.size(), line[0]); };
  const auto marker = seen(LineReader::kOverlongLine);
  const Lines expected{{5, 'f'}, marker, {5, 'a'}, {bound, 'y'}, marker};
  for (int way = 0; way < 3; ++way) {  // next(), nextLines(), nextText()
    CAPTURE(way);
    LineReader reader(input.path(), LineReader::OverlongLines::Skip, bound);
    Lines lines;
    std::vector<std::string_view> batch;
    std::vector<size_t> numbers;
    for (;;) {
      if (way == 0) {
        std::string_view line;
        if (!reader.next(line)) break;
        lines.push_back(seen(line));
      } else if (way == 1) {
        reader.nextLines(32, batch, numbers);
        if (batch.empty()) break;
        for (std::string_view line : batch) lines.push_back(seen(line));
      } else {
        std::string_view text = reader.nextText(4096);
        if (text.empty()) break;
        for (size_t from = 0, to; from <= text.size(); from = to + 1) {
          to = std::min(text.find('\n', from), text.size());
          lines.push_back(seen(text.substr(from, to - from)));
        }
      }
    }
    CHECK(lines == expected);
    CHECK(reader.failure().empty());
  }
}

TEST_CASE("line reader: a reader told to stop at a line over the bound stops there, named") {
  LineReader endless("/dev/zero", LineReader::OverlongLines::Stop);
  REQUIRE(endless.ok());
  std::string_view line;
  CHECK_FALSE(endless.next(line));
  CHECK(endless.failure() == "line 1: the line is longer than 64 MiB, which no record is");
  // The whole lines before it, read in the same block, are returned first.
  const size_t bound = 3'000'000;
  TextInput input("first\nsecond\n" + std::string(bound + 1, 'x') + "\nafter", Source::File);
  LineReader reader(input.path(), LineReader::OverlongLines::Stop, bound);
  std::vector<std::string_view> lines;
  std::vector<size_t> numbers;
  reader.nextLines(32, lines, numbers);
  CHECK(lines == std::vector<std::string_view>{"first", "second"});
  reader.nextLines(32, lines, numbers);
  CHECK(lines.empty());
  CHECK(reader.failure() == "line 3: the line is longer than 3000000 bytes, which no record is");
}

namespace {

// `lines` numbered lines: over a megabyte (the reader's block) from 100,000 on.
std::string numberedLines(size_t lines) {
  std::string text;
  for (size_t i = 0; i < lines; ++i) text += "line " + std::to_string(i) + "\n";
  return text;
}

}  // namespace

TEST_CASE("line reader: a file that shrinks while it is read stops with a failure") {
  enum class Way { Next, Lines, Texts };
  std::vector<size_t> counts;  // each way must return every whole line of the block it read
  for (Way way : {Way::Next, Way::Lines, Way::Texts}) {
    CAPTURE(static_cast<int>(way));
    TextInput input(numberedLines(200'000), Source::File);  // about 2.2 MB
    LineReader reader(input.path());
    std::string_view line;
    REQUIRE(reader.next(line));
    CHECK(line == "line 0");
    REQUIRE(::truncate(input.path(), 0) == 0);  // the first block is read; the rest is lost
    // The lines of the block read come back, whole and in order; then nothing, and why.
    size_t read = 1, misread = 0;
    auto check = [&](std::string_view l) { misread += l != "line " + std::to_string(read++); };
    std::vector<std::string_view> lines;
    std::vector<size_t> numbers;
    for (;;) {
      if (way == Way::Next) {
        if (!reader.next(line)) break;
        check(line);
      } else if (way == Way::Lines) {
        reader.nextLines(1000, lines, numbers);
        if (lines.empty()) break;
        for (std::string_view l : lines) check(l);
      } else {
        std::string_view text = reader.nextText(4096);
        if (text.empty()) break;
        for (size_t from = 0, to; from <= text.size(); from = to + 1) {
          to = std::min(text.find('\n', from), text.size());
          check(text.substr(from, to - from));
        }
      }
    }
    CHECK(misread == 0);
    CHECK(read > 1000);
    CHECK(read < 200'000);
    counts.push_back(read);
    CHECK(reader.failure() == "the file shrank while it was being read");
    CHECK(journey::runtime::readFailure("in.jsonl", reader) ==
          "in.jsonl: the file shrank while it was being read");
  }
  CHECK(counts == std::vector<size_t>(3, counts.front()));
}

TEST_CASE("line reader: a file read to its end has no failure") {
  TextInput input(numberedLines(200'000), Source::File);
  LineReader reader(input.path());
  size_t read = 0;
  for (std::string_view line; reader.next(line);) ++read;
  CHECK(read == 200'000);
  CHECK(reader.failure().empty());
  CHECK_FALSE(journey::runtime::readFailure("in.jsonl", reader).has_value());
}

TEST_CASE("line reader: a file that grows after it is opened is read to its new end") {
  // The reader sizes its buffer by the file's size when opened; lines appended after that
  // (a log still being written) must still come, the long ones whole.
  TextInput input("first\n", Source::File);
  LineReader reader(input.path());
  {
    std::FILE* file = std::fopen(input.path(), "ab");
    REQUIRE(file != nullptr);
    std::string more = numberedLines(100'000) + std::string(3'000'000, 'x') + "\nlast";
    std::fwrite(more.data(), 1, more.size(), file);
    std::fclose(file);
  }
  std::string_view line;
  std::string last;
  size_t read = 0, misread = 0, longest = 0;
  REQUIRE(reader.next(line));
  CHECK(line == "first");
  for (; reader.next(line); ++read) {
    touchAfter(line);
    if (read < 100'000) misread += line != "line " + std::to_string(read);
    longest = std::max(longest, line.size());
    last = line;
  }
  CHECK(read == 100'002);
  CHECK(misread == 0);
  CHECK(longest == 3'000'000);
  CHECK(last == "last");
  CHECK(reader.failure().empty());
}

TEST_CASE("line reader: batches of lines") {
  for (size_t batch : {1, 2, 3, 100}) {
    CAPTURE(batch);
    CHECK(readBack("", batch) == std::vector<std::string>{});
    CHECK(readBack("a\nbc\r\n\nd", batch) == std::vector<std::string>{"a", "bc", "", "d"});
    CHECK(readBack("a\n", batch) == std::vector<std::string>{"a"});
    CHECK(readBack("a\nb", batch) == std::vector<std::string>{"a", "b"});
  }
}

TEST_CASE("line reader: a byte order mark that starts the input is skipped") {
  const std::string mark = "\xEF\xBB\xBF";
  for (Source source : {Source::File, Source::Pipe, Source::SlowPipe}) {
    for (size_t batch : {0, 1, 100}) {
      CAPTURE(static_cast<int>(source));
      CAPTURE(batch);
      CHECK(readBack(mark + "a\r\nb", batch, source) == std::vector<std::string>{"a", "b"});
      CHECK(readBack(mark + "\n\n" + mark + "c", batch, source) ==
            std::vector<std::string>{"", "", mark + "c"});  // only the input's first
      CHECK(readBack(mark, batch, source) == std::vector<std::string>{});
      CHECK(readBack("\n" + mark, batch, source) == std::vector<std::string>{"", mark});
      CHECK(readBack("x" + mark + "\n", batch, source) == std::vector<std::string>{"x" + mark});
      // Part of a mark is not one.
      CHECK(readBack(mark.substr(0, 2), batch, source) ==
            std::vector<std::string>{mark.substr(0, 2)});
      CHECK(readBack(mark.substr(0, 2) + "\nd", batch, source) ==
            std::vector<std::string>{mark.substr(0, 2), "d"});
    }
  }
}

TEST_CASE("line reader: a pipe's short first line is returned before more comes") {
  // Looking for a mark must not wait for bytes that could not complete one: a writer that
  // sends a short line and then waits for an answer would wait for ever. Here the writer
  // closes its end after two seconds at the latest; the line must come well before that.
  for (std::string first : {"a\n", "\n", "\xEF\n"}) {
    CAPTURE(first);
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    REQUIRE(::write(fds[1], first.data(), first.size()) == static_cast<ssize_t>(first.size()));
    std::atomic<bool> answered = false;
    std::thread closer([&] {
      for (int i = 0; i < 200 && !answered; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
      ::close(fds[1]);
    });
    auto start = std::chrono::steady_clock::now();
    {
      LineReader reader("/dev/fd/" + std::to_string(fds[0]));
      REQUIRE(reader.ok());
      std::string_view line;
      CHECK(reader.next(line));
      answered = true;
      CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(1500));
      CHECK(line == first.substr(0, first.size() - 1));
      closer.join();
      CHECK(!reader.next(line));
    }
    ::close(fds[0]);
  }
}

TEST_SUITE_END();

namespace {

// `text` read back with nextText(`bytes`): the texts joined by newlines, and the lines
// counted as a caller counts them (one more than a text's newlines).
std::pair<std::string, size_t> textsBack(const std::string& text, size_t bytes,
                                         Source source = Source::File) {
  TextInput input(text, source);
  std::string joined;
  size_t lines = 0, misnumbered = 0;
  {
    LineReader reader(input.path());
    for (std::string_view t; !(t = reader.nextText(bytes)).empty();) {
      touchAfter(t);
      misnumbered += reader.lineNumber() != lines;
      if (!joined.empty() || lines > 0) joined += '\n';
      joined += t;
      size_t count = 1 + static_cast<size_t>(std::count(t.begin(), t.end(), '\n'));
      reader.countLines(count);
      lines += count;
    }
  }
  CHECK(misnumbered == 0);
  return {joined, lines};
}

}  // namespace

TEST_CASE("line reader: a file or a pipe in texts of whole lines") {
  std::string longLine(5000, 'x');
  std::string beyondABlock(3 << 19, 'y');  // longer than the reader's block of a megabyte
  std::string manyLines;  // lines across several blocks
  for (size_t i = 0; manyLines.size() < (3 << 19); ++i) manyLines += std::to_string(i) + "\n";
  for (const std::string& text :
       {std::string("a\nbc\r\n\nd"), std::string("a\n"), std::string("a\n\n\n"),
        std::string("\n") + longLine + "\nb\n", longLine, "a\n" + longLine + "\n" + longLine,
        std::string("\n\n\na"), "a\n" + beyondABlock + "\nb", manyLines,
        manyLines + "tail"}) {
    // The file's lines, as next() reads them (`\r` kept: the text leaves it to the parser).
    std::vector<std::string> expected;
    size_t from = 0;
    while (from < text.size()) {
      size_t nl = text.find('\n', from);
      if (nl == std::string::npos) nl = text.size();
      expected.push_back(text.substr(from, nl - from));
      from = nl + 1;
    }
    std::string joined;
    for (size_t i = 0; i < expected.size(); ++i) joined += (i ? "\n" : "") + expected[i];
    // A pipe's bytes come in pieces of its own size, which the texts must not show.
    for (auto [bytes, source] : {std::pair{1, Source::File}, {2, Source::File},
                                 {3, Source::File}, {7, Source::File}, {64, Source::File},
                                 {4096, Source::File}, {1 << 20, Source::File},
                                 {3, Source::Pipe}, {4096, Source::Pipe}, {1 << 20, Source::Pipe}}) {
      CAPTURE(text.size());
      CAPTURE(bytes);
      CAPTURE(source == Source::Pipe);
      auto [back, lines] = textsBack(text, static_cast<size_t>(bytes), source);
      // A last line that is blank, before the file's last newline, may be left out: nothing
      // follows it to be misnumbered.
      std::string trimmed = joined;
      size_t count = expected.size();
      while (count > lines && !trimmed.empty() && trimmed.back() == '\n') {
        trimmed.pop_back();
        --count;
      }
      CHECK(back == trimmed);
      CHECK(lines == count);
    }
  }
}

TEST_CASE("line reader: texts of whole lines skip a byte order mark that starts the input") {
  const std::string mark = "\xEF\xBB\xBF";
  for (Source source : {Source::File, Source::SlowPipe}) {
    for (size_t bytes : {1, 3, 4096}) {
      CAPTURE(static_cast<int>(source));
      CAPTURE(bytes);
      CHECK(textsBack(mark + "a\nb", bytes, source) == std::pair<std::string, size_t>{"a\nb", 2});
      CHECK(textsBack(mark + "\n" + mark, bytes, source) ==
            std::pair<std::string, size_t>{"\n" + mark, 2});
    }
  }
}
