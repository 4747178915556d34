// Writing a whole file so that no reader ever sees half of it: `build` writes artifacts and
// `fmt -w` rewrites sources this way.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace journey::cli {

// Writes `bytes` to a new file beside `path` (`path.XXXXXX`), then renames it over `path`. A
// file that is replaced keeps its permissions, a new one gets those the umask gives; through
// a symbolic link, the file it names is replaced (or made, when the link is there first). A
// read-only file is not (no write permission for anyone, or none for this user): that is the
// error. Anything but a regular file (a device, a pipe) is written to instead, as it stands.
// When a step fails: why (`No space left on device`), and no temporary left behind.
std::optional<std::string> replaceFile(const std::string& path, std::string_view bytes);

// Whether `path` names something that is neither a regular file nor a folder (a device, a
// pipe, a socket, `/dev/stdout`): what replaceFile writes to as it stands.
bool isStreamPath(const std::string& path);

}  // namespace journey::cli
