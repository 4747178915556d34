// Reads a file line by line (inputs have millions of lines). Lines are returned without their
// `\n` (and without a `\r` before it). A UTF-8 byte order mark that starts the input is not
// part of its first line: editors and spreadsheet exports on Windows write one, and RFC 8259
// lets a JSON parser ignore it (one anywhere else stays in its line).
//
// Every input, a regular file or a pipe, is read in blocks of a megabyte into one buffer,
// where its lines are returned. The buffer stays in the cache, so the bytes the parser reads
// next are already there; mapping the file instead cost each 4 KiB page a mapping and a
// release, and left the parser reading cold memory (docs/runtime.md, "Reading the inputs").
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace journey::runtime {

// A line of spaces alone: inputs skip it.
inline bool isBlankLine(std::string_view line) {
  // Nearly every line starts with `{`: its first byte answers without a search.
  if (!line.empty() && line[0] != ' ' && line[0] != '\t' && line[0] != '\r') return false;
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
  // The longest line read (as a source file). A longer one is not held: its bytes are read and
  // dropped, and the line is returned as kOverlongLine, so that the lines after it are read
  // (OverlongLines::Skip); or the reading stops there, with a failure() that names the line
  // (OverlongLines::Stop), for a reader that must come back (`/dev/zero` is one endless line).
  static constexpr size_t kMaxLineBytes = size_t{64} << 20;
  enum class OverlongLines { Skip, Stop };
  // What an overlong line is returned as: not JSON, not UTF-8, so no line of an input is it.
  static constexpr std::string_view kOverlongLine = "\xFF\xFE overlong line";
  // Why a line over `bound` bytes is refused, for a caller's message.
  static std::string overlongReason(size_t bound = kMaxLineBytes);
  // U+FEFF in UTF-8: skipped where it starts the input.
  static constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

  // "-" reads standard input. A path that cannot be opened, or names a directory, is not ok().
  // `maxLineBytes` is for tests, which need not write 64 MiB lines to check the bound; it is
  // at least the size of a read (a megabyte), so that only the line read on can pass it.
  explicit LineReader(const std::string& path, OverlongLines overlong = OverlongLines::Skip,
                      size_t maxLineBytes = kMaxLineBytes);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  bool ok() const { return fd_ >= 0; }
  // Why the reader is not ok(), in words for an error message ("No such file or directory").
  const std::string& whyNot() const { return whyNot_; }
  // Why reading stopped before the end of the input ("the file shrank while it was being
  // read", a read error, a line over the bound with OverlongLines::Stop), or empty. The lines returned before it are the input's; the part of
  // a line that was read when it stopped is not returned.
  const std::string& failure() const { return failure_; }
  // The next line, valid until the next call; false at the end of the file.
  bool next(std::string_view& line);
  // Up to `max` more lines and their numbers (replacing what the vectors held), all valid
  // until the next call of either function; none at the end of the file.
  void nextLines(size_t max, std::vector<std::string_view>& lines, std::vector<size_t>& numbers);
  size_t lineNumber() const { return lineNumber_; }
  // Whether the line returned last ended with a `\r` (before its `\n`), which it does not hold:
  // for a reader that joins lines again (a CSV field across lines keeps its CRLF).
  bool lastLineHadCarriageReturn() const { return carriageReturn_; }

  // The next whole lines, about `bytes` of them (at least one line, however long), as one text
  // without its last newline; empty at the end. Its newlines are not looked for, so that its
  // bytes are first read by whoever parses them: the caller counts its lines (one more than
  // its newlines) and tells the reader with countLines(). The text stays valid, with
  // kReadableAfter readable bytes after it, until the next call.
  std::string_view nextText(size_t bytes);
  void countLines(size_t lines) { lineNumber_ += lines; }

 private:
  // Reads more bytes after end_ (moving the unread ones to the front first); false at the end
  // of the input, or when reading failed (failure_).
  bool refill();
  // Reads up to `max` bytes at `at`: how many, or 0 at the end of the input or when reading
  // failed (eof_ set, and failure_ for a failure).
  size_t readAt(size_t at, size_t max);
  // Notes the last newline among the `count` bytes just read at `at`.
  void noteNewlines(size_t at, size_t count);
  // Replaces the line from lineStart_, longer than maxLineBytes_, with kOverlongLine; the rest
  // of its bytes are read and dropped, unless its newline was read (at `lineEnd`, or npos).
  void dropOverlongLine(size_t lineEnd);
  // The offset of the next newline at or after `from`, or npos.
  size_t findNewline(size_t from) const;
  // The line that starts at `begin_ + offset`, ending at `end`; advances the line count.
  std::string_view lineAt(size_t offset, size_t end);
  // Reads the input's first bytes, before any line is looked for, and steps over a byte order
  // mark there.
  void skipByteOrderMark();

  std::string whyNot_;
  std::string failure_;
  OverlongLines overlong_;
  size_t maxLineBytes_;
  int fd_ = -1;
  bool ownsFd_ = false;
  // A regular file's size when it was opened: reading fewer bytes means it shrank meanwhile.
  size_t expectedBytes_ = 0;
  size_t bytesRead_ = 0;
  bool sizeKnown_ = false;  // a regular file: expectedBytes_ holds its size
  // [begin_, end_) of buffer_ is read and unreturned; at least kReadableAfter bytes of room
  // follow end_. Not zeroed: only the pages reads fill are touched.
  std::unique_ptr<char[]> buffer_;
  size_t capacity_ = 0;
  size_t begin_ = 0;
  size_t end_ = 0;
  // Where the last line read so far starts: the bytes before it are whole lines.
  size_t lineStart_ = 0;
  bool eof_ = false;
  bool startChecked_ = false;  // for a byte order mark
  bool carriageReturn_ = false;
  size_t lineNumber_ = 0;
  std::vector<std::pair<size_t, size_t>> spans_;  // nextLines' scratch, kept for its memory
};

// `PATH: why` when `reader` stopped before the end of its input, for the caller's error.
inline std::optional<std::string> readFailure(const std::string& path, const LineReader& reader) {
  if (reader.failure().empty()) return std::nullopt;
  return path + ": " + reader.failure();
}

}  // namespace journey::runtime
