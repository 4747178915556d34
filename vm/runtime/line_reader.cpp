#include "vm/runtime/line_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace journey::runtime {

namespace {

// Read calls of a megabyte: large enough that the calls cost nothing against the bytes, small
// enough that the buffer stays in the cache.
constexpr size_t kBlock = 1 << 20;

}  // namespace

void dropBlankLines(std::vector<std::string_view>& lines, std::vector<size_t>& numbers) {
  size_t kept = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (isBlankLine(lines[i])) continue;
    lines[kept] = lines[i];
    numbers[kept++] = numbers[i];
  }
  lines.resize(kept);
  numbers.resize(kept);
}

std::string LineReader::overlongReason(size_t bound) {
  constexpr size_t kMiB = size_t{1} << 20;
  std::string size = bound % kMiB == 0 ? std::to_string(bound / kMiB) + " MiB"
                                       : std::to_string(bound) + " bytes";
  return "the line is longer than " + size + ", which no record is";
}

LineReader::LineReader(const std::string& path, OverlongLines overlong, size_t maxLineBytes)
    : overlong_(overlong), maxLineBytes_(std::max(maxLineBytes, kBlock)) {
  if (path == "-") {
    fd_ = STDIN_FILENO;
    return;
  }
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    whyNot_ = std::strerror(errno);
    return;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {  // a directory opens, then reads nothing
    whyNot_ = S_ISDIR(st.st_mode) ? "it is a directory" : std::strerror(errno);
    ::close(fd);
    return;
  }
  if (S_ISREG(st.st_mode)) {
    sizeKnown_ = true;
    expectedBytes_ = static_cast<size_t>(st.st_size);
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  }
  fd_ = fd;
  ownsFd_ = true;
}

LineReader::~LineReader() {
  if (ownsFd_) ::close(fd_);
}

bool LineReader::refill() {
  if (eof_ || !ok()) return false;
  size_t unread = end_ - begin_;
  if (begin_ > 0) {
    std::memmove(buffer_.get(), buffer_.get() + begin_, unread);
    lineStart_ = lineStart_ > begin_ ? lineStart_ - begin_ : 0;
    begin_ = 0;
    end_ = unread;
  }
  // Room for a block, or for what is left of a regular file and a byte more to see its end:
  // a small input (most of the test suite's thousands of runs) does not take a megabyte. A
  // file that grew past its size is read a block at a time again.
  size_t wanted = kBlock;
  if (sizeKnown_ && bytesRead_ <= expectedBytes_) {
    wanted = std::min(kBlock, expectedBytes_ - bytesRead_ + 1);
  }
  if (capacity_ < end_ + wanted + kReadableAfter) {
    size_t capacity = std::max(end_ + wanted + kReadableAfter, 2 * capacity_);
    auto bigger = std::make_unique_for_overwrite<char[]>(capacity);
    if (end_ > 0) std::memcpy(bigger.get(), buffer_.get(), end_);
    buffer_ = std::move(bigger);
    capacity_ = capacity;
  }
  size_t from = end_;
  size_t got = readAt(from, std::min(kBlock, capacity_ - end_ - kReadableAfter));
  if (got == 0) return false;
  end_ += got;
  // Only the line read on can be too long (a block is no longer than the bound). Held, a line
  // without end (`/dev/zero`, a file that is not JSON lines) would take all memory.
  const void* nl = std::memchr(buffer_.get() + from, '\n', got);
  size_t lineEnd = nl ? static_cast<size_t>(static_cast<const char*>(nl) - buffer_.get()) : end_;
  if (lineEnd - lineStart_ > maxLineBytes_ && overlong_ == OverlongLines::Stop) {
    eof_ = true;
    // Its number: after the lines returned, and the whole ones read but not yet returned.
    size_t before = lineNumber_ + static_cast<size_t>(std::count(
                                      buffer_.get() + begin_, buffer_.get() + lineStart_, '\n'));
    failure_ = "line " + std::to_string(before + 1) + ": " + overlongReason(maxLineBytes_);
    end_ = lineStart_;  // the lines before it are still returned
    return false;
  } else if (lineEnd - lineStart_ > maxLineBytes_) {
    dropOverlongLine(nl ? lineEnd : std::string_view::npos);
  } else {
    noteNewlines(from, got);
  }
  return true;
}

size_t LineReader::readAt(size_t at, size_t max) {
  ssize_t got;
  do {
    got = ::read(fd_, buffer_.get() + at, max);
  } while (got < 0 && errno == EINTR);
  if (got <= 0) {
    eof_ = true;
    if (got < 0) {
      failure_ = std::strerror(errno);
    } else if (bytesRead_ < expectedBytes_) {
      failure_ = "the file shrank while it was being read";
    }
    return 0;
  }
  bytesRead_ += static_cast<size_t>(got);
  return static_cast<size_t>(got);
}

void LineReader::noteNewlines(size_t at, size_t count) {
  if (const void* nl = ::memrchr(buffer_.get() + at, '\n', count)) {
    lineStart_ = static_cast<size_t>(static_cast<const char*>(nl) - buffer_.get()) + 1;
  }
}

void LineReader::dropOverlongLine(size_t lineEnd) {
  // The marker and the bytes from the line's newline on go where the line started; reads leave
  // room for the marker, which is longer than the newline it stands before.
  const size_t marker = kOverlongLine.size();
  if (lineEnd == std::string_view::npos) end_ = lineStart_;  // its bytes so far are dropped
  while (lineEnd == std::string_view::npos) {
    size_t got = readAt(end_, capacity_ - end_ - kReadableAfter - marker);
    if (got == 0) break;  // the line ends the input
    if (const void* nl = std::memchr(buffer_.get() + end_, '\n', got)) {
      lineEnd = static_cast<size_t>(static_cast<const char*>(nl) - buffer_.get());
      end_ += got;
    }
  }
  size_t rest = lineEnd == std::string_view::npos ? 0 : end_ - lineEnd;
  if (rest > 0) std::memmove(buffer_.get() + lineStart_ + marker, buffer_.get() + lineEnd, rest);
  std::memcpy(buffer_.get() + lineStart_, kOverlongLine.data(), marker);
  end_ = lineStart_ + marker + rest;
  if (rest > 0) noteNewlines(lineStart_ + marker, rest);
}

void LineReader::skipByteOrderMark() {
  startChecked_ = true;
  // More is read only while what has come could still be a mark: a pipe's short first line
  // is not held up.
  auto unread = [this] { return std::string_view(buffer_.get() + begin_, end_ - begin_); };
  while (unread().size() < kByteOrderMark.size() && kByteOrderMark.starts_with(unread()) &&
         refill()) {
  }
  if (unread().starts_with(kByteOrderMark)) begin_ += kByteOrderMark.size();
}

size_t LineReader::findNewline(size_t from) const {
  if (from >= end_) return std::string_view::npos;
  const void* nl = std::memchr(buffer_.get() + from, '\n', end_ - from);
  return nl ? static_cast<size_t>(static_cast<const char*>(nl) - buffer_.get())
            : std::string_view::npos;
}

std::string_view LineReader::lineAt(size_t offset, size_t end) {
  std::string_view line(buffer_.get() + begin_ + offset, end - begin_ - offset);
  carriageReturn_ = !line.empty() && line.back() == '\r';
  if (carriageReturn_) line.remove_suffix(1);
  ++lineNumber_;
  return line;
}

bool LineReader::next(std::string_view& line) {
  if (!startChecked_) [[unlikely]] skipByteOrderMark();
  for (;;) {
    if (size_t newline = findNewline(begin_); newline != std::string_view::npos) {
      line = lineAt(0, newline);
      begin_ = newline + 1;
      return true;
    }
    if (!refill()) {
      if (begin_ >= end_ || !failure_.empty()) return false;
      line = lineAt(0, end_);  // the last line has no newline
      begin_ = end_;
      return true;
    }
  }
}

std::string_view LineReader::nextText(size_t bytes) {
  if (!startChecked_) [[unlikely]] skipByteOrderMark();
  bytes = std::max<size_t>(bytes, 2);
  while (end_ - begin_ < bytes && refill()) {
  }
  size_t stop;  // where the text ends: at a newline, or at the end of the input
  for (;;) {
    if (begin_ >= end_) return {};
    size_t limit = std::min(end_, begin_ + bytes);
    // The last newline in the window, past the first byte: the text holds a line at least.
    const void* nl = ::memrchr(buffer_.get() + begin_ + 1, '\n', limit - begin_ - 1);
    if (nl) {
      stop = static_cast<size_t>(static_cast<const char*>(nl) - buffer_.get());
      break;
    }
    // The first line is longer than the window: up to its end, read as far as that is.
    if (size_t next = findNewline(limit); next != std::string_view::npos) {
      stop = next;
      break;
    }
    if (!failure_.empty()) return {};  // what is left is part of a line, cut short
    size_t unread = end_ - begin_;
    if (!refill()) {
      if (!failure_.empty()) return {};
      stop = end_;
      if (buffer_[stop - 1] == '\n') --stop;  // the input's last newline
      break;
    }
    bytes = std::max(bytes, unread + 1);  // the window now reaches the new bytes
  }
  std::string_view text(buffer_.get() + begin_, stop - begin_);
  begin_ = std::min(end_, stop + 1);
  return text;  // empty only for the input's last newline alone: the end
}

void LineReader::nextLines(size_t max, std::vector<std::string_view>& lines,
                           std::vector<size_t>& numbers) {
  if (!startChecked_) [[unlikely]] skipByteOrderMark();
  lines.clear();
  numbers.clear();
  // Offsets from begin_ first, since a refill moves the bytes; views once all are read.
  std::vector<std::pair<size_t, size_t>>& spans = spans_;
  spans.clear();
  size_t scan = 0;  // from begin_
  while (spans.size() < max) {
    if (size_t newline = findNewline(begin_ + scan); newline != std::string_view::npos) {
      spans.emplace_back(scan, newline - begin_ - scan);
      scan = newline - begin_ + 1;
      continue;
    }
    if (refill()) continue;
    if (begin_ + scan < end_ && failure_.empty()) {  // the last line has no newline
      spans.emplace_back(scan, end_ - begin_ - scan);
      scan = end_ - begin_;
    }
    break;
  }
  for (auto [offset, length] : spans) {
    lines.push_back(lineAt(offset, begin_ + offset + length));
    numbers.push_back(lineNumber_);
  }
  begin_ += scan;
}

}  // namespace journey::runtime
