// Output lines to a file or a standard stream, for the verbs that write records.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "vm/runtime/output.h"

namespace journey::cli {

// Lines to a file (or a standard stream), each followed by a newline.
//
// A sink that opened its file (`owns`) is the file's only writer: it gathers lines into writes
// of a megabyte itself, since a call into stdio for each line costs more than copying it (a
// run writes millions). A standard stream may have other writers (`--rejected -` shares
// stdout with the output, the trace shares stderr with the rejections), so each line goes to
// it at once, in order with theirs.
class FileSink final : public runtime::OutputSink {
 public:
  explicit FileSink(std::FILE* file, bool owns = false) : file_(file), owns_(owns) {
    if (owns_) pending_.reserve(kWriteBytes + kWriteBytes / 4);
  }
  ~FileSink() override {
    if (!owns_) return;
    flush();
    std::fclose(file_);
  }
  // One thread writes each sink: the stream's lock is not needed.
  void write(std::string_view line) override {
    if (!owns_) {
      fwrite_unlocked(line.data(), 1, line.size(), file_);
      fputc_unlocked('\n', file_);
      return;
    }
    pending_.append(line);
    pending_ += '\n';
    if (pending_.size() >= kWriteBytes) flush();
  }

 private:
  static constexpr size_t kWriteBytes = 1 << 20;
  void flush() {
    fwrite_unlocked(pending_.data(), 1, pending_.size(), file_);
    pending_.clear();
  }
  std::FILE* file_;
  bool owns_;
  std::string pending_;  // an owned file's lines not yet written
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
