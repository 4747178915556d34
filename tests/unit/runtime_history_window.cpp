// Runtime history windows (vm/runtime/history_window.h): the records found by search are the
// ones a scan of the whole history keeps with `from < time <= to` (how `history()` filtered
// them), for window ends at, just before and just after record times, also after trimming.
#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

#include "vm/runtime/history_window.h"
#include "vm/value/record.h"

using namespace journey;
using namespace journey::runtime;

namespace {

constexpr uint32_t kTimeField = 1;

const RecordLayout& visitLayout() {
  static const RecordLayout layout("Visit", {"page", "time"});
  return layout;
}

Value visit(Timestamp time) {
  RecordBuilder b(visitLayout());
  b.set(0, Value::string("home"));
  b.set(kTimeField, Value::timestamp(time.seconds, time.nanos));
  return b.build();
}

Timestamp timeOf(const Value& record) {
  return record.asRecord().field(kTimeField).asTimestamp();
}

Timestamp shifted(Timestamp t, int32_t nanos) {
  int64_t total = t.nanos + static_cast<int64_t>(nanos);
  int64_t carry = total < 0 ? -1 : total >= kNanosPerSecond ? 1 : 0;
  return {t.seconds + carry, static_cast<int32_t>(total - carry * kNanosPerSecond)};
}

// The records a full scan keeps, in order.
std::vector<const Value*> scanned(const History& h, Timestamp from, Timestamp to) {
  std::vector<const Value*> out;
  for (const Value& r : h) {
    if (from < timeOf(r) && timeOf(r) <= to) out.push_back(&r);
  }
  return out;
}

// Every window whose ends are at, 1ns before or 1ns after a record's time (or beyond all).
void checkEveryWindow(const History& h) {
  std::vector<Timestamp> ends{{0, 0}, {1000, 0}};
  for (const Value& r : h) {
    for (int32_t d : {-1, 0, 1}) ends.push_back(shifted(timeOf(r), d));
  }
  for (Timestamp from : ends) {
    for (Timestamp to : ends) {
      if (to < from) continue;
      CAPTURE(from.seconds);
      CAPTURE(from.nanos);
      CAPTURE(to.seconds);
      CAPTURE(to.nanos);
      HistoryRange found = recordsBetween(h, kTimeField, from, to);
      std::vector<const Value*> expected = scanned(h, from, to);
      REQUIRE(found.size() == expected.size());
      size_t i = 0;
      for (const Value& r : found) CHECK(&r == expected[i++]);
    }
  }
}

}  // namespace

TEST_SUITE("runtime history window") {

TEST_CASE("an empty history has no records in any window") {
  History h;
  CHECK(recordsBetween(h, kTimeField, {0, 0}, {100, 0}).empty());
}

TEST_CASE("window ends at, before and after record times, equal times included") {
  History h;
  for (Timestamp t : {Timestamp{10, 0}, Timestamp{20, 0}, Timestamp{20, 0}, Timestamp{20, 5},
                      Timestamp{30, 999999999}, Timestamp{40, 0}}) {
    h.push_back(visit(t));
  }
  checkEveryWindow(h);
  // `from` is exclusive, `to` inclusive.
  CHECK(recordsBetween(h, kTimeField, {20, 0}, {40, 0}).size() == 3);
  CHECK(recordsBetween(h, kTimeField, {19, 999999999}, {39, 0}).size() == 4);
}

TEST_CASE("a single record") {
  History h;
  h.push_back(visit({50, 0}));
  checkEveryWindow(h);
}

TEST_CASE("after trimming, the records left are searched") {
  History h;
  for (int64_t s = 1; s <= 12; ++s) h.push_back(visit({s * 10, 0}));
  for (int popped = 1; popped <= 11; ++popped) {
    CAPTURE(popped);
    h.pop_front();  // past half the vector the stale front is dropped: both layouts are seen
    checkEveryWindow(h);
  }
  h.push_back(visit({130, 0}));
  checkEveryWindow(h);
}

}  // TEST_SUITE
