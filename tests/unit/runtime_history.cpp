// Runtime history (vm/runtime/history.h): the records found by search are the ones a scan of the
// whole history keeps with `from < time <= to` (how `history()` filtered them), for window ends
// at, just before and just after record times, also after trimming; listed, they are the
// records appended; a history that keeps only times counts the same and refuses to list.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "vm/runtime/history.h"
#include "vm/value/printer.h"
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
  b.set(0, Value::string("page-" + std::to_string(time.seconds) + "-" +
                         std::to_string(time.nanos)));
  b.set(kTimeField, Value::timestamp(time.seconds, time.nanos));
  return b.build();
}

void append(History& h, Timestamp t, bool keep = true) { h.append(t, visit(t), keep); }

Timestamp shifted(Timestamp t, int32_t nanos) {
  int64_t total = t.nanos + static_cast<int64_t>(nanos);
  int64_t carry = total < 0 ? -1 : total >= kNanosPerSecond ? 1 : 0;
  return {t.seconds + carry, static_cast<int32_t>(total - carry * kNanosPerSecond)};
}

// Every retained record comes back as the record of its time.
void checkRecords(const History& h) {
  Value all = h.list({0, h.size()}, "Visit");
  REQUIRE(all.kind() == ValueKind::List);
  REQUIRE(all.asList().size() == h.size());
  for (size_t i = 0; i < h.size(); ++i) {
    CHECK(toCelLiteral(all.asList()[i]) == toCelLiteral(visit(h.time(i))));
    if (i > 0) CHECK(h.time(i - 1) <= h.time(i));
  }
}

// Every window whose ends are at, 1ns before or 1ns after a record's time (or beyond all).
void checkEveryWindow(const History& h) {
  checkRecords(h);
  std::vector<Timestamp> ends{{0, 0}, {1000, 0}};
  for (size_t i = 0; i < h.size(); ++i) {
    for (int32_t d : {-1, 0, 1}) ends.push_back(shifted(h.time(i), d));
  }
  for (Timestamp from : ends) {
    for (Timestamp to : ends) {
      if (to < from) continue;
      CAPTURE(from.seconds);
      CAPTURE(from.nanos);
      CAPTURE(to.seconds);
      CAPTURE(to.nanos);
      History::Span found = h.between(from, to);
      std::vector<size_t> expected;
      for (size_t i = 0; i < h.size(); ++i) {
        if (from < h.time(i) && h.time(i) <= to) expected.push_back(i);
      }
      REQUIRE(found.size() == expected.size());
      if (!expected.empty()) CHECK(found.begin == expected.front());
      Value list = h.list(found, "Visit");
      REQUIRE(list.asList().size() == expected.size());
      for (size_t k = 0; k < expected.size(); ++k) {
        CHECK(toCelLiteral(list.asList()[k]) == toCelLiteral(visit(h.time(expected[k]))));
      }
    }
  }
}

}  // namespace

TEST_SUITE("runtime history") {

TEST_CASE("an empty history has no records in any window") {
  History h;
  CHECK(h.empty());
  CHECK(h.between({0, 0}, {100, 0}).empty());
  CHECK(h.list(h.between({0, 0}, {100, 0}), "Visit").asList().empty());
}

TEST_CASE("window ends at, before and after record times, equal times included") {
  History h;
  for (Timestamp t : {Timestamp{10, 0}, Timestamp{20, 0}, Timestamp{20, 0}, Timestamp{20, 5},
                      Timestamp{30, 999999999}, Timestamp{40, 0}}) {
    append(h, t);
  }
  checkEveryWindow(h);
  // `from` is exclusive, `to` inclusive.
  CHECK(h.between({20, 0}, {40, 0}).size() == 3);
  CHECK(h.between({19, 999999999}, {39, 0}).size() == 4);
}

TEST_CASE("a single record") {
  History h;
  append(h, {50, 0});
  checkEveryWindow(h);
}

TEST_CASE("after trimming, the records left are searched and read back") {
  History h;
  for (int64_t s = 1; s <= 12; ++s) append(h, {s * 10, 0});
  for (int dropped = 1; dropped <= 11; ++dropped) {
    CAPTURE(dropped);
    h.dropOldest();  // past half of what is held the stale front is dropped: both layouts seen
    REQUIRE(h.size() == static_cast<size_t>(12 - dropped));
    CHECK(h.time(0) == Timestamp{(dropped + 1) * 10, 0});
    checkEveryWindow(h);
  }
  append(h, {130, 0});
  checkEveryWindow(h);
  h.dropOldest();
  h.dropOldest();
  CHECK(h.empty());
  append(h, {140, 0});
  checkEveryWindow(h);
}

TEST_CASE("a history of times only counts like one of records, and does not list") {
  History times, records;
  for (int64_t s = 1; s <= 9; ++s) {
    append(times, {s * 10, 0}, false);
    append(records, {s * 10, 0}, true);
  }
  for (int round = 0; round < 6; ++round) {
    for (Timestamp from : {Timestamp{0, 0}, Timestamp{35, 0}, Timestamp{60, 0}}) {
      for (Timestamp to : {Timestamp{60, 0}, Timestamp{75, 0}, Timestamp{1000, 0}}) {
        History::Span a = times.between(from, to), b = records.between(from, to);
        CHECK(a.begin == b.begin);
        CHECK(a.end == b.end);
      }
    }
    REQUIRE(times.size() == records.size());
    for (size_t i = 0; i < times.size(); ++i) CHECK(times.time(i) == records.time(i));
    Value listed = times.list({0, times.size()}, "Visit");
    if (times.empty()) {
      CHECK(listed.asList().empty());
    } else {
      REQUIRE(listed.isError());
      CHECK(listed.errorMessage().find("`Visit`") != std::string_view::npos);
    }
    times.dropOldest();
    records.dropOldest();
    records.dropOldest();
    times.dropOldest();
  }
  CHECK(times.empty());
}

}  // TEST_SUITE
