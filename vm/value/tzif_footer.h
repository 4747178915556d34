// The footer of a TZif file (RFC 8536 §3.3): the POSIX TZ string that gives the zone's rule
// after the last transition the file lists.
#pragma once

#include <optional>
#include <string>

namespace journey {

// The text between the last two newlines of the file at `path`; nullopt when it cannot be
// read, is not a TZif file of version 2 or later (version 1 has no footer), or does not end so.
// An empty footer (a zone with no rule for later times) is an empty string.
std::optional<std::string> readTzifFooter(const std::string& path);

}  // namespace journey
