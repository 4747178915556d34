#include "vm/runtime/line_reader.h"

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
  buffer_.erase(0, begin_);
  begin_ = 0;
  size_t old = buffer_.size();
  buffer_.resize(old + kBlock);
  size_t got = std::fread(buffer_.data() + old, 1, kBlock, file_);
  buffer_.resize(old + got);
  if (got < kBlock) eof_ = true;
  return got > 0;
}

bool LineReader::next(std::string_view& line) {
  if (!file_) return false;
  for (;;) {
    const char* start = buffer_.data() + begin_;
    size_t available = buffer_.size() - begin_;
    if (const void* nl = std::memchr(start, '\n', available)) {
      size_t length = static_cast<const char*>(nl) - start;
      line = std::string_view(start, length);
      begin_ += length + 1;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      ++lineNumber_;
      return true;
    }
    if (!refill()) {
      if (begin_ >= buffer_.size()) return false;
      // The last line has no newline.
      line = std::string_view(buffer_.data() + begin_, buffer_.size() - begin_);
      begin_ = buffer_.size();
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      ++lineNumber_;
      return true;
    }
  }
}

}  // namespace journey::runtime
