#include "vm/runtime/line_reader.h"

#include <algorithm>
#include <cstring>

namespace journey::runtime {

namespace {
constexpr size_t kBlock = 1 << 20;
}

LineReader::LineReader(const std::string& path) {
  if (path == "-") {
    file_ = stdin;
  } else {
    file_ = std::fopen(path.c_str(), "rb");
    ownsFile_ = true;
  }
}

LineReader::~LineReader() {
  if (file_ && ownsFile_) std::fclose(file_);
}

// Moves the unread bytes (the start of a line) to the front and reads after them, growing the
// buffer when that line takes more than half of it.
bool LineReader::refill() {
  if (eof_) return false;
  size_t unread = end_ - begin_;
  if (capacity_ == 0 || unread > capacity_ / 2) {
    size_t capacity = std::max(kBlock, 2 * capacity_);
    auto grown = std::make_unique<char[]>(capacity + kPadding);
    if (unread > 0) std::memcpy(grown.get(), buffer_.get() + begin_, unread);
    buffer_ = std::move(grown);
    capacity_ = capacity;
  } else if (begin_ > 0) {
    std::memmove(buffer_.get(), buffer_.get() + begin_, unread);
  }
  begin_ = 0;
  end_ = unread;
  size_t got = std::fread(buffer_.get() + end_, 1, capacity_ - end_, file_);
  end_ += got;
  if (got < capacity_ - unread) eof_ = true;
  return got > 0;
}

// The line of `length` bytes at begin_, then `skip` bytes (its newline) passed over.
std::string_view LineReader::take(size_t length, size_t skip) {
  std::string_view line(buffer_.get() + begin_, length);
  begin_ += length + skip;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  ++lineNumber_;
  return line;
}

bool LineReader::next(std::string_view& line) {
  if (!file_) return false;
  for (;;) {
    const char* start = buffer_.get() + begin_;
    if (const void* nl = begin_ < end_ ? std::memchr(start, '\n', end_ - begin_) : nullptr) {
      line = take(static_cast<const char*>(nl) - start, 1);
      return true;
    }
    if (!refill()) {
      if (begin_ >= end_) return false;
      line = take(end_ - begin_, 0);  // the last line has no newline
      return true;
    }
  }
}

}  // namespace journey::runtime
