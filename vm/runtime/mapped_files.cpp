#include "vm/runtime/mapped_files.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <mutex>

namespace journey::runtime {

namespace {

// A fixed table, so that the signal handler reads it without locks or allocation: a slot is
// published by storing its start last, and freed by clearing it.
struct Slot {
  std::atomic<const char*> start{nullptr};
  size_t length = 0;
  char path[512] = {};
};
Slot slots[16];
std::atomic<std::FILE*> outputStreams[8];

void writeAll(const char* text, size_t length) {
  while (length > 0) {
    ssize_t n = ::write(STDERR_FILENO, text, length);
    if (n <= 0) return;
    text += n;
    length -= static_cast<size_t>(n);
  }
}

void onBusError(int signal, siginfo_t* info, void*) {
  const char* at = static_cast<const char*>(info->si_addr);
  for (Slot& slot : slots) {
    const char* start = slot.start.load(std::memory_order_acquire);
    if (!start || at < start || at >= start + slot.length) continue;
    // What was written before is kept: stdio's buffers are flushed first. Not safe in every
    // signal handler, but this fault is synchronous, in code reading an input (a scan or a
    // parse), never inside stdio: this thread holds no stream's lock. When the inputs are
    // read on a thread of their own, the runtime's thread may be writing meanwhile: the
    // streams it writes are held from their flush to the end (registerOutputStream).
    for (std::atomic<std::FILE*>& held : outputStreams) {
      if (std::FILE* stream = held.load(std::memory_order_acquire)) {
        flockfile(stream);
        fflush_unlocked(stream);
      }
    }
    std::fflush(nullptr);
    writeAll("error: ", 7);
    writeAll(slot.path, std::strlen(slot.path));
    const char why[] = ": the file shrank while it was being read\n";
    writeAll(why, sizeof why - 1);
    ::_exit(1);
  }
  // Not one of ours: the default action, when the faulting access runs again.
  ::signal(signal, SIG_DFL);
}

void installHandler() {
  struct sigaction action {};
  action.sa_sigaction = onBusError;
  action.sa_flags = SA_SIGINFO;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGBUS, &action, nullptr);
}

}  // namespace

void registerMappedFile(const void* start, size_t length, const std::string& path) {
  static std::once_flag installed;
  std::call_once(installed, installHandler);
  static std::mutex registering;  // slots are claimed by one thread at a time
  std::lock_guard lock(registering);
  for (Slot& slot : slots) {
    if (slot.start.load(std::memory_order_relaxed)) continue;
    slot.length = length;
    size_t n = std::min(path.size(), sizeof slot.path - 1);
    std::memcpy(slot.path, path.data(), n);
    slot.path[n] = '\0';
    slot.start.store(static_cast<const char*>(start), std::memory_order_release);
    return;
  }
}

void unregisterMappedFile(const void* start) {
  for (Slot& slot : slots) {
    if (slot.start.load(std::memory_order_relaxed) == start) {
      slot.start.store(nullptr, std::memory_order_release);
      return;
    }
  }
}

void registerOutputStream(std::FILE* stream) {
  for (std::atomic<std::FILE*>& held : outputStreams) {  // sinks may share a stream (stdout)
    if (held.load(std::memory_order_relaxed) == stream) return;
  }
  for (std::atomic<std::FILE*>& held : outputStreams) {
    std::FILE* empty = nullptr;
    if (held.compare_exchange_strong(empty, stream, std::memory_order_acq_rel)) return;
  }
}

void unregisterOutputStream(std::FILE* stream) {
  for (std::atomic<std::FILE*>& held : outputStreams) {
    std::FILE* expected = stream;
    held.compare_exchange_strong(expected, nullptr, std::memory_order_acq_rel);
  }
}

}  // namespace journey::runtime
