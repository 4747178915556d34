// Output lines to a file or a standard stream, for the verbs that write records.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "vm/runtime/mapped_files.h"
#include "vm/runtime/output.h"

namespace journey::cli {

// Lines to a file (or a standard stream), each followed by a newline.
class FileSink final : public runtime::OutputSink {
 public:
  explicit FileSink(std::FILE* file, bool owns = false) : file_(file), owns_(owns) {}
  ~FileSink() override {
    if (locked_) runtime::unregisterOutputStream(file_);
    if (owns_) std::fclose(file_);
  }
  // For a run whose inputs are read on another thread, where the handler for an input file
  // that shrinks flushes the streams and ends the process (vm/runtime/mapped_files.h): each
  // line is written under the stream's lock, which the handler takes and keeps, so that the
  // file ends with whole lines.
  void lockEachLine() {
    locked_ = true;
    runtime::registerOutputStream(file_);
  }

  // One thread writes each sink: unless another may flush, the stream's lock is not needed.
  void write(std::string_view line) override {
    if (locked_) flockfile(file_);
    fwrite_unlocked(line.data(), 1, line.size(), file_);
    fputc_unlocked('\n', file_);
    if (locked_) funlockfile(file_);
  }

 private:
  std::FILE* file_;
  bool owns_;
  bool locked_ = false;
};

// No path: `fallback`; "-": stdout (so `--rejected -` interleaves with the output in order).
// Null when the file cannot be opened.
inline std::unique_ptr<FileSink> openSink(const std::string& path, std::FILE* fallback) {
  if (path.empty()) return std::make_unique<FileSink>(fallback);
  if (path == "-") return std::make_unique<FileSink>(stdout);
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return nullptr;
  // A megabyte of stdio buffer: a write call per megabyte instead of per 4 KiB (a run writes
  // hundreds of megabytes). It stays stdio's, so the input fault handler's flush still reaches
  // it (vm/runtime/mapped_files.h).
  std::setvbuf(f, nullptr, _IOFBF, 1 << 20);
  return std::make_unique<FileSink>(f, true);
}

}  // namespace journey::cli
