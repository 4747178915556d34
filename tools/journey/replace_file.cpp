#include "tools/journey/replace_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include <sys/stat.h>
#include <unistd.h>

namespace journey::cli {

namespace {

// Why the last system call failed, as the C library says it.
std::string lastError() { return errno ? std::strerror(errno) : "write failed"; }

std::optional<std::string> writeWhole(const std::string& path, std::string_view bytes,
                                      std::ios::openmode mode) {
  errno = 0;
  std::ofstream file(path, mode);
  if (file && file.write(bytes.data(), static_cast<std::streamsize>(bytes.size())) &&
      file.flush()) {
    return std::nullopt;
  }
  return lastError();
}

// The file a symbolic link names, followed through links to links, whether or not it exists
// yet (a link made before the first build it names): an error when there are too many links.
std::optional<std::string> followLinks(std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (int hops = 0; fs::is_symlink(fs::symlink_status(path, ec)); ++hops) {
    if (hops == 40) return std::string(std::strerror(ELOOP));
    fs::path target = fs::read_symlink(path, ec);
    if (ec) return ec.message();
    path = (target.is_absolute() ? target : fs::path(path).parent_path() / target).string();
  }
  return std::nullopt;
}

}  // namespace

bool isStreamPath(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  return !ec && fs::exists(status) && !fs::is_regular_file(status) && !fs::is_directory(status);
}

std::optional<std::string> replaceFile(const std::string& link, std::string_view bytes) {
  namespace fs = std::filesystem;
  std::error_code ec;
  // A device, a pipe or a socket (`-o /dev/stdout`) is written to: renaming a file over it
  // would put a regular file in its place.
  if (isStreamPath(link)) return writeWhole(link, bytes, std::ios::binary);
  if (fs::is_directory(link, ec)) return "it is a directory";
  // Through a symbolic link, the file it names is replaced, not the link.
  std::string path = link;
  if (std::optional<std::string> error = followLinks(path)) return error;
  fs::file_status existing = fs::status(path, ec);
  // Renaming needs only the folder's permission; a file its owner made read-only is left as
  // it is, as writing into it would be refused (and root, who may write it, is asked to
  // make it writable first).
  if (!ec && fs::exists(existing)) {
    constexpr fs::perms kWrite =
        fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write;
    if ((existing.permissions() & kWrite) == fs::perms::none || access(path.c_str(), W_OK) != 0) {
      return fmt::format("it is read-only (mode {:04o})",
                         static_cast<unsigned>(existing.permissions()) & 07777);
    }
  }
  // A name of its own (`OUT.XXXXXX`), so that no file or folder of the user's is written over
  // or removed; made 0600, given the permissions a new file would have, or the replaced one's.
  std::string temporary = path + ".XXXXXX";
  errno = 0;
  int fd = mkstemp(temporary.data());
  if (fd < 0) return lastError();
  close(fd);
  if (std::optional<std::string> error =
          writeWhole(temporary, bytes, std::ios::binary | std::ios::trunc)) {
    std::remove(temporary.c_str());
    return error;
  }
  if (!ec && fs::exists(existing)) {
    fs::permissions(temporary, existing.permissions(), ec);
  } else {
    mode_t mask = umask(0);
    umask(mask);
    fs::permissions(temporary, static_cast<fs::perms>(0666 & ~mask), ec);
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::string error = lastError();
    std::remove(temporary.c_str());
    return error;
  }
  return std::nullopt;
}

}  // namespace journey::cli
