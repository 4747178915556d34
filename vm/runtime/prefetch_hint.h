// Prefetches that the optimiser keeps.
//
// GCC 12 counts __builtin_prefetch as having no effect. A function that does nothing else is
// then summarised as free of side effects, and a call to it whose result is unused is deleted,
// silently. Until session 37 that removed two of the batch prefetch's stages in optimised
// builds: the profile index's slots (ProfileIndex::prefetch) and the (journey, key) table's
// (MemoryStore::prefetchJourneyKey compiled to a bare `ret`). An empty volatile asm is an effect
// the compiler must keep, and with it every call that leads to it. It emits no instruction.
#pragma once

namespace journey::runtime {

// Marks the calling function as having an effect, so that calls to it stay.
inline void keepPrefetches() { asm volatile(""); }

// Starts loading the cache line holding `at`.
inline void prefetchLine(const void* at) {
  __builtin_prefetch(at);
  keepPrefetches();
}

}  // namespace journey::runtime
