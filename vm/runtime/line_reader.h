// Reads a file line by line in large blocks (inputs have millions of lines). Lines are
// returned without their `\n` (and without a `\r` before it).
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace journey::runtime {

// A line of spaces alone: inputs skip it.
inline bool isBlankLine(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

class LineReader {
 public:
  // "-" reads standard input.
  explicit LineReader(const std::string& path);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  bool ok() const { return file_ != nullptr; }
  // The next line, valid until the next call; false at the end of the file.
  bool next(std::string_view& line);
  size_t lineNumber() const { return lineNumber_; }

 private:
  bool refill();

  std::FILE* file_ = nullptr;
  bool ownsFile_ = false;
  std::string buffer_;
  size_t begin_ = 0;  // start of the unread part of buffer_
  bool eof_ = false;
  size_t lineNumber_ = 0;
};

}  // namespace journey::runtime
