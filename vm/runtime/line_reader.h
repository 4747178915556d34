// Reads a file line by line in large blocks (inputs have millions of lines). Lines are
// returned without their `\n` (and without a `\r` before it).
#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace journey::runtime {

// A line of spaces alone: inputs skip it.
inline bool isBlankLine(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

class LineReader {
 public:
  // Every line returned is followed in memory by at least this many readable bytes (its
  // newline and the lines after it, or spare room after the last), so that a parser which
  // reads a little past the end (simdjson) can parse it where it lies, without a copy.
  static constexpr size_t kReadableAfter = 64;

  // "-" reads standard input.
  explicit LineReader(const std::string& path);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  bool ok() const { return file_ != nullptr; }
  // The next line, valid until the next call; false at the end of the file.
  bool next(std::string_view& line);
  // Up to `max` more lines and their numbers (replacing what the vectors held), all valid
  // until the next call of either function; none at the end of the file.
  void nextLines(size_t max, std::vector<std::string_view>& lines, std::vector<size_t>& numbers);
  size_t lineNumber() const { return lineNumber_; }

 private:
  // Reads another block after what is held, first moving the unread part to the front.
  bool refill();
  // The line that starts at `begin_ + offset`, ending at `newline` (or at the end of the
  // input); advances the line count.
  std::string_view lineAt(size_t offset, size_t newline);

  std::FILE* file_ = nullptr;
  bool ownsFile_ = false;
  std::string buffer_;  // [begin_, end_) is read and unreturned; kReadableAfter bytes of room follow end_
  size_t begin_ = 0;
  size_t end_ = 0;
  bool eof_ = false;
  size_t lineNumber_ = 0;
  std::vector<std::pair<size_t, size_t>> spans_;  // nextLines' scratch, kept for its memory
};

}  // namespace journey::runtime
