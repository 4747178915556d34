#include "vm/runtime/line_reader.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "vm/runtime/mapped_files.h"

namespace journey::runtime {

namespace {

constexpr size_t kBlock = 1 << 20;
// A mapped file is faulted in and given back by this much at a time: large enough that the
// system calls cost nothing against the bytes, small enough to keep memory flat.
constexpr size_t kMapStep = 8 << 20;

size_t pageSize() {
  static const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  return page;
}
size_t roundUp(size_t n, size_t page) { return (n + page - 1) / page * page; }

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

LineReader::LineReader(const std::string& path) {
  if (path == "-") {
    file_ = stdin;
    buffered_ = true;
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
  if (S_ISREG(st.st_mode) && st.st_size > 0) {
    size_t length = static_cast<size_t>(st.st_size);
    void* map = ::mmap(nullptr, length, PROT_READ, MAP_PRIVATE, fd, 0);
    if (map != MAP_FAILED) {
      ::close(fd);
      ::madvise(map, length, MADV_SEQUENTIAL);
      map_ = static_cast<const char*>(map);
      mapLength_ = length;
      registerMappedFile(map_, length, path);
      data_ = map_;
      end_ = length;
      room_ = roundUp(length, pageSize()) - length;  // the last page reads as zeros past the end
      eof_ = true;
      return;
    }
  }
  file_ = ::fdopen(fd, "rb");  // a pipe, an empty file, or one that could not be mapped
  if (!file_) {
    whyNot_ = std::strerror(errno);
    ::close(fd);
  }
  ownsFile_ = true;
  buffered_ = true;
}

LineReader::~LineReader() {
  if (map_) {
    unregisterMappedFile(map_);
    ::munmap(const_cast<char*>(map_), mapLength_);
  }
  if (file_ && ownsFile_) std::fclose(file_);
}

void LineReader::moveUnreadToBuffer() {
  size_t unread = end_ - begin_;
  if (buffered_) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, unread);
  } else {
    buffer_.resize(unread + kReadableAfter);
    if (unread > 0) std::memcpy(buffer_.data(), data_ + begin_, unread);
    buffered_ = true;
  }
  data_ = buffer_.data();
  begin_ = 0;
  end_ = unread;
  room_ = buffer_.size() - end_;
}

bool LineReader::refill() {
  if (eof_) return false;
  if (begin_ > 0) moveUnreadToBuffer();
  if (buffer_.size() < end_ + kBlock + kReadableAfter) {
    buffer_.resize(std::max(end_ + kBlock + kReadableAfter, 2 * buffer_.size()));
  }
  data_ = buffer_.data();
  size_t got = std::fread(buffer_.data() + end_, 1, kBlock, file_);
  end_ += got;
  room_ = buffer_.size() - end_;
  if (got < kBlock) eof_ = true;
  return got > 0;
}

size_t LineReader::findNewline(size_t from) const {
  if (from >= end_) return std::string_view::npos;
  const void* nl = std::memchr(data_ + from, '\n', end_ - from);
  return nl ? static_cast<size_t>(static_cast<const char*>(nl) - data_) : std::string_view::npos;
}

void LineReader::ensureRoomAfter(size_t end) {
  if (end_ - end + room_ < kReadableAfter) moveUnreadToBuffer();  // a map's last bytes only
}

void LineReader::releaseRead() {
  if (buffered_) return;
  size_t page = pageSize();
  size_t done = begin_ / page * page;
  if (done >= released_ + kMapStep) {
    ::madvise(const_cast<char*>(map_) + released_, done - released_, MADV_DONTNEED);
    released_ = done;
  }
#ifdef MADV_POPULATE_READ
  // Pages faulted in by one system call per step rather than one fault per few pages (an
  // older kernel refuses the advice, and the pages fault in as usual).
  if (populated_ < mapLength_ && begin_ + kMapStep > populated_) {
    size_t to = std::min(roundUp(mapLength_, page), (begin_ + 2 * kMapStep) / page * page);
    if (to > populated_) {
      ::madvise(const_cast<char*>(map_) + populated_, to - populated_, MADV_POPULATE_READ);
      populated_ = to;
    }
  }
#endif
}

std::string_view LineReader::lineAt(size_t offset, size_t end) {
  std::string_view line(data_ + begin_ + offset, end - begin_ - offset);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  ++lineNumber_;
  return line;
}

bool LineReader::next(std::string_view& line) {
  if (!ok()) return false;
  releaseRead();
  for (;;) {
    if (size_t newline = findNewline(begin_); newline != std::string_view::npos) {
      size_t length = newline - begin_;
      ensureRoomAfter(newline);
      line = lineAt(0, begin_ + length);
      begin_ += length + 1;
      return true;
    }
    if (!refill()) {
      if (begin_ >= end_) return false;
      ensureRoomAfter(end_);
      line = lineAt(0, end_);  // the last line has no newline
      begin_ = end_;
      return true;
    }
  }
}

std::string_view LineReader::nextText(size_t bytes) {
  if (!mapped() || begin_ >= end_) return {};
  releaseRead();
  size_t limit = std::min(end_, begin_ + std::max<size_t>(bytes, 2));
  size_t stop = end_;  // where the text ends: at a newline, or at the end of the file
  if (limit < end_) {
    // The last newline in the window, past the first byte: the text holds a line at least.
    const void* nl = ::memrchr(data_ + begin_ + 1, '\n', limit - begin_ - 1);
    if (nl) {
      stop = static_cast<size_t>(static_cast<const char*>(nl) - data_);
    } else {  // the first line is longer than the window
      size_t next = findNewline(limit);
      if (next != std::string_view::npos) stop = next;
    }
  }
  if (stop == end_ && data_[stop - 1] == '\n') --stop;  // the file's last newline
  size_t length = stop - begin_;
  if (length == 0) {  // nothing but the file's last newline
    begin_ = end_;
    return {};
  }
  ensureRoomAfter(stop);  // may move the unread bytes into the buffer (a map's last bytes)
  std::string_view text(data_ + begin_, length);
  begin_ = std::min(end_, begin_ + length + 1);
  return text;
}

void LineReader::nextLines(size_t max, std::vector<std::string_view>& lines,
                           std::vector<size_t>& numbers) {
  lines.clear();
  numbers.clear();
  if (!ok()) return;
  releaseRead();
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
    if (begin_ + scan < end_) {  // the last line has no newline
      spans.emplace_back(scan, end_ - begin_ - scan);
      scan = end_ - begin_;
    }
    break;
  }
  if (!spans.empty()) {  // room after the last line is room after every line before it
    ensureRoomAfter(begin_ + spans.back().first + spans.back().second);
  }
  for (auto [offset, length] : spans) {
    lines.push_back(lineAt(offset, begin_ + offset + length));
    numbers.push_back(lineNumber_);
  }
  begin_ += scan;
}

}  // namespace journey::runtime
