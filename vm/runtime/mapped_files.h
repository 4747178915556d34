// The files LineReader maps into memory, for the one failure mapping adds: a file that shrinks
// while it is mapped (another process truncating it) makes reading its lost pages raise
// SIGBUS. The handler installed here turns that into `error: PATH: the file shrank while it was
// being read` and exit code 1 (an input that cannot be read) instead of a crash, with the
// output written so far flushed.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>

namespace journey::runtime {

// Up to 16 mappings are named at once; others still work, and fail as a plain SIGBUS.
void registerMappedFile(const void* start, size_t length, const std::string& path);
void unregisterMappedFile(const void* start);

// Output streams that another thread writes while the inputs are read (a run reading ahead),
// a line at a time under the stream's lock. The handler takes each one's lock, flushes it and
// keeps the lock until the process ends: the writer stops before its next line instead of
// leaving part of one in the file (stdio writes a full buffer out in the middle of a line).
// Up to 8 at once.
void registerOutputStream(std::FILE* stream);
void unregisterOutputStream(std::FILE* stream);

}  // namespace journey::runtime
