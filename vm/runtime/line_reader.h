// Reads a file line by line (inputs have millions of lines). Lines are returned without their
// `\n` (and without a `\r` before it).
//
// A regular file is mapped into memory and its lines are returned where they lie: no copy
// through a buffer, which at gigabytes of input is a tenth of the time. Pages already read are
// given back as the reader moves on, so memory stays flat. Standard input and other files
// that cannot be mapped are read in large blocks into a buffer instead.
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

// Removes the blank lines of a batch from nextLines, with their numbers.
void dropBlankLines(std::vector<std::string_view>& lines, std::vector<size_t>& numbers);

class LineReader {
 public:
  // Every line returned is followed in memory by at least this many readable bytes (its
  // newline and the lines after it, or spare room after the last), so that a parser which
  // reads a little past the end (simdjson) can parse it where it lies, without a copy.
  static constexpr size_t kReadableAfter = 64;

  // "-" reads standard input. A path that cannot be opened, or names a directory, is not ok().
  explicit LineReader(const std::string& path);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  bool ok() const { return file_ != nullptr || map_ != nullptr; }
  // Why the reader is not ok(), in words for an error message ("No such file or directory").
  const std::string& whyNot() const { return whyNot_; }
  // The next line, valid until the next call; false at the end of the file.
  bool next(std::string_view& line);
  // Up to `max` more lines and their numbers (replacing what the vectors held), all valid
  // until the next call of either function; none at the end of the file.
  void nextLines(size_t max, std::vector<std::string_view>& lines, std::vector<size_t>& numbers);
  size_t lineNumber() const { return lineNumber_; }

  // Whether the file is mapped (nextText works only then).
  bool mapped() const { return map_ != nullptr; }
  // A mapped file's next whole lines, about `bytes` of them (at least one line, however long),
  // as one text without its last newline; empty at the end. Its newlines are not looked for,
  // so that its bytes are first read by whoever parses them: the caller counts its lines
  // (one more than its newlines) and tells the reader with countLines(). The text stays valid,
  // with kReadableAfter readable bytes after it, until the next call.
  std::string_view nextText(size_t bytes);
  void countLines(size_t lines) { lineNumber_ += lines; }

 private:
  // Makes more bytes available after end_; false at the end of the input.
  bool refill();
  // The offset of the next newline at or after `from`, or npos.
  size_t findNewline(size_t from) const;
  // Whether a line ending at `end` (an offset) has kReadableAfter bytes after it; if not,
  // the unread part moves into the buffer, which has (a mapped file's last bytes only).
  void ensureRoomAfter(size_t end);
  // The bytes from begin_ on moved to the front of the buffer, which then holds the input.
  void moveUnreadToBuffer();
  // The line that starts at `begin_ + offset`, ending at `end`; advances the line count.
  std::string_view lineAt(size_t offset, size_t end);
  // A mapped file's pages before begin_ given back, some megabytes at a time.
  void releaseRead();

  std::string whyNot_;
  std::FILE* file_ = nullptr;  // when read through the buffer
  bool ownsFile_ = false;
  const char* map_ = nullptr;  // when mapped
  size_t mapLength_ = 0;
  size_t released_ = 0;   // a mapped file's bytes given back so far
  size_t populated_ = 0;  // a mapped file's bytes whose pages are known to be in place
  // [begin_, end_) of data_ is read and unreturned; room_ readable bytes follow end_. data_
  // is the map, or buffer_ (`buffered_`) once a file is read through it or a map's last
  // bytes have moved there.
  const char* data_ = nullptr;
  bool buffered_ = false;
  size_t begin_ = 0;
  size_t end_ = 0;
  size_t room_ = 0;
  std::string buffer_;
  bool eof_ = false;
  size_t lineNumber_ = 0;
  std::vector<std::pair<size_t, size_t>> spans_;  // nextLines' scratch, kept for its memory
};

}  // namespace journey::runtime
