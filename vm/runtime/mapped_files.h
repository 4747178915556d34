// The files LineReader maps into memory, for the one failure mapping adds: a file that shrinks
// while it is mapped (another process truncating it) makes reading its lost pages raise
// SIGBUS. The handler installed here turns that into `error: PATH: the file shrank while it was
// being read` and exit code 1 (an input that cannot be read) instead of a crash, with the
// output written so far flushed.
#pragma once

#include <cstddef>
#include <string>

namespace journey::runtime {

// Up to 16 mappings are named at once; others still work, and fail as a plain SIGBUS.
void registerMappedFile(const void* start, size_t length, const std::string& path);
void unregisterMappedFile(const void* start);

}  // namespace journey::runtime
