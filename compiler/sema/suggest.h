// "Did you mean" suggestions for misspelt names.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diagnostics/diagnostic.h"

namespace journey::sema {

// Whether `a` and `b` differ at most in the case of ASCII letters (`signup`, `Signup`).
bool sameIgnoringCase(std::string_view a, std::string_view b);

// The candidate closest to `name` by edit distance (a case-only difference counts as the
// closest), or nothing when none is close enough to be a plausible typo. Ties go to the first
// candidate, so pass candidates in a stable order.
std::optional<std::string> closestName(std::string_view name,
                                       const std::vector<std::string>& candidates);
// Every candidate close enough to `name` to be a plausible typo, closest first (ties in the
// candidates' order): closestName's first choice, then the others.
std::vector<std::string> closeNames(std::string_view name,
                                    const std::vector<std::string>& candidates);

// Adds "did you mean `x`?" to `d` when a candidate is close to `name`; else notes that the
// program declares no `plural` (`events`, `audiences`), or which it declares when they are few.
void suggestDeclaredName(Diagnostic& d, std::string_view name,
                         const std::vector<std::string>& candidates, std::string_view plural);

// The names of a symbol table keyed by name, in the table's order: candidates for closestName.
template <typename Map>
std::vector<std::string> namesOf(const Map& table) {
  std::vector<std::string> out;
  for (const auto& [name, value] : table) out.push_back(name);
  return out;
}

// Edit distance in bytes, where swapping two adjacent characters counts as one edit; once it
// is known to be over `atMost`, atMost + 1 (the rest of the table is not computed).
size_t editDistance(std::string_view a, std::string_view b, size_t atMost = SIZE_MAX);

}  // namespace journey::sema
