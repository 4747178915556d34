// Output lines to a file or a standard stream, for the verbs that write records.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "vm/runtime/output.h"

namespace journey::cli {

// Lines to a file (or a standard stream), each followed by a newline.
class FileSink final : public runtime::OutputSink {
 public:
  // `owns`: a file just opened, which the sink closes. It is given a megabyte of buffer: a
  // write call per megabyte instead of per 4 KiB (a run writes hundreds of megabytes). The
  // buffer must be ours: given a null buffer, glibc's setvbuf keeps its own of the file's
  // block size, whatever size is asked.
  explicit FileSink(std::FILE* file, bool owns = false) : file_(file), owns_(owns) {
    if (owns_) {
      buffer_ = std::make_unique<char[]>(kBufferBytes);
      std::setvbuf(file_, buffer_.get(), _IOFBF, kBufferBytes);
    }
  }
  ~FileSink() override {
    if (owns_) std::fclose(file_);  // before the buffer goes
  }

  // One thread writes each sink: the stream's lock is not needed.
  void write(std::string_view line) override {
    fwrite_unlocked(line.data(), 1, line.size(), file_);
    fputc_unlocked('\n', file_);
  }

 private:
  static constexpr size_t kBufferBytes = 1 << 20;
  std::FILE* file_;
  bool owns_;
  std::unique_ptr<char[]> buffer_;
};

// No path: `fallback`; "-": stdout (so `--rejected -` interleaves with the output in order).
// Null when the file cannot be opened.
inline std::unique_ptr<FileSink> openSink(const std::string& path, std::FILE* fallback) {
  if (path.empty()) return std::make_unique<FileSink>(fallback);
  if (path == "-") return std::make_unique<FileSink>(stdout);
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return nullptr;
  return std::make_unique<FileSink>(f, true);
}

}  // namespace journey::cli
