#include "tools/journey/replace_file.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace journey::cli {

bool replaceFile(const std::string& link, std::string_view bytes) {
  namespace fs = std::filesystem;
  std::error_code ec;
  // Through a symbolic link, the file it names is replaced, not the link.
  std::string path = link;
  if (fs::is_symlink(fs::symlink_status(link, ec))) {
    path = fs::canonical(link, ec).string();
    if (ec) return false;
  }
  std::string temporary = path + ".tmp";
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    if (!file || !file.write(bytes.data(), static_cast<std::streamsize>(bytes.size())) || !file.flush()) {
      std::remove(temporary.c_str());
      return false;
    }
  }
  fs::file_status existing = fs::status(path, ec);
  if (!ec && fs::exists(existing)) fs::permissions(temporary, existing.permissions(), ec);
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    return false;
  }
  return true;
}

}  // namespace journey::cli
