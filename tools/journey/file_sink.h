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
  explicit FileSink(std::FILE* file, bool owns = false) : file_(file), owns_(owns) {}
  ~FileSink() override {
    if (owns_) std::fclose(file_);
  }

  // One thread writes each sink: the stream's lock is not needed.
  void write(std::string_view line) override {
    fwrite_unlocked(line.data(), 1, line.size(), file_);
    fputc_unlocked('\n', file_);
  }

 private:
  std::FILE* file_;
  bool owns_;
};

// No path: `fallback`; "-": stdout (so `--rejected -` interleaves with the output in order).
// Null when the file cannot be opened.
inline std::unique_ptr<FileSink> openSink(const std::string& path, std::FILE* fallback) {
  if (path.empty()) return std::make_unique<FileSink>(fallback);
  if (path == "-") return std::make_unique<FileSink>(stdout);
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return nullptr;
  // A megabyte of stdio buffer: a write call per megabyte instead of per 4 KiB (a run writes
  // hundreds of megabytes).
  std::setvbuf(f, nullptr, _IOFBF, 1 << 20);
  return std::make_unique<FileSink>(f, true);
}

}  // namespace journey::cli
