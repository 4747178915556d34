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

bool LineReader::refill() {
  if (eof_) return false;
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (buffer_.size() < end_ + kBlock + kReadableAfter) {
    buffer_.resize(std::max(end_ + kBlock + kReadableAfter, 2 * buffer_.size()));
  }
  size_t got = std::fread(buffer_.data() + end_, 1, kBlock, file_);
  end_ += got;
  if (got < kBlock) eof_ = true;
  return got > 0;
}

std::string_view LineReader::lineAt(size_t offset, size_t newline) {
  std::string_view line(buffer_.data() + begin_ + offset, newline - begin_ - offset);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  ++lineNumber_;
  return line;
}

bool LineReader::next(std::string_view& line) {
  if (!file_) return false;
  for (;;) {
    const char* start = buffer_.data() + begin_;
    if (const void* nl = std::memchr(start, '\n', end_ - begin_)) {
      size_t newline = static_cast<const char*>(nl) - buffer_.data();
      line = lineAt(0, newline);
      begin_ = newline + 1;
      return true;
    }
    if (!refill()) {
      if (begin_ >= end_) return false;
      line = lineAt(0, end_);  // the last line has no newline
      begin_ = end_;
      return true;
    }
  }
}

void LineReader::nextLines(size_t max, std::vector<std::string_view>& lines,
                           std::vector<size_t>& numbers) {
  lines.clear();
  numbers.clear();
  if (!file_) return;
  // Offsets from begin_ first, since a refill moves the bytes; views once all are read.
  std::vector<std::pair<size_t, size_t>>& spans = spans_;
  spans.clear();
  size_t scan = 0;  // from begin_
  while (spans.size() < max) {
    const char* start = buffer_.data() + begin_ + scan;
    if (const void* nl = std::memchr(start, '\n', end_ - begin_ - scan)) {
      size_t newline = static_cast<const char*>(nl) - buffer_.data();
      spans.emplace_back(scan, newline - begin_ - scan);
      scan = newline + 1 - begin_;
      continue;
    }
    if (refill()) continue;
    if (begin_ + scan < end_) {  // the last line has no newline
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
