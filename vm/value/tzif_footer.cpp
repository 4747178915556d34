#include "vm/value/tzif_footer.h"

#include <fstream>
#include <iterator>

namespace journey {

std::optional<std::string> readTzifFooter(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return std::nullopt;
  std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  // "TZif", then the version: NUL for 1, '2', '3', '4' for later ones.
  if (bytes.size() < 5 || bytes.compare(0, 4, "TZif") != 0 || bytes[4] < '2' || bytes[4] > '9' ||
      bytes.back() != '\n') {
    return std::nullopt;
  }
  size_t open = bytes.rfind('\n', bytes.size() - 2);
  if (open == std::string::npos) return std::nullopt;
  return bytes.substr(open + 1, bytes.size() - open - 2);
}

}  // namespace journey
