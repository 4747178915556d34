// vm/runtime/output: RecordLine writes each line's time as formatTimestamp does, whatever the
// order of the times, and lines that share the reused buffers do not see each other's text.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "vm/runtime/output.h"
#include "vm/value/value_convert.h"

using namespace journey;
using runtime::RecordLine;

namespace {

std::string expectedLine(Timestamp t, std::string_view kind, std::string_view text) {
  return "{\"time\": \"" + formatTimestamp(t) + "\", \"kind\": \"" + std::string(kind) +
         "\", \"text\": \"" + std::string(text) + "\"}";
}

std::string lineAt(Timestamp t, std::string_view kind, std::string_view text) {
  RecordLine l(t, kind);
  l.text("text", text);
  return std::string(l.done());
}

}  // namespace

TEST_SUITE("runtime") {

TEST_CASE("record lines: times as formatTimestamp writes them, in any order") {
  std::mt19937_64 random(17);
  const int64_t day = 86400;
  Timestamp t{1'772'409'600, 0};  // 2026-03-02
  for (int i = 0; i < 20'000; ++i) {
    switch (random() % 8) {
      case 0: break;                                                    // the same instant
      case 1: t.seconds += static_cast<int64_t>(random() % day); break;  // later, maybe a new day
      case 2: t.seconds -= static_cast<int64_t>(random() % 100); break;  // earlier
      case 3: t.nanos = static_cast<int32_t>(random() % 1'000'000'000); break;
      case 4: t.nanos = 0; break;
      case 5: t.seconds = static_cast<int64_t>(random() % (400 * 366 * day)) - 200 * 366 * day; break;
      default: t.seconds += static_cast<int64_t>(random() % 10); break;  // a few seconds on
    }
    CAPTURE(t.seconds);
    CAPTURE(t.nanos);
    CHECK(lineAt(t, "send", "x") == expectedLine(t, "send", "x"));
  }
  // Across midnight, to the second: the date must change with it.
  for (Timestamp edge : {Timestamp{1'772'495'999, 0}, Timestamp{1'772'496'000, 0},
                         Timestamp{1'772'496'001, 0}, Timestamp{-1, 0}, Timestamp{0, 0}}) {
    CHECK(lineAt(edge, "k", "") == expectedLine(edge, "k", ""));
  }
}

TEST_CASE("record lines: lines alive together, long lines and moved lines keep their own text") {
  const Timestamp t{1'772'409'600, 0};
  std::string longText(5000, 'y');
  for (int round = 0; round < 3; ++round) {  // later rounds reuse the buffers of earlier ones
    std::vector<RecordLine> open;
    for (int i = 0; i < 12; ++i) {
      open.emplace_back(t, "k");
      open.back().text("text", i % 4 == 0 ? std::string_view(longText) : "v" + std::to_string(i));
    }
    for (int i = 0; i < 12; ++i) {
      std::string want = expectedLine(t, "k", i % 4 == 0 ? longText : "v" + std::to_string(i));
      CHECK(open[static_cast<size_t>(i)].done() == want);
    }
    RecordLine moved = std::move(open.back());
    open.pop_back();
    CHECK(moved.done() == expectedLine(t, "k", "v11"));
    CHECK(lineAt(t, "short", "z") == expectedLine(t, "short", "z"));
  }
}

}  // TEST_SUITE
