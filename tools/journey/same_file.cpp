#include "tools/journey/same_file.h"

#include <filesystem>

namespace journey::cli {

bool sameFile(const std::string& a, const std::string& b) {
  std::error_code ec;
  if (std::filesystem::equivalent(a, b, ec) && !ec) return true;
  // Absolute first: `n.jsonl` and `./n.jsonl`, not written yet, are one file.
  std::filesystem::path ca = std::filesystem::weakly_canonical(std::filesystem::absolute(a), ec);
  if (ec) return false;
  std::filesystem::path cb = std::filesystem::weakly_canonical(std::filesystem::absolute(b), ec);
  return !ec && ca == cb;
}

}  // namespace journey::cli
