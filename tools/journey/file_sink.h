// Output lines to a file or a standard stream, for the verbs that write records.
#pragma once

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <stdio_ext.h>
#include <unistd.h>

#include "vm/runtime/output.h"

namespace journey::cli {

// Lines to a file (or a standard stream), each followed by a newline. A line that cannot be
// written (a full disk, a quota) is not an exception in the middle of a run: the sink
// remembers the first failure, drops what comes after, and finish() reports it.
class FileSink final : public runtime::OutputSink {
 public:
  // `name`: what errors call the file. `owns`: a file just opened, which the sink closes.
  // `buffered`: the sink gathers lines in a buffer of its own (a megabyte: a write call per
  // megabyte, and a copy per line instead of two calls into stdio); otherwise they go through
  // stdio's, as they must where other writers share the stream (standard error) or a person
  // reads it as it comes (a terminal).
  FileSink(std::FILE* file, std::string name, bool owns, bool buffered)
      : file_(file), name_(std::move(name)), owns_(owns) {
    if (buffered) {
      // Not zeroed: a short run's output touches only the pages it fills.
      buffer_ = std::make_unique_for_overwrite<char[]>(kBufferBytes);
      if (owns_) std::setvbuf(file_, nullptr, _IONBF, 0);  // our buffer is the only one
    }
  }
  ~FileSink() override { finish(); }
  FileSink(const FileSink&) = delete;
  FileSink& operator=(const FileSink&) = delete;

  // One thread writes each sink: the stream's lock is not needed.
  void write(std::string_view line) override {
    if (error_) return;
    if (!buffer_) {
      if (fwrite_unlocked(line.data(), 1, line.size(), file_) != line.size() ||
          fputc_unlocked('\n', file_) == EOF) {
        fail();
      }
      return;
    }
    if (used_ + line.size() + 1 > kBufferBytes) {
      flush();
      if (line.size() + 1 > kBufferBytes) {  // longer than the buffer: written as it is
        put(line.data(), line.size());
        put("\n", 1);
        return;
      }
    }
    std::memcpy(buffer_.get() + used_, line.data(), line.size());
    used_ += line.size();
    buffer_[used_++] = '\n';
  }

  // Writes out what is held and, for a file the sink opened, closes it. The first failure, as
  // "cannot write NAME: reason", or none. Later calls give the same answer.
  std::optional<std::string> finish() {
    if (!finished_) {
      finished_ = true;
      if (buffer_) flush();
      if (owns_) {
        if (std::fclose(file_) != 0) fail();
      } else if (std::fflush(file_) != 0 || std::ferror(file_)) {
        fail();
      }
      // A standard stream's failure is reported here, by the verb: what stdio still holds of
      // it is dropped, so that the check of standard output at the end (main.cpp) does not
      // report it again.
      if (error_ && !owns_) {
        __fpurge(file_);
        std::clearerr(file_);
      }
    }
    if (!error_) return std::nullopt;
    return "cannot write " + name_ + ": " + *error_;
  }

 private:
  static constexpr size_t kBufferBytes = 1 << 20;

  void flush() {
    put(buffer_.get(), used_);
    used_ = 0;
  }
  void put(const char* data, size_t size) {
    if (!error_ && size && fwrite_unlocked(data, 1, size, file_) != size) fail();
  }
  void fail() {
    if (!error_) error_ = errno ? std::strerror(errno) : "write failed";
  }

  std::FILE* file_;
  std::string name_;
  bool owns_;
  std::unique_ptr<char[]> buffer_;
  size_t used_ = 0;
  bool finished_ = false;
  std::optional<std::string> error_;
};

// The sinks of one command's outputs. A standard stream named twice (`--rejected -` beside
// the output on stdout) is one sink, so that its lines keep their order in one buffer.
class Sinks {
 public:
  // No path: `fallback`; "-": stdout. Null when the file cannot be opened.
  std::shared_ptr<FileSink> open(const std::string& path, std::FILE* fallback) {
    if (path.empty()) return stream(fallback);
    if (path == "-") return stream(stdout);
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return nullptr;
    return std::make_shared<FileSink>(f, path, true, true);
  }

 private:
  std::shared_ptr<FileSink> stream(std::FILE* f) {
    std::shared_ptr<FileSink>& sink = f == stderr ? stderr_ : stdout_;
    if (!sink) {
      const bool buffered = f == stdout && !isatty(fileno(stdout));
      sink = std::make_shared<FileSink>(
          f, f == stderr ? "standard error" : "standard output", false, buffered);
    }
    return sink;
  }
  std::shared_ptr<FileSink> stdout_, stderr_;
};

}  // namespace journey::cli
