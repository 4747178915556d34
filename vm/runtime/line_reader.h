// Reads a file line by line in large blocks (inputs have millions of lines). Lines are
// returned without their `\n` (and without a `\r` before it), as views into the block: nothing
// is copied per line.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace journey::runtime {

class LineReader {
 public:
  // Every line returned is followed by at least this many readable bytes of the reader's
  // buffer, so that a parser that reads a little past the end (simdjson) can parse it in place.
  static constexpr size_t kPadding = 64;

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
  std::string_view take(size_t length, size_t skip);

  std::FILE* file_ = nullptr;
  bool ownsFile_ = false;
  std::unique_ptr<char[]> buffer_;  // capacity_ + kPadding bytes
  size_t capacity_ = 0;
  size_t begin_ = 0;  // the unread bytes are [begin_, end_)
  size_t end_ = 0;
  bool eof_ = false;
  size_t lineNumber_ = 0;
};

}  // namespace journey::runtime
