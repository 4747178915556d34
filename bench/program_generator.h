// Generates large, valid Journey programs for benchmarks: a schema, events, audiences and many
// journeys that use most step kinds, deterministic for a given size.
#pragma once

#include <string>

namespace journey::bench {

// A program of about `lines` lines (at least one journey).
std::string generateProgram(int lines);

}  // namespace journey::bench
