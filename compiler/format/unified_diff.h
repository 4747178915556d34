// A unified diff of two texts by lines, as `diff -u` writes it, for `journey fmt -d`.
#pragma once

#include <string>
#include <string_view>

namespace journey::format {

// "" when the texts are equal. Otherwise `--- a/NAME`, `+++ b/NAME` and hunks with three lines of
// context; a last line without a newline is marked `\ No newline at end of file`.
std::string unifiedDiff(std::string_view before, std::string_view after, std::string_view name);

}  // namespace journey::format
