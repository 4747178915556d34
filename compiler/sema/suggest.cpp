#include "compiler/sema/suggest.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace journey::sema {

size_t editDistance(std::string_view a, std::string_view b, size_t atMost) {
  // Optimal string alignment: insertions, deletions, substitutions and swaps of two adjacent
  // characters (`emial` -> `email`) each cost one. Three rows of the table: a swap looks two
  // back.
  std::vector<size_t> before(b.size() + 1), previous(b.size() + 1), row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        row[j] = std::min(row[j], before[j - 2] + 1);
      }
    }
    // Each entry comes from the two rows above it: once both are past `atMost`, so is the end.
    if (*std::min_element(row.begin(), row.end()) > atMost &&
        *std::min_element(previous.begin(), previous.end()) > atMost) {
      return atMost + 1;
    }
    std::swap(before, previous);
    std::swap(previous, row);
  }
  return std::min(previous[b.size()], atMost == SIZE_MAX ? atMost : atMost + 1);
}

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

bool sameIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::vector<std::string> closeNames(std::string_view name,
                                    const std::vector<std::string>& candidates) {
  // About one typo per three characters, at least one: `Purchse` finds `Purchase`, while `a`
  // does not suggest `b`. A case-only difference is distance 0, the closest.
  std::string lowered = lower(name);
  size_t limit = std::max<size_t>(1, name.size() / 3);
  std::vector<std::pair<size_t, const std::string*>> close;  // (distance, candidate)
  for (const std::string& c : candidates) {
    if (c == name) continue;
    // The distance is at least the difference in length: most candidates stop here.
    if (std::max(c.size(), name.size()) - std::min(c.size(), name.size()) > limit) continue;
    size_t d = editDistance(lowered, lower(c), limit);
    if (d <= limit && d < std::max(name.size(), c.size())) close.emplace_back(d, &c);
  }
  std::stable_sort(close.begin(), close.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (const auto& [d, c] : close) out.push_back(*c);
  return out;
}

std::optional<std::string> closestName(std::string_view name,
                                       const std::vector<std::string>& candidates) {
  std::vector<std::string> close = closeNames(name, candidates);
  if (close.empty()) return std::nullopt;
  return close.front();
}

void suggestDeclaredName(Diagnostic& d, std::string_view name,
                         const std::vector<std::string>& candidates, std::string_view plural) {
  if (std::optional<std::string> close = closestName(name, candidates)) {
    d.helps.push_back("did you mean `" + *close + "`?");
  } else if (candidates.empty()) {
    d.notes.push_back("the program declares no " + std::string(plural));
  } else if (candidates.size() <= 8) {  // a short list says what there is to choose from
    std::string list;
    for (const std::string& c : candidates) list += (list.empty() ? "`" : ", `") + c + "`";
    d.notes.push_back("the program declares these " + std::string(plural) + ": " + list);
  }
}

}  // namespace journey::sema
