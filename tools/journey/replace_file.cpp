#include "tools/journey/replace_file.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace journey::cli {

namespace {

bool writeWhole(const std::string& path, std::string_view bytes, std::ios::openmode mode) {
  std::ofstream file(path, mode);
  return file && file.write(bytes.data(), static_cast<std::streamsize>(bytes.size())) &&
         file.flush();
}

}  // namespace

bool replaceFile(const std::string& link, std::string_view bytes) {
  namespace fs = std::filesystem;
  std::error_code ec;
  // A device, a pipe or a socket (`-o /dev/stdout`) is written to: renaming a file over it
  // would put a regular file in its place.
  fs::file_status existing = fs::status(link, ec);
  if (!ec && fs::exists(existing) && !fs::is_regular_file(existing)) {
    return writeWhole(link, bytes, std::ios::binary);
  }
  // Through a symbolic link, the file it names is replaced, not the link.
  std::string path = link;
  if (fs::is_symlink(fs::symlink_status(link, ec))) {
    path = fs::canonical(link, ec).string();
    if (ec) return false;
  }
  existing = fs::status(path, ec);
  std::string temporary = path + ".tmp";
  if (!writeWhole(temporary, bytes, std::ios::binary | std::ios::trunc)) {
    std::remove(temporary.c_str());
    return false;
  }
  if (!ec && fs::exists(existing)) fs::permissions(temporary, existing.permissions(), ec);
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    return false;
  }
  return true;
}

}  // namespace journey::cli
