// `journey fmt -d`: unified diffs by lines, as `diff -u` writes them.
#include <doctest/doctest.h>

#include <string>

#include "compiler/format/unified_diff.h"

namespace {

std::string numberedLines(int from, int to) {
  std::string s;
  for (int i = from; i <= to; ++i) s += "line " + std::to_string(i) + "\n";
  return s;
}

}  // namespace

TEST_SUITE("fmt") {

using journey::format::unifiedDiff;

TEST_CASE("equal texts have no diff") { CHECK(unifiedDiff("a\nb\n", "a\nb\n", "f") == ""); }

TEST_CASE("one changed line, with three lines of context") {
  std::string before = numberedLines(1, 10);
  std::string after = before;
  after.replace(after.find("line 5\n"), 7, "line five\n");
  CHECK(unifiedDiff(before, after, "x.journey") ==
        "--- a/x.journey\n+++ b/x.journey\n@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n"
        "+line five\n line 6\n line 7\n line 8\n");
}

TEST_CASE("changes far apart make two hunks, changes close together one") {
  std::string before = numberedLines(1, 20);
  std::string far = before;
  far.replace(far.find("line 2\n"), 7, "");
  far.replace(far.find("line 18\n"), 8, "line 18\nadded\n");
  CHECK(unifiedDiff(before, far, "f") ==
        "--- a/f\n+++ b/f\n@@ -1,5 +1,4 @@\n line 1\n-line 2\n line 3\n line 4\n line 5\n"
        "@@ -16,5 +15,6 @@\n line 16\n line 17\n line 18\n+added\n line 19\n line 20\n");
  std::string close = before;
  close.replace(close.find("line 5\n"), 7, "");
  close.replace(close.find("line 10\n"), 8, "");
  std::string diff = unifiedDiff(before, close, "f");
  CHECK(diff.find("\n@@ -2,12 +2,10 @@\n") != std::string::npos);
  CHECK(diff.find("\n@@ ") == diff.rfind("\n@@ "));  // a single hunk
}

TEST_CASE("whole files added or removed, and a missing last newline") {
  CHECK(unifiedDiff("", "a\nb\n", "f") == "--- a/f\n+++ b/f\n@@ -0,0 +1,2 @@\n+a\n+b\n");
  CHECK(unifiedDiff("a\n", "", "f") == "--- a/f\n+++ b/f\n@@ -1 +0,0 @@\n-a\n");
  CHECK(unifiedDiff("a\nb", "a\nb\n", "f") ==
        "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
}

TEST_CASE("a diff of many changes is still correct past the edit limit") {
  std::string before, after;
  for (int i = 0; i < 6000; ++i) {
    before += "a" + std::to_string(i) + "\n";
    after += "b" + std::to_string(i) + "\n";
  }
  std::string diff = unifiedDiff(before, after, "f");
  CHECK(diff.rfind("@@ -1,6000 +1,6000 @@\n", 20) != std::string::npos);
  size_t removed = 0, added = 0;
  for (size_t at = diff.find('\n'); at != std::string::npos; at = diff.find('\n', at + 1)) {
    if (diff.compare(at + 1, 2, "-a") == 0) ++removed;
    if (diff.compare(at + 1, 2, "+b") == 0) ++added;
  }
  CHECK(removed == 6000);
  CHECK(added == 6000);
}

}  // TEST_SUITE
