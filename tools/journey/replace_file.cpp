#include "tools/journey/replace_file.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace journey::cli {

bool replaceFile(const std::string& path, std::string_view bytes) {
  namespace fs = std::filesystem;
  std::string temporary = path + ".tmp";
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    if (!file || !file.write(bytes.data(), static_cast<std::streamsize>(bytes.size())) || !file.flush()) {
      std::remove(temporary.c_str());
      return false;
    }
  }
  std::error_code ec;
  fs::file_status existing = fs::status(path, ec);
  if (!ec && fs::exists(existing)) fs::permissions(temporary, existing.permissions(), ec);
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    return false;
  }
  return true;
}

}  // namespace journey::cli
