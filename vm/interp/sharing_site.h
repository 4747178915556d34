// Where recurring values come from when an input shares them (RecurringStrings,
// RecurringObjects), and how often one was found there to share. Sharing stops at a site whose
// values seldom recur (ids, counters): each miss replaces an entry of the table, touching
// memory that may be cold, for nothing.
#pragma once

#include <cstdint>

namespace journey::interp {

struct SharingSite {
  static constexpr uint32_t kReview = 1024;  // look-ups between two judgements of a site

  uint32_t lookups = 0;
  uint32_t hits = 0;
  bool off = false;

  // Counts a look-up; every kReview of them, sharing stops here if fewer than half were found.
  void count(bool hit) {
    hits += hit ? 1 : 0;
    if (++lookups < kReview) return;
    if (hits * 2 < lookups) off = true;
    lookups = 0;
    hits = 0;
  }
};

}  // namespace journey::interp
