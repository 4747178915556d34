// A profile's send log (vm/runtime/send_log.h) answers a rule as a scan of every send logged
// would (`from < time`, of the channel, of the journey for a journey's rule), for window
// starts at, just before and just after send times, while sends of several channels and
// journeys interleave and old ones are forgotten.
#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <random>
#include <vector>

#include "vm/runtime/send_log.h"

using namespace journey;
using namespace journey::runtime;

namespace {

struct Sent {
  Timestamp time;
  uint32_t channel = 0;
  uint32_t journey = 0;
};

int64_t scanned(const std::vector<Sent>& all, uint32_t channel, std::optional<uint32_t> journey,
                Timestamp from) {
  int64_t n = 0;
  for (const Sent& s : all) {
    n += s.channel == channel && (!journey || s.journey == *journey) && from < s.time;
  }
  return n;
}

}  // namespace

TEST_CASE("send log: counts as a scan of every send, as old sends are forgotten") {
  std::mt19937 random(7);
  constexpr int64_t kKept = 50;  // the longest rule's window, in seconds
  SendLog log;
  std::vector<Sent> all;
  Timestamp now{1'000, 0};
  for (int i = 0; i < 400; ++i) {  // some 50 in the longest window at a time
    now.seconds += random() % 3;  // sends at the same instant too
    Sent s{now, static_cast<uint32_t>(random() % 3), static_cast<uint32_t>(random() % 4)};
    log.add(s.channel, s.journey, now, Timestamp{now.seconds - kKept, 0});
    all.push_back(s);
    for (int64_t back : {int64_t{0}, int64_t{7}, kKept - 1, kKept}) {
      for (int32_t nanos : {0, 1}) {
        Timestamp from{now.seconds - back - (nanos ? 1 : 0), nanos ? 999'999'999 : 0};
        if (from < Timestamp{now.seconds - kKept, 0}) continue;  // wider than any rule's
        for (uint32_t channel = 0; channel < 3; ++channel) {
          CHECK(log.countAfter(channel, std::nullopt, from) ==
                scanned(all, channel, std::nullopt, from));
          for (uint32_t journey = 0; journey < 4; ++journey) {
            CHECK(log.countAfter(channel, journey, from) == scanned(all, channel, journey, from));
          }
        }
      }
    }
  }
}

TEST_CASE("send log: an empty log, and one whose sends are all forgotten") {
  SendLog log;
  CHECK(log.empty());
  CHECK(log.countAfter(0, std::nullopt, Timestamp{0, 0}) == 0);
  log.add(1, 2, Timestamp{10, 0}, Timestamp{0, 0});
  CHECK_FALSE(log.empty());
  CHECK(log.countAfter(1, 2, Timestamp{9, 999'999'999}) == 1);
  CHECK(log.countAfter(1, 2, Timestamp{10, 0}) == 0);  // (from, now]: a send at `from` is out
  CHECK(log.countAfter(1, 3, Timestamp{0, 0}) == 0);
  CHECK(log.countAfter(2, std::nullopt, Timestamp{0, 0}) == 0);
  // A send of another channel forgets the first, now past every window.
  log.add(4, 2, Timestamp{100, 0}, Timestamp{50, 0});
  CHECK(log.countAfter(1, std::nullopt, Timestamp{0, 0}) == 0);
  CHECK(log.countAfter(4, 2, Timestamp{50, 0}) == 1);
}
