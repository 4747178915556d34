// "Did you mean" suggestions for misspelt names.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace journey::sema {

// The candidate closest to `name` by edit distance (a case-only difference counts as the
// closest), or nothing when none is close enough to be a plausible typo. Ties go to the first
// candidate, so pass candidates in a stable order.
std::optional<std::string> closestName(std::string_view name,
                                       const std::vector<std::string>& candidates);

// Edit distance in bytes, where swapping two adjacent characters counts as one edit.
size_t editDistance(std::string_view a, std::string_view b);

}  // namespace journey::sema
