// A profile's delivered sends on the channels that frequency rules (`cap`) count: per channel
// and journey, the times of its sends, oldest first.
//
// A rule asks how many sends of a channel (of one journey, for a journey's rule) fall in
// (now - window, now]. Kept apart by channel and journey, each answer is a binary search in
// the logs the rule counts, so a profile that has sent a hundred thousand messages pays for a
// send what one that has sent three does; one log of every send, scanned, made that quadratic.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

#include "absl/container/inlined_vector.h"

#include "vm/value/value.h"

namespace journey::runtime {

class SendLog {
 public:
  // Sends of `channel` after `from`: by `journey` alone when one is given.
  int64_t countAfter(uint32_t channel, std::optional<uint32_t> journey, Timestamp from) const {
    int64_t sent = 0;
    for (const Times& log : logs_) {
      if (log.channel != channel || (journey && log.journey != *journey)) continue;
      sent += log.times.end() - std::upper_bound(log.times.begin(), log.times.end(), from);
    }
    return sent;
  }

  // Logs a send at `now` (never before an earlier one: the clock does not go back), and
  // forgets those at or before `keepFrom`, which no rule counts any more. A log drops its
  // forgotten front once it is half of it, so each send is moved a bounded number of times.
  void add(uint32_t channel, uint32_t journey, Timestamp now, Timestamp keepFrom) {
    bool added = false;
    for (Times& log : logs_) {
      if (log.channel == channel && log.journey == journey) {
        log.times.push_back(now);
        added = true;
      }
      auto kept = std::upper_bound(log.times.begin(), log.times.end(), keepFrom);
      if (2 * (kept - log.times.begin()) >= std::ssize(log.times)) {
        log.times.erase(log.times.begin(), kept);
      }
    }
    std::erase_if(logs_, [](const Times& log) { return log.times.empty(); });
    if (!added) logs_.push_back({channel, journey, {now}});
  }

  // Where the logs start, for a prefetch.
  const void* data() const { return logs_.data(); }
  bool empty() const { return logs_.empty(); }

 private:
  // One channel and journey's times. Three inline (a usual rule's count, `cap email 3 per
  // 7d`): one cache line, and most profiles' logs need no allocation beside the list's.
  struct Times {
    uint32_t channel = 0;
    uint32_t journey = 0;
    absl::InlinedVector<Timestamp, 3> times;
  };
  static_assert(sizeof(Times) == 64);
  std::vector<Times> logs_;
};

}  // namespace journey::runtime
