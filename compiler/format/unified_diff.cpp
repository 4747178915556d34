// Myers' O(ND) difference algorithm over lines. Formatting changes few lines of a file, so D is
// small; past kMaxEdits the middle of the files is shown replaced as a whole instead, which is
// still a correct diff.
#include "compiler/format/unified_diff.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace journey::format {

namespace {

constexpr int64_t kMaxEdits = 4000;
constexpr size_t kContext = 3;

struct TextLine {
  std::string_view text;  // without its newline
  bool newline = true;    // false for a last line that has none

  bool operator==(const TextLine& o) const { return text == o.text && newline == o.newline; }
};

std::vector<TextLine> splitLines(std::string_view s) {
  std::vector<TextLine> lines;
  size_t start = 0;
  while (start < s.size()) {
    size_t nl = s.find('\n', start);
    if (nl == std::string_view::npos) {
      lines.push_back({s.substr(start), false});
      break;
    }
    lines.push_back({s.substr(start, nl - start), true});
    start = nl + 1;
  }
  return lines;
}

enum class Op : uint8_t { Keep, Remove, Add };

struct Edit {
  Op op;
  size_t before;  // line index in `before` (Keep, Remove)
  size_t after;   // line index in `after` (Keep, Add)
};

// The edits turning a[lo_a, hi_a) into b[lo_b, hi_b), in order.
std::vector<Edit> myers(const std::vector<TextLine>& a, const std::vector<TextLine>& b, size_t loA,
                        size_t hiA, size_t loB, size_t hiB) {
  auto n = static_cast<int64_t>(hiA - loA);
  auto m = static_cast<int64_t>(hiB - loB);
  auto same = [&](int64_t x, int64_t y) { return a[loA + x] == b[loB + y]; };
  // trace[d] holds the furthest x on each diagonal k in [-(d+1), d+1] before step d.
  std::vector<std::vector<int64_t>> trace;
  std::vector<int64_t> v(2 * static_cast<size_t>(n + m) + 3, 0);
  int64_t offset = n + m + 1;
  int64_t found = -1;
  for (int64_t d = 0; d <= n + m && d <= kMaxEdits; ++d) {
    trace.emplace_back(v.begin() + (offset - d - 1), v.begin() + (offset + d + 2));
    for (int64_t k = -d; k <= d; k += 2) {
      int64_t x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1]
                                                                                : v[offset + k - 1] + 1;
      int64_t y = x - k;
      while (x < n && y < m && same(x, y)) ++x, ++y;
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    if (found >= 0) break;
  }

  std::vector<Edit> edits;
  if (found < 0) {
    for (int64_t x = 0; x < n; ++x) edits.push_back({Op::Remove, loA + x, 0});
    for (int64_t y = 0; y < m; ++y) edits.push_back({Op::Add, 0, loB + y});
    return edits;
  }
  int64_t x = n;
  int64_t y = m;
  for (int64_t d = found; d >= 0; --d) {
    const std::vector<int64_t>& prev = trace[d];
    auto at = [&](int64_t k) { return prev[k + d + 1]; };
    int64_t k = x - y;
    int64_t prevK = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
    int64_t prevX = at(prevK);
    int64_t prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      --x, --y;
      edits.push_back({Op::Keep, loA + x, loB + y});
    }
    if (d > 0) {
      if (x == prevX) {
        edits.push_back({Op::Add, 0, loB + prevY});
      } else {
        edits.push_back({Op::Remove, loA + prevX, 0});
      }
    }
    x = prevX;
    y = prevY;
  }
  std::reverse(edits.begin(), edits.end());
  return edits;
}

void appendLine(std::string& out, char mark, const TextLine& line) {
  out += mark;
  out += line.text;
  out += '\n';
  if (!line.newline) out += "\\ No newline at end of file\n";
}

// `-12,3` ; a range of one line is written without its count, an empty one from the line before.
std::string range(size_t first, size_t count) {
  if (count == 1) return std::to_string(first + 1);
  return std::to_string(count == 0 ? first : first + 1) + "," + std::to_string(count);
}

}  // namespace

std::string unifiedDiff(std::string_view beforeText, std::string_view afterText, std::string_view name) {
  if (beforeText == afterText) return "";
  std::vector<TextLine> a = splitLines(beforeText);
  std::vector<TextLine> b = splitLines(afterText);
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  std::vector<Edit> edits;
  for (size_t i = 0; i < prefix; ++i) edits.push_back({Op::Keep, i, i});
  std::vector<Edit> middle = myers(a, b, prefix, a.size() - suffix, prefix, b.size() - suffix);
  edits.insert(edits.end(), middle.begin(), middle.end());
  for (size_t i = suffix; i-- > 0;) edits.push_back({Op::Keep, a.size() - 1 - i, b.size() - 1 - i});

  std::string out = "--- a/" + std::string(name) + "\n+++ b/" + std::string(name) + "\n";
  size_t i = 0;
  while (i < edits.size()) {
    if (edits[i].op == Op::Keep) {
      ++i;
      continue;
    }
    // A hunk: from kContext lines before this change to kContext after the last change that is
    // no more than 2 * kContext unchanged lines from the one before it.
    size_t start = i >= kContext ? i - kContext : 0;
    size_t end = i;
    size_t unchanged = 0;
    for (size_t j = i; j < edits.size(); ++j) {
      if (edits[j].op == Op::Keep) {
        if (++unchanged > 2 * kContext) break;
      } else {
        unchanged = 0;
        end = j;
      }
    }
    size_t stop = std::min(edits.size(), end + 1 + kContext);
    size_t firstBefore = SIZE_MAX, firstAfter = SIZE_MAX, countBefore = 0, countAfter = 0;
    for (size_t j = start; j < stop; ++j) {
      const Edit& e = edits[j];
      if (e.op != Op::Add) {
        firstBefore = std::min(firstBefore, e.before);
        ++countBefore;
      }
      if (e.op != Op::Remove) {
        firstAfter = std::min(firstAfter, e.after);
        ++countAfter;
      }
    }
    // An empty side starts after the line before the hunk.
    auto lineBefore = [&](bool ofBefore) {
      size_t n = 0;
      for (size_t j = 0; j < start; ++j) {
        if (ofBefore ? edits[j].op != Op::Add : edits[j].op != Op::Remove) ++n;
      }
      return n;
    };
    if (countBefore == 0) firstBefore = lineBefore(true);
    if (countAfter == 0) firstAfter = lineBefore(false);
    out += "@@ -" + range(firstBefore, countBefore) + " +" + range(firstAfter, countAfter) + " @@\n";
    for (size_t j = start; j < stop; ++j) {
      const Edit& e = edits[j];
      switch (e.op) {
        case Op::Keep: appendLine(out, ' ', a[e.before]); break;
        case Op::Remove: appendLine(out, '-', a[e.before]); break;
        case Op::Add: appendLine(out, '+', b[e.after]); break;
      }
    }
    i = stop;
  }
  return out;
}

}  // namespace journey::format
